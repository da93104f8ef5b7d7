package dev.certsd.change;

import dev.certsd.files.FileOp;
import dev.certsd.files.JournalEntry;
import dev.certsd.files.Message;
import dev.certsd.files.Outcome;
import dev.certsd.files.PreparedChange;
import dev.certsd.files.Problem;
import dev.certsd.files.StepText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What became of an apply, undo or redo, read once for every face: how it ended, the journal entry, the steps in the
 * direction asked, every problem, the exit code, and the words ({@link #title()}, {@link #explanation()}) the window
 * shows and the command line prints.
 *
 * @param entry           the journal entry concerned (done or waiting for an administrator), else null
 * @param prepared        the prepared change for the administrator path, else null
 * @param problems        why it was refused, or the step that failed
 * @param rollbackProblems where undoing the steps before a failed one failed too (empty: the files are as before)
 */
public record ChangeReport(Action action, Kind kind, JournalEntry entry, PreparedChange prepared,
                           List<Problem> problems, List<Problem> rollbackProblems) {

    /** The bundle of the change workflow's words; journal entries the workflow writes name it too. */
    public static final String BUNDLE = "dev.certsd.change.change";

    /** What was asked for. */
    public enum Action { APPLY, UNDO, REDO }

    /** How it ended; the id is what JSON output says. */
    public enum Kind {
        DONE("done"), REFUSED("refused"), FAILED("failed"), NEEDS_PRIVILEGE("needs-privilege");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public ChangeReport {
        problems = List.copyOf(problems);
        rollbackProblems = List.copyOf(rollbackProblems);
    }

    /** Reads an outcome of {@code FileChanges}. */
    public static ChangeReport of(Action action, Outcome outcome) {
        if (outcome instanceof Outcome.Done d) {
            return new ChangeReport(action, Kind.DONE, d.entry(), null, List.of(), List.of());
        }
        if (outcome instanceof Outcome.NeedsPrivilege n) {
            return new ChangeReport(action, Kind.NEEDS_PRIVILEGE, n.entry(), n.prepared(), List.of(), List.of());
        }
        if (outcome instanceof Outcome.Refused r) {
            return new ChangeReport(action, Kind.REFUSED, null, null, r.problems(), List.of());
        }
        Outcome.Failed f = (Outcome.Failed) outcome;
        return new ChangeReport(action, Kind.FAILED, null, null, List.of(f.problem()), f.rollbackProblems());
    }

    /** The same change, now done (an administrator carried it out): the entry as the journal shows it now. */
    ChangeReport done(JournalEntry now) {
        return new ChangeReport(action, Kind.DONE, now, null, List.of(), List.of());
    }

    public boolean done() {
        return kind == Kind.DONE;
    }

    /** 0 when the files changed, 1 when not (refused, failed, or waiting for an administrator). */
    public int exitCode() {
        return done() ? 0 : 1;
    }

    /** The steps in the direction asked (an undo's are the entry's inverse), empty when nothing was planned. */
    public List<FileOp> steps() {
        if (entry == null) {
            return List.of();
        }
        return action == Action.UNDO ? entry.inverse() : entry.forward();
    }

    /** The paths the steps touch (what to rescan). */
    public List<Path> paths() {
        Set<Path> out = new LinkedHashSet<>();
        steps().forEach(op -> out.addAll(op.paths()));
        return List.copyOf(out);
    }

    /** Every problem: the refusal's or the failed step's, then those of undoing the steps before it. */
    public List<Problem> allProblems() {
        List<Problem> all = new ArrayList<>(problems);
        all.addAll(rollbackProblems);
        return List.copyOf(all);
    }

    /** The journal entry's id as JSON gives it, or null. */
    public Long entryId() {
        return entry == null ? null : entry.id();
    }

    /**
     * One line: what was done, or why nothing was ("Done: Rename ca.cert to ca.crt", "Nothing was changed"). Rendered
     * here rather than kept as a {@link Message}, because the change's label is itself a sentence.
     */
    public String title(Locale locale) {
        String a = action.name().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case DONE -> Message.of(BUNDLE, "change." + a + ".done", ChangeLabel.of(entry, locale)).render(locale);
            case NEEDS_PRIVILEGE -> Message.of(BUNDLE, "change.privileged.title", ChangeLabel.of(entry, locale))
                    .render(locale);
            case REFUSED -> Message.of(BUNDLE, "change." + a + ".refused").render(locale);
            case FAILED -> failedTitle(action).render(locale);
        };
    }

    /** "The change failed", "The undo failed"... */
    public static Message failedTitle(Action action) {
        return Message.of(BUNDLE, "change." + action.name().toLowerCase(Locale.ROOT) + ".failed");
    }

    /** The steps in words, one each. */
    public List<Message> stepLines() {
        return steps().stream().map(StepText::of).toList();
    }

    /** Why it was refused or failed, one sentence each, with whether the files are as they were. */
    public List<Message> explanation() {
        List<Message> out = new ArrayList<>(problems.stream().map(Problem::text).toList());
        if (kind == Kind.FAILED) {
            if (rollbackProblems.isEmpty()) {
                out.add(Message.of(BUNDLE, "change.failed.rolledBack"));
            } else {
                out.add(Message.of(BUNDLE, "change.failed.notRolledBack"));
                rollbackProblems.forEach(p -> out.add(p.text()));
            }
        }
        return List.copyOf(out);
    }
}
