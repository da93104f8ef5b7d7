package dev.certsd.ui.workspace;

import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.RootDiscovery;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Where the window's roots come from: the ones found on this machine, the ones the user added earlier
 * (remembered with the client chosen for them), and the found ones the user took off the list (kept away).
 */
final class RootSources {
    /** A root to list, and whether the user added it (so it is remembered between runs). */
    record Listed(CertsRoot root, boolean byUser) {
    }

    private final RootDiscovery discovery;
    private final List<CertsRoot> remembered;
    private final Set<Path> hidden = new LinkedHashSet<>();

    RootSources(RootDiscovery discovery, List<CertsRoot> remembered) {
        this.discovery = discovery;
        this.remembered = List.copyOf(remembered);
    }

    /**
     * The found roots first, in discovery's order, then the remembered ones. A found root the user gave another
     * client keeps its place and takes that client; a hidden one stays away.
     */
    List<Listed> atStart() {
        List<Listed> out = new ArrayList<>();
        for (CertsRoot r : discovery.existingRoots()) {
            if (hidden.contains(r.path())) {
                continue;
            }
            Optional<CertsRoot> changed = remembered.stream().filter(m -> m.path().equals(r.path())).findFirst();
            out.add(new Listed(changed.map(c -> new CertsRoot(r.path(), r.kind(), c.client())).orElse(r),
                    changed.isPresent()));
        }
        remembered.forEach(r -> out.add(new Listed(r, true)));
        return out;
    }

    /** The roots a client here would read that are not {@code listed}: one per directory. */
    List<CertsRoot> missing(Predicate<Path> listed) {
        Map<Path, CertsRoot> out = new LinkedHashMap<>();
        for (CertsRoot r : discovery.candidates()) {
            if (!listed.test(r.path())) {
                out.putIfAbsent(r.path(), r);
            }
        }
        return List.copyOf(out.values());
    }

    void hide(Collection<Path> paths) {
        paths.forEach(p -> hidden.add(p.toAbsolutePath().normalize()));
    }

    /** A root taken off the list: a found one stays away in later runs too. */
    void removed(Path root) {
        if (discovery.existingRoots().stream().anyMatch(r -> r.path().equals(root))) {
            hidden.add(root);
        }
    }

    /** A root the user added: shown again even if it was hidden. */
    void added(Path root) {
        hidden.remove(root);
    }

    List<Path> hidden() {
        return List.copyOf(hidden);
    }
}
