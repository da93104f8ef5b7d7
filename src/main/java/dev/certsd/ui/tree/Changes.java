package dev.certsd.ui.tree;

import java.util.HashSet;
import java.util.Set;

/**
 * What changed under a root since its last scan.
 *
 * @param whole    the root itself changed (host directories came or went, events were lost): scan everything
 * @param hostDirs host directories whose content changed
 */
public record Changes(boolean whole, Set<String> hostDirs) {
    public Changes {
        hostDirs = Set.copyOf(hostDirs);
    }

    public static Changes everything() {
        return new Changes(true, Set.of());
    }

    public static Changes hosts(Set<String> names) {
        return new Changes(false, names);
    }

    public Changes merge(Changes other) {
        if (other == null) {
            return this;
        }
        Set<String> all = new HashSet<>(hostDirs);
        all.addAll(other.hostDirs);
        return new Changes(whole || other.whole, all);
    }
}
