package dev.certsd.diagnose;

import dev.certsd.roots.ClientVersion;
import dev.certsd.roots.FileRole;
import dev.certsd.roots.HostDir;
import dev.certsd.material.GoKeyPair;
import dev.certsd.material.GoPem;
import dev.certsd.material.PemBlock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * containerd's host directory ({@code core/remotes/docker/config/hosts.go}): a parseable hosts.toml decides
 * everything; otherwise the loose files, where a {@code .cert} without {@code .key} is read as a combined file
 * and a lone {@code .key} is ignored. All CAs load before any pair; a CA without PEM is an error.
 */
final class ContainerdLoader {
    /** containerd's text when no endpoint may resolve a tag ({@code resolver.go}), before any connection. */
    static final String NO_RESOLVE_HOSTS = "no resolve hosts: not found";

    private final EntryReader reader;
    private final ClientVersion version;

    ContainerdLoader(EntryReader reader, ClientVersion version) {
        this.reader = reader;
        this.version = version;
    }

    /**
     * The result, and the hosts.toml error when one made containerd fall back to the loose files.
     *
     * @param toml the hosts.toml containerd uses, or null when it reads the loose files
     */
    record Outcome(ClientLoad load, boolean usedHostsToml, String hostsTomlError, Map<String, FileRole> tomlRoles,
                   HostsToml toml) {
    }

    /** @param byName the entries by name, in directory order ({@link Names#index}) */
    Outcome load(Path dir, HostDir hostDir, List<FileEntry> entries, Map<String, FileEntry> byName) {
        FileEntry toml = byName.get("hosts.toml");
        if (toml != null && toml.readable() && toml.bytes().length > 0) {
            try {
                HostsToml parsed = HostsToml.parse(toml.bytes(), version);
                List<String> cas = new ArrayList<>();
                List<String[]> pairs = new ArrayList<>();
                for (HostsToml.Host h : parsed.hosts()) {
                    cas.addAll(h.caFiles());
                    pairs.addAll(h.clientPairs());
                }
                Map<String, FileRole> roles = new HashMap<>();
                roles.put("hosts.toml", FileRole.CONFIG);
                cas.forEach(ca -> roles.put(ca, FileRole.CA));
                for (String[] pair : pairs) {
                    roles.put(pair[0], FileRole.CLIENT_CERT);
                    if (!pair[1].isEmpty()) {
                        roles.put(pair[1], FileRole.CLIENT_KEY);
                    }
                }
                ClientLoad load = build(dir, byName, cas, pairs);
                List<ContainerdHost> endpoints = ContainerdEndpoints.of(parsed, hostDir, version);
                load = load.with(keyFiles(pairs), endpoints);
                if (load.configError() == null && load.blocksOn() == null
                        && endpoints.stream().noneMatch(ContainerdHost::resolve)) {
                    load = load.withError(NO_RESOLVE_HOSTS, "hosts.toml");
                }
                return new Outcome(load, true, null, roles, parsed);
            } catch (HostsToml.InvalidException e) {
                return new Outcome(loose(dir, hostDir, entries, byName), false, e.getMessage(), Map.of(), null);
            }
        }
        return new Outcome(loose(dir, hostDir, entries, byName), false, null, Map.of(), null);
    }

    private static Map<String, String> keyFiles(List<String[]> pairs) {
        Map<String, String> keys = new HashMap<>();
        for (String[] p : pairs) {
            keys.putIfAbsent(p[0], p[1]);
        }
        return keys;
    }

    private ClientLoad loose(Path dir, HostDir hostDir, List<FileEntry> entries, Map<String, FileEntry> byName) {
        List<String> cas = new ArrayList<>();
        List<String[]> pairs = new ArrayList<>();
        for (FileEntry e : entries) {
            if (e.kind() == FileEntry.Kind.DIRECTORY && !e.symlink()) {
                continue;
            }
            if (e.name().endsWith(".crt")) {
                cas.add(e.name());
            }
            if (e.name().endsWith(".cert")) {
                String key = e.name().substring(0, e.name().length() - 5) + ".key";
                FileEntry k = byName.get(key);
                boolean keyExists = k != null && k.kind() != FileEntry.Kind.BROKEN_SYMLINK;
                pairs.add(new String[] {e.name(), keyExists ? key : ""});
            }
        }
        return build(dir, byName, cas, pairs).with(keyFiles(pairs),
                ContainerdEndpoints.loose(cas, pairs, hostDir, version));
    }

    private ClientLoad build(Path dir, Map<String, FileEntry> byName, List<String> cas, List<String[]> pairs) {
        List<String> loadedCas = new ArrayList<>();
        List<String> loadedPairs = new ArrayList<>();
        Map<String, GoKeyPair.Result> keyPairs = new HashMap<>();
        for (String ca : cas) {
            FileEntry e = entry(dir, byName, ca);
            if (e.kind() == FileEntry.Kind.SPECIAL) {
                return new ClientLoad(loadedPairs, loadedCas, null, e.name(), e.name(), true, keyPairs);
            }
            if (e.goReadError() != null) {
                return error(loadedPairs, loadedCas, "unable to read CA cert \"" + e.path() + "\": " + e.goReadError(),
                        e.name(), keyPairs);
            }
            if (e.readable() && !appendsCerts(e.bytes())) {
                return error(loadedPairs, loadedCas, "unable to load CA cert \"" + e.path() + "\"", e.name(), keyPairs);
            }
            loadedCas.add(ca);
        }
        for (String[] pair : pairs) {
            FileEntry cert = entry(dir, byName, pair[0]);
            FileEntry key = pair[1].isEmpty() ? cert : entry(dir, byName, pair[1]);
            for (FileEntry part : List.of(cert, key)) {
                if (part.kind() == FileEntry.Kind.SPECIAL) {
                    return new ClientLoad(loadedPairs, loadedCas, null, part.name(), part.name(), true, keyPairs);
                }
                if (part.goReadError() != null) {
                    return error(loadedPairs, loadedCas, "unable to read CERT file \"" + part.path() + "\": "
                            + part.goReadError(), part.name(), keyPairs);
                }
            }
            if (cert.readable() && key.readable()) {
                GoKeyPair.Result r = GoKeyPair.load(cert.bytes(), key.bytes(), cert.content(), key.content());
                keyPairs.put(pair[0], r);
                if (!r.ok()) {
                    return error(loadedPairs, loadedCas, "failed to load X509 key pair: " + r.error(), cert.name(),
                            keyPairs);
                }
            }
            loadedPairs.add(pair[0]);
        }
        return new ClientLoad(loadedPairs, loadedCas, null, null, null, true, keyPairs);
    }

    /** Go's CertPool.AppendCertsFromPEM: true when at least one header-less CERTIFICATE block parses. */
    static boolean appendsCerts(byte[] pem) {
        for (PemBlock b : GoPem.decodeAll(pem)) {
            if (b.type().equals("CERTIFICATE") && b.headers().isEmpty()
                    && dev.certsd.material.CertParser.parse(b.bytes()).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private FileEntry entry(Path dir, Map<String, FileEntry> byName, String ref) {
        FileEntry e = byName.get(ref);
        return e != null ? e : reader.read(dir.resolve(ref));
    }

    private static ClientLoad error(List<String> pairs, List<String> cas, String error, String file,
                                    Map<String, GoKeyPair.Result> keyPairs) {
        return new ClientLoad(pairs, cas, error, file, null, true, keyPairs);
    }
}
