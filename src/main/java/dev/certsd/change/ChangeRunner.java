package dev.certsd.change;

import dev.certsd.change.ChangeReport.Action;
import dev.certsd.files.ChangeSet;
import dev.certsd.files.FileChanges;
import dev.certsd.files.JournalEntry;
import dev.certsd.files.Message;
import dev.certsd.files.Preview;
import dev.certsd.files.PrivilegedRunner;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The one change workflow every face uses: a planned {@link ChangeSet} is previewed, applied (or prepared for an
 * administrator), settled with the disk once an administrator carried it out, undone and redone; each ends in a
 * {@link ChangeReport}. The files themselves change only through {@link FileChanges}.
 */
public final class ChangeRunner {
    private final FileChanges changes;

    public ChangeRunner(FileChanges changes) {
        this.changes = changes;
    }

    public FileChanges files() {
        return changes;
    }

    /** Checks a change set against the disk; writes nothing. */
    public Preview preview(ChangeSet cs) {
        return changes.preview(cs);
    }

    /** Applies the change set, or prepares it for an administrator where a directory needs one. */
    public ChangeReport apply(ChangeSet cs) throws IOException {
        return ChangeReport.of(Action.APPLY, changes.apply(cs));
    }

    /** As {@link #apply(ChangeSet)}, or prepared for an administrator even where the user could write. */
    public ChangeReport apply(ChangeSet cs, boolean asAdministrator) throws IOException {
        return asAdministrator ? ChangeReport.of(Action.APPLY, changes.prepare(cs)) : apply(cs);
    }

    public ChangeReport undo() throws IOException {
        return ChangeReport.of(Action.UNDO, changes.undo());
    }

    public ChangeReport redo() throws IOException {
        return ChangeReport.of(Action.REDO, changes.redo());
    }

    /** Undoes the entry {@code id} if it is still the last change; empty when another change came after it. */
    public Optional<ChangeReport> undoIfLast(long id) throws IOException {
        Optional<JournalEntry> next = changes.nextUndo();
        return next.isPresent() && next.get().id() == id ? Optional.of(undo()) : Optional.empty();
    }

    /**
     * Settles the journal with the disk, then reads the pending change again: done once its entry reached the state
     * the action aims at (applied, or undone), else the pending report unchanged.
     */
    public ChangeReport settle(ChangeReport pending) throws IOException {
        if (pending.entry() == null) {
            return pending;
        }
        JournalEntry.Status goal = pending.action() == Action.UNDO ? JournalEntry.Status.UNDONE
                : JournalEntry.Status.APPLIED;
        long id = pending.entry().id();
        Optional<JournalEntry> now = changes.history().stream().filter(e -> e.id() == id).findFirst();
        return now.isPresent() && now.get().status() == goal ? pending.done(now.get()) : pending;
    }

    /**
     * Runs a prepared change through the desktop's privilege prompt and the helper, then settles: done when the files
     * show it done, whatever the helper said.
     */
    public Elevation elevate(ChangeReport pending, PrivilegedRunner administrator)
            throws IOException, InterruptedException {
        PrivilegedRunner.Result ended = administrator.run(pending.prepared());
        return new Elevation(ended, settle(pending));
    }

    /** The history, oldest first, settled with the disk. */
    public List<JournalEntry> history() throws IOException {
        return changes.history();
    }

    public Optional<JournalEntry> nextUndo() throws IOException {
        return changes.nextUndo();
    }

    public Optional<JournalEntry> nextRedo() throws IOException {
        return changes.nextRedo();
    }

    /**
     * How a privileged run ended.
     *
     * @param ended   what the prompt and the helper said
     * @param settled the change as the files show it afterwards
     */
    public record Elevation(PrivilegedRunner.Result ended, ChangeReport settled) {
        public boolean done() {
            return settled.done();
        }

        /** Why it is not done: the prompt dismissed, the time limit, the helper's failure, or no trace on disk. */
        public Message why() {
            int code = ended.exitCode();
            if (ended.timedOut()) {
                return Message.of(ChangeReport.BUNDLE, "change.administrator.timedOut");
            }
            if (code == 126 || code == 127) {
                return Message.of(ChangeReport.BUNDLE, "change.administrator.dismissed");
            }
            return code == 0 ? Message.of(ChangeReport.BUNDLE, "change.administrator.notSeen")
                    : Message.of(ChangeReport.BUNDLE, "change.administrator.failed", code, ended.output());
        }
    }
}
