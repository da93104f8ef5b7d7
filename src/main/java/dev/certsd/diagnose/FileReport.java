package dev.certsd.diagnose;

import dev.certsd.layout.FileRole;
import java.util.List;
import java.util.Set;

/** One file of a host directory: its role for the client, its badges, and what is wrong with it. */
public record FileReport(FileEntry entry, FileRole role, Set<Badge> badges, List<Finding> findings) {
    public FileReport {
        badges = Set.copyOf(badges);
        findings = List.copyOf(findings);
    }

    public String name() {
        return entry.name();
    }
}
