package dev.certsd.roots;

import java.util.List;

/** Finds the certs roots of a machine; injectable so tests never depend on the host's /etc. */
@FunctionalInterface
public interface RootDiscovery {
    /** The roots that exist, in the order the user expects to see them. */
    List<CertsRoot> existingRoots();

    /**
     * Every root a client here would read, whether it exists or not (where a wizard may create one); by default
     * the existing ones.
     */
    default List<CertsRoot> candidates() {
        return existingRoots();
    }
}
