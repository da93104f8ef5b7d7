package dev.certsd.files;

import dev.certsd.files.JournalEntry.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The one way files change: preview a {@link ChangeSet}, apply it (atomically per file, all or nothing, recorded in
 * the {@link Journal}), undo and redo. Directories the user cannot write get a prepared change for the privileged
 * helper or the script instead, recorded too. Safe to share between threads and processes: every operation holds
 * the journal's lock.
 */
public final class FileChanges {
    private final Journal journal;
    private final Path preparedBase;

    public FileChanges(Journal journal) {
        this(journal, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** @param preparedBase where prepared changes go (private directories are created inside) */
    public FileChanges(Journal journal, Path preparedBase) {
        this.journal = journal;
        this.preparedBase = preparedBase;
    }

    public Journal journal() {
        return journal;
    }

    /** Checks a change set against the disk; writes nothing. */
    public Preview preview(ChangeSet changes) {
        Plan plan = Plan.of(changes.ops());
        return new Preview(changes, plan.problems(), plan.privileged(), ChangeLinks.of(changes.ops()));
    }

    /** Applies the change set, or prepares it for the privileged path when a directory needs it. */
    public Outcome apply(ChangeSet changes) throws IOException {
        return journal.locked(() -> {
            settleLocked();
            return applyLocked(changes, false);
        });
    }

    /** Prepares the change set for the privileged path even where the user could write (the user's choice). */
    public Outcome prepare(ChangeSet changes) throws IOException {
        return journal.locked(() -> {
            settleLocked();
            return applyLocked(changes, true);
        });
    }

    /** Undoes the most recent applied change set. */
    public Outcome undo() throws IOException {
        return journal.locked(() -> {
            settleLocked();
            Optional<JournalEntry> target = journal.entries().stream()
                    .filter(e -> e.status() == Status.APPLIED || e.status() == Status.INTERRUPTED)
                    .max(Comparator.comparingLong(JournalEntry::id));
            if (target.isPresent() && target.get().status() == Status.INTERRUPTED) {
                // Undoing what came before it would build on a half-made change: the user decides, with the journal.
                return new Outcome.Refused(List.of(Problem.of(Problem.Code.INTERRUPTED, journal.directory(),
                        target.get().description().render(java.util.Locale.ENGLISH))));
            }
            if (target.isEmpty()) {
                return new Outcome.Refused(List.of(Problem.of(Problem.Code.NOTHING_TO_UNDO, null)));
            }
            return run(target.get(), target.get().inverse(), Status.UNDOING, Status.UNDONE, Status.UNDO_PREPARED,
                    Status.APPLIED);
        });
    }

    /** Applies again the change set undone last. */
    public Outcome redo() throws IOException {
        return journal.locked(() -> {
            settleLocked();
            Optional<JournalEntry> target = journal.entries().stream().filter(e -> e.status() == Status.UNDONE)
                    .min(Comparator.comparingLong(JournalEntry::id));
            if (target.isEmpty()) {
                return new Outcome.Refused(List.of(Problem.of(Problem.Code.NOTHING_TO_REDO, null)));
            }
            return run(target.get(), target.get().forward(), Status.REDOING, Status.APPLIED, Status.REDO_PREPARED,
                    Status.UNDONE);
        });
    }

    /** The history, oldest first, after settling privileged changes that have been carried out since. */
    public List<JournalEntry> history() throws IOException {
        return journal.locked(() -> {
            settleLocked();
            return journal.entries();
        });
    }

    /** What {@link #undo()} would undo, for the Edit menu's label. */
    public Optional<JournalEntry> nextUndo() throws IOException {
        return history().stream().filter(e -> e.status() == Status.APPLIED).max(Comparator.comparingLong(JournalEntry::id));
    }

    /** What {@link #redo()} would redo. */
    public Optional<JournalEntry> nextRedo() throws IOException {
        return history().stream().filter(e -> e.status() == Status.UNDONE).min(Comparator.comparingLong(JournalEntry::id));
    }

    /**
     * Brings entries up to date with the disk: a prepared change the helper or the script carried out becomes
     * applied (or undone); a change interrupted by a crash is settled to what the files show.
     */
    public void settle() throws IOException {
        journal.<Void>locked(() -> {
            settleLocked();
            return null;
        });
    }

    private Outcome applyLocked(ChangeSet changes, boolean forcePrepared) throws IOException {
        Plan plan = Plan.of(changes.ops());
        if (!plan.ok()) {
            return new Outcome.Refused(plan.problems());
        }
        discardRedo();
        if (forcePrepared || !plan.privileged().isEmpty()) {
            PreparedChange prepared = Preparer.prepare(changes.description(), plan, preparedBase);
            JournalEntry e = journal.add(changes.description(), plan.forward(), plan.inverse(), Status.PREPARED,
                    prepared.directory());
            prune();
            return new Outcome.NeedsPrivilege(e, prepared);
        }
        JournalEntry e = journal.add(changes.description(), plan.forward(), plan.inverse(), Status.APPLYING, null);
        StepRunner.Failure f = StepRunner.run(plan, Applier.asCurrentUser());
        if (f != null) {
            if (f.rollbackProblems().isEmpty()) {
                journal.delete(e.id());
            } else {
                journal.save(e.with(Status.INTERRUPTED, null));
            }
            return new Outcome.Failed(f.problem(), f.rollbackProblems());
        }
        JournalEntry done = e.with(Status.APPLIED, null);
        journal.save(done);
        prune();
        return new Outcome.Done(done);
    }

    /** Undo or redo: the same steps as any change, with the entry's status moving from {@code from} to {@code to}. */
    private Outcome run(JournalEntry entry, List<FileOp> steps, Status during, Status to, Status prepared, Status from)
            throws IOException {
        Plan plan = Plan.deferringUnreadable(steps);
        if (!plan.ok()) {
            return new Outcome.Refused(plan.problems());
        }
        if (!plan.privileged().isEmpty()) {
            PreparedChange pc = Preparer.prepare(entry.description(), plan, preparedBase);
            JournalEntry e = entry.with(prepared, pc.directory());
            journal.save(e);
            return new Outcome.NeedsPrivilege(e, pc);
        }
        journal.save(entry.with(during, null));
        StepRunner.Failure f = StepRunner.run(plan, Applier.asCurrentUser());
        if (f != null) {
            journal.save(entry.with(f.rollbackProblems().isEmpty() ? from : Status.INTERRUPTED, null));
            return new Outcome.Failed(f.problem(), f.rollbackProblems());
        }
        JournalEntry done = entry.with(to, null);
        journal.save(done);
        return new Outcome.Done(done);
    }

    private void settleLocked() throws IOException {
        for (JournalEntry e : journal.entries()) {
            Status next = switch (e.status()) {
                case APPLYING -> holds(e.inverse()) ? Status.APPLIED : holds(e.forward()) ? null : Status.INTERRUPTED;
                case REDOING -> holds(e.inverse()) ? Status.APPLIED : holds(e.forward()) ? Status.UNDONE : Status.INTERRUPTED;
                case UNDOING -> holds(e.forward()) ? Status.UNDONE : holds(e.inverse()) ? Status.APPLIED : Status.INTERRUPTED;
                case PREPARED, REDO_PREPARED -> holds(e.inverse()) ? Status.APPLIED : e.status();
                case UNDO_PREPARED -> holds(e.forward()) ? Status.UNDONE : e.status();
                default -> e.status();
            };
            if (next == null) {
                journal.delete(e.id()); // interrupted before its first step: nothing happened
            } else if (next != e.status()) {
                Preparer.discard(e.prepared());
                journal.save(e.with(next, null));
            }
        }
    }

    /** Whether the disk is in the state these steps expect (for the inverse steps: the state after the change). */
    private static boolean holds(List<FileOp> steps) {
        return Plan.deferringUnreadable(steps).ok();
    }

    /** A new change after an undo ends the redo history, as in every editor. */
    private void discardRedo() throws IOException {
        for (JournalEntry e : journal.entries()) {
            if (e.status() == Status.UNDONE || e.status() == Status.REDO_PREPARED) {
                Preparer.discard(e.prepared());
                journal.delete(e.id());
            }
        }
    }

    private void prune() throws IOException {
        List<JournalEntry> before = new ArrayList<>(journal.entries());
        journal.prune();
        List<JournalEntry> after = journal.entries();
        for (JournalEntry e : before) {
            if (after.stream().noneMatch(a -> a.id() == e.id())) {
                Preparer.discard(e.prepared());
            }
        }
    }
}
