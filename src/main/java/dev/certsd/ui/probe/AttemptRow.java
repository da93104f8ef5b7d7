package dev.certsd.ui.probe;

import dev.certsd.probe.Attempt;
import dev.certsd.probe.Outcome;

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
                         String explanation, String facts, String curl, String openssl, boolean clientPath,
                         boolean docsPick) {
}
