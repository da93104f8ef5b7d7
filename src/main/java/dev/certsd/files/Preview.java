package dev.certsd.files;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A change set checked against the disk without writing anything: the steps to show, the problems that would refuse
 * it, the paths that need privileges, and the directories it reaches through a symbolic link (shown as
 * "link → target": the change lands in the target).
 */
public record Preview(ChangeSet changeSet, List<Problem> problems, Set<Path> privileged, List<Message> links) {
    public Preview {
        problems = List.copyOf(problems);
        privileged = Set.copyOf(privileged);
        links = List.copyOf(links);
    }

    public Preview(ChangeSet changeSet, List<Problem> problems, Set<Path> privileged) {
        this(changeSet, problems, privileged, List.of());
    }

    /** Whether applying it now would go ahead (possibly through the privileged path). */
    public boolean ready() {
        return problems.isEmpty();
    }

    public boolean needsPrivilege() {
        return !privileged.isEmpty();
    }
}
