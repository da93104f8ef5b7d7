package dev.certsd.diagnose;

import dev.certsd.roots.FileRole;
import java.util.List;
import java.util.Set;

/**
 * One file of a host directory: its role for the client, its badges, and what is wrong with it.
 *
 * @param issuedBy the other files of the directory that hold the issuer of this file's first certificate
 */
public record FileReport(FileEntry entry, FileRole role, Set<Badge> badges, List<Finding> findings,
                         List<String> issuedBy) {
    public FileReport {
        badges = badgesOf(badges);
        findings = List.copyOf(findings);
        issuedBy = List.copyOf(issuedBy);
    }

    public String name() {
        return entry.name();
    }

    /**
     * An unmodifiable enum set (iterated in the badges' order; Set.copyOf went through a HashSet for every file of a
     * directory, 100,000 of them in a large one).
     */
    private static Set<Badge> badgesOf(Set<Badge> badges) {
        if (badges instanceof java.util.EnumSet<Badge> set) { // holds no null: a clone, no walk
            return java.util.Collections.unmodifiableSet(set.clone());
        }
        java.util.EnumSet<Badge> copy = java.util.EnumSet.noneOf(Badge.class);
        for (Badge b : badges) {
            copy.add(java.util.Objects.requireNonNull(b));
        }
        return java.util.Collections.unmodifiableSet(copy);
    }
}
