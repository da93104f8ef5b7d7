package dev.certsd.cli;

import dev.certsd.change.FixResult;
import dev.certsd.diagnose.FindingCode;
import dev.certsd.diagnose.Messages;
import dev.certsd.diagnose.RootReport;
import dev.certsd.files.Problem;
import java.io.PrintWriter;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/** The human output of {@code fix}: per host directory, each finding, the fix, its steps and what became of it. */
final class FixReportText {
    private final PrintWriter out;
    private final Locale locale;
    private final ResourceBundle text;
    private final Messages messages;

    FixReportText(PrintWriter out, Locale locale) {
        this.out = out;
        this.locale = locale;
        this.text = ResourceBundle.getBundle("dev.certsd.cli.cli", locale);
        this.messages = new Messages(locale);
    }

    void print(RootReport report, FindingCode code, boolean dryRun, List<FixResult> results) {
        out.println(fmt("check.root", TerminalText.text(report.root().path().toString()), report.root().client().id()));
        if (dryRun) {
            out.println(fmt("fix.dryRun"));
        }
        if (results.isEmpty()) {
            out.println(code == null ? fmt("fix.nothing.all") : fmt("fix.nothing", code.name()));
            return;
        }
        String host = null;
        for (FixResult r : results) {
            if (!r.host().equals(host)) {
                host = r.host();
                out.println();
                out.println(TerminalText.name(host));
            }
            out.println("  " + text.getString("severity." + r.finding().severity().id()) + " " + r.finding().code()
                    + ": " + messages.render(TerminalText.finding(r.finding()), TerminalText.name(host)));
            if (r.fix() != null) {
                out.println("    " + fmt("fix.fix", r.fix().kind().id(), TerminalText.text(r.fix().description().render(locale))));
            }
            if (r.changes() != null) {
                StepLines.print(out, r.changes().ops(), locale, "      ");
                r.links().forEach(l -> out.println("      " + l.render(locale)));
            }
            outcome(r, dryRun);
        }
        out.println();
        long ok = results.stream().filter(r -> r.outcome().success()).count();
        out.println(fmt(dryRun ? "fix.summary.dryRun" : "fix.summary", ok, results.size() - ok));
    }

    private void outcome(FixResult r, boolean dryRun) {
        switch (r.outcome()) {
            case PLANNED -> out.println("    " + fmt("fix.planned"));
            case APPLIED -> out.println("    " + fmt("fix.applied", r.entry().id()));
            case REFUSED -> problems("fix.refused", r.problems());
            case FAILED -> problems("fix.failed", r.problems());
            case NO_FIX -> out.println("    " + fmt("fix.noFix"));
            case NEEDS_PASSPHRASE -> out.println("    " + fmt("fix.needsPassphrase"));
            case NOT_PLANNED -> out.println("    " + fmt("fix.notPlanned", TerminalText.text(r.error().render(locale))));
            case NEEDS_PRIVILEGE -> {
                if (dryRun || r.prepared() == null) {
                    out.println("    " + fmt("fix.privileged.dryRun"));
                } else {
                    out.println("    " + fmt("fix.privileged", r.entry().id()));
                    StepLines.printPrivileged(out, r.prepared(), text, "    ");
                }
            }
        }
    }

    private void problems(String key, List<Problem> problems) {
        for (Problem p : problems) {
            out.println("    " + fmt(key, TerminalText.text(p.message(locale))));
        }
    }

    private String fmt(String key, Object... args) {
        return new MessageFormat(text.getString(key), locale).format(args);
    }
}
