package dev.certsd.diagnose;

import dev.certsd.roots.ClientVersion;
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
 * @param keyFiles          the key file of each client certificate file that names it otherwise than by
 *                          {@code <base>.key} (containerd's hosts.toml {@code client = [["a.crt", "a.key"]]}; ""
 *                          when the key is inside the certificate file)
 * @param hosts             containerd's endpoints for the registry, in the order it tries them (empty for the
 *                          other clients)
 * @param version           the client release this load models (null until the scanner sets it)
 */
public record ClientLoad(List<String> pairs, List<String> caFiles, String configError, String errorFile,
                         String blocksOn, boolean systemRootsMerged, Map<String, GoKeyPair.Result> keyPairs,
                         boolean skipVerify, Map<String, String> keyFiles, List<ContainerdHost> hosts,
                         ClientVersion version) {
    public ClientLoad {
        pairs = List.copyOf(pairs);
        caFiles = List.copyOf(caFiles);
        keyPairs = Map.copyOf(keyPairs);
        keyFiles = Map.copyOf(keyFiles);
        hosts = List.copyOf(hosts);
    }

    public ClientLoad(List<String> pairs, List<String> caFiles, String configError, String errorFile,
                      String blocksOn, boolean systemRootsMerged, Map<String, GoKeyPair.Result> keyPairs,
                      boolean skipVerify) {
        this(pairs, caFiles, configError, errorFile, blocksOn, systemRootsMerged, keyPairs, skipVerify, Map.of(),
                List.of(), null);
    }

    /** A load that verifies the server as usual. */
    public ClientLoad(List<String> pairs, List<String> caFiles, String configError, String errorFile,
                      String blocksOn, boolean systemRootsMerged, Map<String, GoKeyPair.Result> keyPairs) {
        this(pairs, caFiles, configError, errorFile, blocksOn, systemRootsMerged, keyPairs, false);
    }

    /**
     * The key file the client reads for a client certificate file it loaded: the one hosts.toml names, else
     * {@code <base>.key} for a {@code .cert}; "" when the key is inside the certificate file.
     */
    public String keyFileOf(String certFile) {
        String named = keyFiles.get(certFile);
        if (named != null) {
            return named;
        }
        return certFile.endsWith(".cert") ? certFile.substring(0, certFile.length() - 5) + ".key" : "";
    }

    ClientLoad withSkipVerify(boolean skip) {
        return new ClientLoad(pairs, caFiles, configError, errorFile, blocksOn, systemRootsMerged, keyPairs, skip,
                keyFiles, hosts, version);
    }

    ClientLoad withVersion(ClientVersion v) {
        return new ClientLoad(pairs, caFiles, configError, errorFile, blocksOn, systemRootsMerged, keyPairs,
                skipVerify, keyFiles, hosts, v);
    }

    ClientLoad with(Map<String, String> keys, List<ContainerdHost> endpoints) {
        return new ClientLoad(pairs, caFiles, configError, errorFile, blocksOn, systemRootsMerged, keyPairs,
                skipVerify, keys, endpoints, version);
    }

    ClientLoad withError(String error, String file) {
        return new ClientLoad(pairs, caFiles, error, file, blocksOn, systemRootsMerged, keyPairs, skipVerify,
                keyFiles, hosts, version);
    }
}
