package dev.certsd.files;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One change set in the undo history, with what it did and what undoes it (old contents included).
 *
 * @param forward  the steps as applied (redo applies them again)
 * @param inverse  the steps that restore the state before (undo applies them)
 * @param prepared the prepared directory while a privileged step is pending, else null
 */
public record JournalEntry(long id, Instant time, Message description, Status status, List<FileOp> forward,
                           List<FileOp> inverse, Path prepared) {

    /** Where an entry stands. The {@code *_PREPARED} states wait for the privileged helper or the script. */
    public enum Status {
        /** Being applied now, or interrupted while being applied (settled at the next start). */
        APPLYING,
        APPLIED,
        /** Being undone now, or interrupted while being undone. */
        UNDOING,
        UNDONE,
        /** Being redone now, or interrupted while being redone. */
        REDOING,
        /** Prepared for a privileged apply; not applied yet. */
        PREPARED,
        /** Applied; its undo is prepared for a privileged apply. */
        UNDO_PREPARED,
        /** Undone; its redo is prepared for a privileged apply. */
        REDO_PREPARED,
        /** Interrupted half way (crash, power loss): neither the state before nor after holds. */
        INTERRUPTED
    }

    public JournalEntry {
        forward = List.copyOf(forward);
        inverse = List.copyOf(inverse);
    }

    JournalEntry with(Status s, Path preparedDir) {
        return new JournalEntry(id, time, description, s, forward, inverse, preparedDir);
    }
}
