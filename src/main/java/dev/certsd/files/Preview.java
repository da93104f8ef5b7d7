package dev.certsd.files;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A change set checked against the disk without writing anything: the steps to show, the problems that would refuse
 * it, and the paths that need privileges.
 */
public record Preview(ChangeSet changeSet, List<Problem> problems, Set<Path> privileged) {
    public Preview {
        problems = List.copyOf(problems);
        privileged = Set.copyOf(privileged);
    }

    /** Whether applying it now would go ahead (possibly through the privileged path). */
    public boolean ready() {
        return problems.isEmpty();
    }

    public boolean needsPrivilege() {
        return !privileged.isEmpty();
    }
}
