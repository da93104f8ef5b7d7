package dev.certsd.cli;

import dev.certsd.compare.Comparison;
import dev.certsd.compare.DirComparison;
import dev.certsd.compare.FileDifference;
import dev.certsd.compare.FileFacts;
import dev.certsd.diagnose.Verdict;
import java.io.PrintWriter;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The human output of {@code compare}: per host directory, the verdicts side by side and the files that differ. */
final class CompareText {
    private final PrintWriter out;
    private final Locale locale;
    private final ResourceBundle text;

    CompareText(PrintWriter out, Locale locale) {
        this.out = out;
        this.locale = locale;
        this.text = ResourceBundle.getBundle("dev.certsd.cli.cli", locale);
    }

    void print(Comparison c) {
        out.println(fmt("compare.left", TerminalText.text(c.left())));
        out.println(fmt("compare.right", TerminalText.text(c.right())));
        long differ = 0;
        for (DirComparison d : c.dirs()) {
            out.println();
            String dir = TerminalText.text(d.name());
            if (d.same()) {
                out.println(fmt("compare.dir.same", dir, verdict(d.leftVerdict())));
                continue;
            }
            if (d.verdictsDiffer()) {
                differ++;
                out.println(fmt("compare.dir.verdictsDiffer", dir));
            } else {
                out.println(fmt("compare.dir.filesDiffer", dir));
            }
            out.println("  A: " + verdict(d.leftVerdict()));
            out.println("  B: " + verdict(d.rightVerdict()));
            for (FileDifference f : d.differences()) {
                String name = TerminalText.name(f.name());
                switch (f.change()) {
                    case ONLY_LEFT -> out.println("  " + fmt("compare.file.onlyLeft", name));
                    case ONLY_RIGHT -> out.println("  " + fmt("compare.file.onlyRight", name));
                    case MODE -> out.println("  " + fmt("compare.file.mode", name, f.left().mode(), f.right().mode()));
                    case CONTENT -> {
                        out.println("  " + fmt("compare.file.content", name));
                        out.println("    A: " + facts(f.left()));
                        out.println("    B: " + facts(f.right()));
                    }
                    default -> {
                    }
                }
            }
        }
        out.println();
        out.println(fmt("compare.summary", c.dirs().size(), differ));
    }

    private String verdict(Verdict v) {
        return v == null ? fmt("compare.absent") : CheckText.verdictLine(v, text, locale);
    }

    private String facts(FileFacts f) {
        StringBuilder b = new StringBuilder();
        b.append(f.sha256() != null ? "sha256 " + f.sha256() : f.kind().name().toLowerCase(Locale.ROOT));
        if (f.mode() != null) {
            b.append("  ").append(f.mode());
        }
        if (f.subject() != null) {
            b.append("  ").append(TerminalText.text(f.subject())).append("  ")
                    .append(f.notBefore()).append(" .. ").append(f.notAfter());
        }
        return b.toString();
    }

    private String fmt(String key, Object... args) {
        return new MessageFormat(text.getString(key), locale).format(args);
    }
}
