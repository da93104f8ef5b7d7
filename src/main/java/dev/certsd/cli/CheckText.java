package dev.certsd.cli;

import dev.certsd.diagnose.Badge;
import dev.certsd.diagnose.FileReport;
import dev.certsd.diagnose.Finding;
import dev.certsd.diagnose.HostReport;
import dev.certsd.diagnose.Messages;
import dev.certsd.diagnose.RootReport;
import dev.certsd.diagnose.Severity;
import dev.certsd.diagnose.Verdict;
import dev.certsd.fix.Fix;
import dev.certsd.fix.HostAnswer;
import java.io.PrintWriter;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/** The human output of {@code check}: one block per host directory, the verdict first. */
final class CheckText {
    private static final Badge[] BADGES = Badge.values();
    /** What {@code println} ends a line with. */
    private static final String NEWLINE = System.lineSeparator();

    private final PrintWriter out;
    private final Messages messages;
    private final ResourceBundle text;
    private final Locale locale;

    CheckText(PrintWriter out, Locale locale) {
        this.out = out;
        this.locale = locale;
        this.messages = new Messages(locale);
        this.text = ResourceBundle.getBundle("dev.certsd.cli.cli", locale);
    }

    void print(RootReport report) {
        out.println(fmt("check.root", TerminalText.text(report.root().path().toString()), report.root().client().id()));
        report.hosts().stream().map(h -> h.verdict().modelledFor()).filter(java.util.Objects::nonNull).findFirst()
                .ifPresent(v -> out.println(modelled(v, text, locale)));
        for (Finding f : report.findings()) {
            out.println("  " + severity(f.severity()) + " " + messages.render(TerminalText.finding(f), ""));
        }
        long errors = 0;
        long warnings = 0;
        for (HostReport h : report.hosts()) {
            out.println();
            printHost(h);
            errors += h.count(Severity.ERROR);
            warnings += h.count(Severity.WARNING);
        }
        out.println();
        out.println(fmt("check.summary", report.hosts().size(),
                report.hosts().stream().filter(HostReport::hasErrors).count(), errors, warnings));
    }

    private void printHost(HostReport h) {
        String verdict = verdictLine(h.verdict(), text, locale);
        String dir = TerminalText.name(h.path());
        out.println(dir + "  " + verdict);
        out.println("  " + fmt("check.pairs", h.load().pairs().isEmpty() ? "-" : TerminalText.names(h.load().pairs())));
        out.println("  " + fmt("check.cas", h.load().caFiles().isEmpty() ? "-" : TerminalText.names(h.load().caFiles())));
        HostAnswer answer = HostAnswer.of(h);
        java.util.function.Function<List<HostAnswer.Advice>, String> hostAdvice = advice -> {
            StringBuilder b = new StringBuilder(advice.size() * 128);
            printAdvice(advice, dir, null, null, "  ", b);
            return b.toString();
        };
        java.io.OutputStream bytes = h.files().size() > InOrder.PIECE ? TerminalGuard.utf8Under(out) : null;
        if (bytes == null) {
            InOrder.write(h.files(), files -> files(files, answer, dir), out::print); // a large directory on every core
            InOrder.write(answer.forHost(), hostAdvice, out::print); // e.g. a duplicate finding for each of 30,000 copies
            return;
        }
        // a UTF-8 terminal: the pieces guarded and encoded on every core too, the bytes written as they come
        out.flush();
        InOrder.write(h.files(), files -> TerminalGuard.guardedUtf8(files(files, answer, dir)), b -> write(bytes, b));
        InOrder.write(answer.forHost(), advice -> TerminalGuard.guardedUtf8(hostAdvice.apply(advice)),
                b -> write(bytes, b));
    }

    private static void write(java.io.OutputStream bytes, byte[] piece) {
        try {
            bytes.write(piece);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The lines of some files of a host directory, each line ended as println ends it. */
    private String files(List<FileReport> files, HostAnswer answer, String dir) {
        StringBuilder b = new StringBuilder(files.size() * 96);
        for (FileReport f : files) {
            String badges = String.join(", ", badgeIds(f));
            String file = TerminalText.name(f.name(), f.entry().path());
            b.append("  ").append(file).append("  [").append(badges).append(']').append(NEWLINE);
            printAdvice(answer.forFile(f), dir, f.name(), file, "      ", b);
        }
        return b.toString();
    }

    /** A file's badges in their order (the enum's), by id. */
    static List<String> badgeIds(FileReport f) {
        List<String> ids = new java.util.ArrayList<>(f.badges().size());
        for (Badge b : BADGES) {
            if (f.badges().contains(b)) {
                ids.add(b.id());
            }
        }
        return ids;
    }

    /** "Modelled: docker@20.10.24 (installed on this machine)": the release every verdict below follows. */
    static String modelled(dev.certsd.roots.ClientVersion v, ResourceBundle text, Locale locale) {
        return fmt(text, locale, "check.modelled", v.id() + " ("
                + text.getString("check.modelled.source." + v.source().id()) + ")");
    }

    /** The verdict's words, from its level alone (also printed after gen/import/new-host changed a directory). */
    static String verdictLine(Verdict v, ResourceBundle text, Locale locale) {
        return switch (v.level()) {
            case IGNORED -> v.ignoredBy() == Verdict.Ignored.INSECURE_REGISTRY ? fmt(text, locale, "check.verdict.ignored")
                    : fmt(text, locale, "check.verdict.ignored." + v.ignoredBy().name());
            case CONFIG_ERROR -> v.hangs() ? fmt(text, locale, "check.verdict.blocks", TerminalText.name(v.hangsOn()))
                    : fmt(text, locale, "check.verdict.error", TerminalText.text(v.clientError()));
            case FAILS_LATER -> fmt(text, locale, "check.verdict.failsLater", v.errors());
            case OK -> fmt(text, locale, "check.verdict.ok");
        };
    }

    private static String fmt(ResourceBundle text, Locale locale, String key, Object... args) {
        return new MessageFormat(text.getString(key), locale).format(args);
    }

    /** {@code dir} and {@code shownFile} are already quoted; the latter stands for {@code file} in the texts. */
    private void printAdvice(List<HostAnswer.Advice> advice, String dir, String file, String shownFile, String indent,
                             StringBuilder b) {
        for (HostAnswer.Advice a : advice) {
            Finding f = a.finding();
            Finding shown = TerminalText.finding(f);
            if (file != null && file.equals(f.file()) && !shownFile.equals(shown.file())) {
                shown = new Finding(f.code(), f.severity(), shownFile, shown.args());
            }
            b.append(indent).append(severity(f.severity())).append(' ').append(f.code().name()).append(": ")
                    .append(messages.render(shown, dir)).append(NEWLINE);
            for (Fix fix : a.fixes()) {
                b.append(indent).append("    ").append(fmt("check.fix", fix.kind().id(),
                        TerminalText.text(fix.description().render(locale)))).append(NEWLINE);
            }
        }
    }

    private String severity(Severity s) {
        return text.getString("severity." + s.id());
    }

    private String fmt(String key, Object... args) {
        return new MessageFormat(text.getString(key), locale).format(args);
    }
}
