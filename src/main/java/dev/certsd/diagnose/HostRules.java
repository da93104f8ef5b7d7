package dev.certsd.diagnose;

import static dev.certsd.diagnose.Severity.ERROR;
import static dev.certsd.diagnose.Severity.INFO;
import static dev.certsd.diagnose.Severity.WARNING;

import dev.certsd.roots.Client;
import dev.certsd.roots.HostDir;
import dev.certsd.roots.InsecureRegistries;
import dev.certsd.material.CertInfo;
import dev.certsd.material.GoKeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rules about a host directory as a whole: its name, whether it is used, and how its files interact. */
final class HostRules {
    private HostRules() {
    }

    static void name(HostDir dir, Client client, List<Finding> out) {
        if (!dir.valid()) {
            out.add(Finding.of(FindingCode.INVALID_HOST_DIR_NAME, WARNING, null, dir.dirName(), dir.problem()));
        } else if (Integer.valueOf(443).equals(dir.port())) {
            String plain = dir.registry().substring(0, dir.registry().length() - 4);
            out.add(Finding.of(FindingCode.DEFAULT_PORT_IN_DIR_NAME, WARNING, null, dir.dirName(), plain));
        }
    }

    /**
     * containerd looks a registry up as {@code host_port_} before {@code host:port} ({@code hostPaths}): when both
     * exist, the colon form is never read.
     */
    static Optional<Finding> shadowed(java.nio.file.Path dir, HostDir hostDir) {
        String name = hostDir.dirName();
        if (hostDir.form() != HostDir.Form.HOST_PORT && hostDir.form() != HostDir.Form.IPV6 || hostDir.port() == null) {
            return Optional.empty();
        }
        int idx = name.lastIndexOf(':');
        String underscore = name.substring(0, idx) + "_" + name.substring(idx + 1) + "_";
        java.nio.file.Path other = dir.resolveSibling(underscore);
        if (java.nio.file.Files.exists(other)) { // os.Stat: a file or a link to anything existing counts
            return Optional.of(Finding.of(FindingCode.HOST_DIR_SHADOWED, WARNING, null, underscore));
        }
        return Optional.empty();
    }

    static Optional<Finding> insecure(HostDir dir, InsecureRegistries insecure, dev.certsd.roots.ClientVersion v) {
        return insecure.reasonFor(dir, v).map(r -> r.kind() == InsecureRegistries.Reason.Kind.DOCKER_HUB
                ? Finding.of(FindingCode.DOCKER_HUB_CERTSD_IGNORED, WARNING, null, dir.registry())
                : Finding.of(FindingCode.INSECURE_REGISTRY_CERTSD_IGNORED, WARNING, null, dir.registry(),
                        r.kind().name(), r.detail()));
    }

    /**
     * An expired pair that sorts before a valid pair of the same issuer is the one Go sends: it fails. The pairs are
     * walked from the last, remembering per issuer the first valid pair after the current one (linear, not a
     * comparison of every two pairs).
     */
    static void expiredPairFirst(ClientLoad load, Instant now, List<Finding> out) {
        List<GoKeyPair.Result> loaded = load.pairs().stream().map(p -> load.keyPairs().get(p)).toList();
        Map<dev.certsd.material.DerName, Integer> nextValid = new HashMap<>();
        List<Finding> found = new ArrayList<>();
        for (int i = loaded.size() - 1; i >= 0; i--) {
            CertInfo leaf = leaf(loaded.get(i));
            if (leaf == null) {
                continue;
            }
            dev.certsd.material.DerName issuer = leaf.issuerName();
            if (leaf.expiredAt(now)) {
                Integer j = nextValid.get(issuer);
                if (j != null) {
                    found.add(Finding.of(FindingCode.EXPIRED_PAIR_SENT_FIRST, ERROR, load.pairs().get(i),
                            load.pairs().get(i), load.pairs().get(j)));
                }
            } else {
                nextValid.put(issuer, i);
            }
        }
        Collections.reverse(found);
        out.addAll(found);
    }

    static void duplicates(List<FileReport> files, List<Finding> out) {
        Map<String, String> seen = new HashMap<>();
        for (FileReport f : files) {
            if (f.entry().content() == null) {
                continue;
            }
            List<CertInfo> certs = f.entry().content().certificates();
            for (int i = 0; i < certs.size(); i++) { // indexed: C1 (which runs a check) allocates every iterator
                CertInfo c = certs.get(i);
                String earlier = seen.putIfAbsent(c.sha256(), f.name());
                if (earlier != null && !earlier.equals(f.name())) {
                    out.add(Finding.of(FindingCode.DUPLICATE_CERTIFICATE, INFO, f.name(), earlier, c.subject()));
                }
            }
        }
    }

    static void empty(List<FileEntry> entries, List<Finding> out) {
        if (entries.isEmpty()) {
            out.add(Finding.of(FindingCode.EMPTY_HOST_DIR, INFO, null));
        }
    }

    static Finding unreadable(Client client, boolean privileged, String error) {
        Severity s = client == Client.CONTAINERS ? WARNING : privileged ? WARNING : ERROR;
        return Finding.of(FindingCode.UNREADABLE_DIRECTORY, s, null, error);
    }

    private static CertInfo leaf(GoKeyPair.Result r) {
        return r == null ? null : r.leaf();
    }
}
