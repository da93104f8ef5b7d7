package dev.certsd.ui.changes;

import dev.certsd.change.ChangeReport;
import dev.certsd.files.FileOp;
import dev.certsd.files.JournalEntry;
import dev.certsd.files.Message;
import dev.certsd.files.PreparedChange;
import dev.certsd.ui.UiText;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A {@link ChangeReport} in the window's language: the window shows it as a notice (done), a message (refused,
 * failed) or the administrator dialog (needs privilege). The words are the engine's; only a journal error and the
 * administrator's "not yet" are the window's own.
 *
 * @param report   the change as the engine reported it (for an administrator's change: the pending one)
 * @param kind     how it ended for the user (an administrator's run that left no trace is a failure)
 * @param title    one line: what was done, or why nothing was
 * @param steps    the steps carried out (or to be carried out by an administrator), one line each
 * @param problems why it was refused or failed, one sentence each
 */
public record ChangeResult(ChangeReport report, ChangeReport.Kind kind, String title, List<String> steps,
                           List<String> problems) {

    public ChangeResult {
        steps = List.copyOf(steps);
        problems = List.copyOf(problems);
    }

    /** Puts an engine report into words. */
    public static ChangeResult of(ChangeReport r, UiText text) {
        Locale locale = text.locale();
        return new ChangeResult(r, r.kind(), r.title(locale), render(r.stepLines(), locale),
                render(r.explanation(), locale));
    }

    /** An I/O error reaching the journal itself: nothing was changed. */
    public static ChangeResult ofError(Throwable error, ChangeReport.Action action, UiText text) {
        return failed(new ChangeReport(action, ChangeReport.Kind.FAILED, null, null, List.of(), List.of()),
                text.fmt("change.journalError", String.valueOf(error.getMessage())), text);
    }

    /** The change as it stands, failed for the reason given (the administrator's run left no trace). */
    static ChangeResult failed(ChangeReport report, String why, UiText text) {
        return new ChangeResult(report, ChangeReport.Kind.FAILED,
                ChangeReport.failedTitle(report.action()).render(text.locale()), List.of(), List.of(why));
    }

    public ChangeReport.Action action() {
        return report.action();
    }

    /** The prepared change for the administrator path, else null. */
    public PreparedChange prepared() {
        return report.prepared();
    }

    /** The journal entry concerned, else null. */
    public JournalEntry entry() {
        return report.entry();
    }

    /** The steps as data (what to rescan, which file was renamed); empty unless done or prepared. */
    public List<FileOp> ops() {
        return kind == report.kind() ? report.steps() : List.of();
    }

    /** The paths the steps touch. */
    public List<Path> paths() {
        return kind == report.kind() ? report.paths() : List.of();
    }

    static List<String> render(List<Message> lines, Locale locale) {
        return lines.stream().map(m -> m.render(locale)).toList();
    }
}
