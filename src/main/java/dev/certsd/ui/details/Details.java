package dev.certsd.ui.details;

import dev.certsd.diagnose.Severity;
import dev.certsd.fix.Fix;
import java.util.List;
import java.util.Objects;

/**
 * Everything the details pane shows for one node, already in words: the view only lays it out.
 *
 * @param banner   the host verdict (or the root's state), or null
 * @param findings    rendered findings of the node, most severe first
 * @param titleIsData the title is a file's or a directory's name (a root's title is words saying what reads it)
 */
public record Details(String title, String subtitle, Banner banner, List<Section> sections, List<Line> findings,
                      boolean titleIsData) {
    public Details {
        sections = List.copyOf(sections);
        findings = List.copyOf(findings);
    }

    /** The details of a file or a directory, titled with its name. */
    public Details(String title, String subtitle, Banner banner, List<Section> sections, List<Line> findings) {
        this(title, subtitle, banner, sections, findings, true);
    }

    // written out, as the tree's items do (see NodeKey#equals): the pane's listeners compare each new value with the
    // last, and a record's own equals is made at run time, about 5 ms of the FX thread before the first frame
    @Override
    public boolean equals(Object o) {
        return o instanceof Details d && titleIsData == d.titleIsData && Objects.equals(title, d.title)
                && Objects.equals(subtitle, d.subtitle) && Objects.equals(banner, d.banner)
                && sections.equals(d.sections) && findings.equals(d.findings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(title, subtitle, banner, sections, findings, titleIsData);
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

    /**
     * One fact. What shows data (a path, a subject, a count, a file name as a label) says so, and the view marks it
     * as data; everything else is words from the bundle.
     *
     * @param note words shown after the value ("(40 days left)"), or null
     */
    public record Row(String label, String value, boolean labelIsData, boolean valueIsData, String note) {
        /** Words only. */
        public Row(String label, String value) {
            this(label, value, false, false, null);
        }

        /** A value that is data, under a label from the bundle. */
        public static Row data(String label, String value) {
            return new Row(label, value, false, true, null);
        }

        /** The value as read on screen, with its note. */
        public String shown() {
            return note == null ? value : value + " " + note;
        }
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
                .map(Row::shown).findFirst().orElse(null);
    }
}
