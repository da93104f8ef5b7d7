package dev.certsd.ui.details;

import dev.certsd.diagnose.Severity;
import dev.certsd.fix.Fix;
import java.util.List;

/**
 * Everything the details pane shows for one node, already in words: the view only lays it out.
 *
 * @param banner   the host verdict (or the root's state), or null
 * @param findings rendered findings of the node, most severe first
 */
public record Details(String title, String subtitle, Banner banner, List<Section> sections, List<Line> findings) {
    public Details {
        sections = List.copyOf(sections);
        findings = List.copyOf(findings);
    }

    /** A coloured line at the top; the tone is also said in words by the text itself. */
    public record Banner(Tone tone, String text) {
    }

    /** How a banner should look. */
    public enum Tone { SUCCESS, DANGER, WARNING, MUTED }

    /** A titled group of label/value rows. */
    public record Section(String title, List<Row> rows) {
        public Section {
            rows = List.copyOf(rows);
        }
    }

    /** One fact. */
    public record Row(String label, String value) {
    }

    /**
     * One finding, rendered.
     *
     * @param fixes the safe fixes of the finding, the default first; empty when it has none
     */
    public record Line(Severity severity, String text, List<Fix> fixes) {
        public Line {
            fixes = List.copyOf(fixes);
        }

        public Line(Severity severity, String text) {
            this(severity, text, List.of());
        }
    }

    /** The row with the given label in any section, for tests and for copying. */
    public String value(String label) {
        return sections.stream().flatMap(s -> s.rows().stream()).filter(r -> r.label().equals(label))
                .map(Row::value).findFirst().orElse(null);
    }
}
