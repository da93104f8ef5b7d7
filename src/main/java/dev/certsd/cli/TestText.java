package dev.certsd.cli;

import dev.certsd.probe.Attempt;
import dev.certsd.probe.ProbeMessages;
import dev.certsd.probe.ProbeReport;
import java.io.PrintWriter;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The human output of {@code test}: a timeline of attempts, then the docs' answer and the real client's. */
final class TestText {
    private final PrintWriter out;
    private final ProbeMessages messages;
    private final ResourceBundle text;
    private final Locale locale;

    TestText(PrintWriter out, Locale locale) {
        this.out = out;
        this.locale = locale;
        this.messages = new ProbeMessages(locale);
        this.text = ResourceBundle.getBundle("dev.certsd.cli.cli", locale);
    }

    void print(ProbeReport r) {
        out.println(fmt("test.header", TerminalText.text(String.valueOf(r.dir())), TerminalText.text(r.endpoint().url()),
                r.client().id()));
        if (r.proxy().active()) {
            out.println(fmt("test.proxy", r.proxy().proxy(), r.proxy().variable()));
        }
        if (r.skipVerify()) {
            out.println(fmt("test.trust.skipVerify"));
        } else {
            out.println(fmt("test.trust", r.caFiles().isEmpty() ? "-" : String.join(", ",
                    r.caFiles().stream().map(TerminalText::name).toList()),
                    fmt(r.systemRootsMerged() ? "test.trust.merged" : "test.trust.only")));
        }
        if (!r.acceptableIssuers().isEmpty()) {
            out.println(fmt("test.issuers", String.join("; ", r.acceptableIssuers().stream().map(TerminalText::text).toList())));
        }
        out.println();
        for (Attempt a : r.attempts()) {
            out.println(fmt("test.attempt", a.outcome().id(), messages.kind(a), a.elapsed().toMillis()));
            out.println("    " + TerminalText.text(messages.explain(a)));
            if (!a.serverChain().isEmpty() && a.kind() == Attempt.Kind.BASELINE) {
                a.serverChain().forEach(c -> out.println("    " + fmt("test.chain", TerminalText.text(c.subject()),
                        TerminalText.text(c.issuer()), c.notAfter(),
                        c.sha256())));
            }
            out.println("    $ " + TerminalText.text(a.curl()));
            if (a.openssl() != null && !a.openssl().isEmpty()) {
                out.println("    $ " + TerminalText.text(a.openssl()));
            }
        }
        out.println();
        out.println(TerminalText.text(messages.docsAnswer(r)));
        out.println(fmt("test.go", TerminalText.text(messages.prediction(r))));
        String path = messages.clientPath(r);
        if (!path.isEmpty()) {
            out.println(TerminalText.text(path));
        }
        String difference = messages.difference(r);
        if (!difference.isEmpty()) {
            out.println(TerminalText.text(difference));
        }
    }

    private String fmt(String key, Object... args) {
        return new MessageFormat(text.getString(key), locale).format(args);
    }
}
