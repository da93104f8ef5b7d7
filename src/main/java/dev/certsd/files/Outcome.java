package dev.certsd.files;

import java.util.List;

/** What became of an apply, undo or redo. Only {@link Done} changed anything. */
public sealed interface Outcome {

    /** Applied (or undone, or redone); the entry shows its new status. */
    record Done(JournalEntry entry) implements Outcome {
    }

    /** Nothing was changed: the files are not as the change expects (or there is nothing to undo or redo). */
    record Refused(List<Problem> problems) implements Outcome {
        public Refused {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Nothing was changed yet: a directory needs privileges. The change is prepared for the privileged helper
     * ({@code pkexec}) or the shell script, and recorded in the journal, which settles it once the files show it done.
     */
    record NeedsPrivilege(JournalEntry entry, PreparedChange prepared) implements Outcome {
    }

    /**
     * A step failed on disk (full file system, permission denied...). The steps before it were undone again; when
     * that too failed, {@code rollbackProblems} says where, and the journal keeps the previous contents.
     */
    record Failed(Problem problem, List<Problem> rollbackProblems) implements Outcome {
        public Failed {
            rollbackProblems = List.copyOf(rollbackProblems);
        }

        public boolean rolledBack() {
            return rollbackProblems.isEmpty();
        }
    }
}
