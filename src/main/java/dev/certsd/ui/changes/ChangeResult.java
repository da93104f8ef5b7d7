package dev.certsd.ui.changes;

import dev.certsd.files.FileOp;
import dev.certsd.files.JournalEntry;
import dev.certsd.files.Outcome;
import dev.certsd.files.PreparedChange;
import dev.certsd.files.Problem;
import dev.certsd.files.StepText;
import dev.certsd.ui.UiText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What became of an apply, undo or redo, already in words: the window shows it as a notice (done), a message
 * (refused, failed) or the administrator dialog (needs privilege).
 *
 * @param title    one line: what was done, or why nothing was
 * @param steps    the steps carried out (or to be carried out by an administrator), one line each
 * @param problems why it was refused or failed, one sentence each
 * @param prepared the prepared change for the administrator path, else null
 * @param entry    the journal entry concerned, else null
 * @param ops      the steps as data (what to rescan, which file was renamed)
 */
public record ChangeResult(Kind kind, Action action, String title, List<String> steps, List<String> problems,
                           PreparedChange prepared, JournalEntry entry, List<FileOp> ops) {

    /** How it ended. */
    public enum Kind { DONE, REFUSED, FAILED, NEEDS_PRIVILEGE }

    /** What was asked for. */
    public enum Action { APPLY, UNDO, REDO }

    public ChangeResult {
        steps = List.copyOf(steps);
        problems = List.copyOf(problems);
        ops = List.copyOf(ops);
    }

    /** The paths the steps touch. */
    public List<Path> paths() {
        Set<Path> out = new LinkedHashSet<>();
        ops.forEach(op -> out.addAll(op.paths()));
        return List.copyOf(out);
    }

    /** Puts an outcome of {@code FileChanges} into words. */
    public static ChangeResult of(Outcome outcome, Action action, UiText text) {
        String a = action.name().toLowerCase(java.util.Locale.ROOT);
        if (outcome instanceof Outcome.Done d) {
            List<FileOp> ops = action == Action.UNDO ? d.entry().inverse() : d.entry().forward();
            return new ChangeResult(Kind.DONE, action, text.fmt("change." + a + ".done",
                    ChangeLabels.of(d.entry(), text)), lines(ops, text), List.of(), null, d.entry(), ops);
        }
        if (outcome instanceof Outcome.NeedsPrivilege n) {
            List<FileOp> ops = action == Action.UNDO ? n.entry().inverse() : n.entry().forward();
            return new ChangeResult(Kind.NEEDS_PRIVILEGE, action, text.fmt("change.privileged.title",
                    ChangeLabels.of(n.entry(), text)), lines(ops, text), List.of(), n.prepared(), n.entry(), ops);
        }
        if (outcome instanceof Outcome.Refused r) {
            return new ChangeResult(Kind.REFUSED, action, text.get("change." + a + ".refused"), List.of(),
                    messages(r.problems(), text), null, null, List.of());
        }
        Outcome.Failed f = (Outcome.Failed) outcome;
        List<String> problems = new ArrayList<>();
        problems.add(f.problem().message(text.locale()));
        if (f.rolledBack()) {
            problems.add(text.get("change.failed.rolledBack"));
        } else {
            problems.add(text.get("change.failed.notRolledBack"));
            problems.addAll(messages(f.rollbackProblems(), text));
        }
        return new ChangeResult(Kind.FAILED, action, text.get("change." + a + ".failed"), List.of(), problems, null,
                null, List.of());
    }

    /** An I/O error reaching the journal itself: nothing was changed. */
    public static ChangeResult ofError(Throwable error, Action action, UiText text) {
        String a = action.name().toLowerCase(java.util.Locale.ROOT);
        return new ChangeResult(Kind.FAILED, action, text.get("change." + a + ".failed"), List.of(),
                List.of(text.fmt("change.journalError", String.valueOf(error.getMessage()))), null, null, List.of());
    }

    static List<String> lines(List<FileOp> ops, UiText text) {
        return ops.stream().map(op -> StepText.of(op).render(text.locale())).toList();
    }

    private static List<String> messages(List<Problem> problems, UiText text) {
        return problems.stream().map(p -> p.message(text.locale())).toList();
    }
}
