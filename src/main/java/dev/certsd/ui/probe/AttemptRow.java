package dev.certsd.ui.probe;

import dev.certsd.probe.Attempt;
import dev.certsd.probe.Outcome;
import java.util.List;

/**
 * One attempt of the timeline as the window shows it.
 *
 * @param title        what was tried ("With a-expired.cert alone")
 * @param outcomeWord  the outcome in a word or two ("rejected at TLS")
 * @param explanation  one line saying what happened
 * @param facts        protocol, certificate sent, alert, HTTP status, time
 * @param clientPath   this is the connection the chosen client really makes
 * @param docsPick     this is the pair the docs' model ends on
 */
public record AttemptRow(Attempt.Kind kind, String pair, Outcome outcome, String title, String outcomeWord,
                         String explanation, List<Fact> facts, String curl, String openssl, boolean clientPath,
                         boolean docsPick) {
    public AttemptRow {
        facts = List.copyOf(facts);
    }

    /** One fact; the protocol's name is data (the server's own word), the rest are sentences from the bundle. */
    public record Fact(String text, boolean data) {
    }

    /** The facts in one line, as read on screen. */
    public String factsText() {
        return String.join(" · ", facts.stream().map(Fact::text).toList());
    }
}
