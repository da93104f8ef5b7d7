package dev.certsd.ui.workspace;

import java.util.HashSet;
import java.util.Set;

/**
 * What changed under a root since its last scan.
 *
 * @param whole    the root itself changed (host directories came or went, events were lost): scan everything
 * @param hostDirs host directories whose content changed
 */
public record DiskEvents(boolean whole, Set<String> hostDirs) {
    public DiskEvents {
        hostDirs = Set.copyOf(hostDirs);
    }

    public static DiskEvents everything() {
        return new DiskEvents(true, Set.of());
    }

    public static DiskEvents hosts(Set<String> names) {
        return new DiskEvents(false, names);
    }

    public DiskEvents merge(DiskEvents other) {
        if (other == null) {
            return this;
        }
        Set<String> all = new HashSet<>(hostDirs);
        all.addAll(other.hostDirs);
        return new DiskEvents(whole || other.whole, all);
    }
}
