package dev.certsd.diagnose;

import dev.certsd.material.GoKeyPair;
import java.util.List;
import java.util.Map;

/**
 * What a client makes of one host directory before any network I/O.
 *
 * @param pairs             the client certificates loaded, in load order (certificate file names)
 * @param caFiles           the files whose certificates are added as roots, in load order
 * @param configError       the exact error text the client stops with, or null
 * @param errorFile         the file that caused it, or null
 * @param blocksOn          a special file the client would block on forever while reading, or null
 * @param systemRootsMerged whether the directory's roots are added to the system roots (false: they replace them)
 * @param keyPairs          Go's verdict for each certificate file it tried to pair, by certificate file name
 * @param skipVerify        the client does not verify the server's certificate at all (containerd's
 *                          {@code skip_verify = true} in hosts.toml)
 */
public record ClientLoad(List<String> pairs, List<String> caFiles, String configError, String errorFile,
                         String blocksOn, boolean systemRootsMerged, Map<String, GoKeyPair.Result> keyPairs,
                         boolean skipVerify) {
    public ClientLoad {
        pairs = List.copyOf(pairs);
        caFiles = List.copyOf(caFiles);
        keyPairs = Map.copyOf(keyPairs);
    }

    /** A load that verifies the server as usual. */
    public ClientLoad(List<String> pairs, List<String> caFiles, String configError, String errorFile,
                      String blocksOn, boolean systemRootsMerged, Map<String, GoKeyPair.Result> keyPairs) {
        this(pairs, caFiles, configError, errorFile, blocksOn, systemRootsMerged, keyPairs, false);
    }

    ClientLoad withSkipVerify(boolean skip) {
        return new ClientLoad(pairs, caFiles, configError, errorFile, blocksOn, systemRootsMerged, keyPairs, skip);
    }
}
