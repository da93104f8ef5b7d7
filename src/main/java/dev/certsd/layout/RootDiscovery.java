package dev.certsd.layout;

import java.util.List;

/** Finds the certs roots of a machine; injectable so tests never depend on the host's /etc. */
@FunctionalInterface
public interface RootDiscovery {
    /** The roots that exist, in the order the user expects to see them. */
    List<CertsRoot> existingRoots();
}
