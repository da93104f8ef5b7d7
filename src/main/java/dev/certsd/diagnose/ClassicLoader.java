package dev.certsd.diagnose;

import dev.certsd.roots.Client;
import dev.certsd.roots.FileRole;
import dev.certsd.material.GoKeyPair;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The classic certs.d reader shared by Docker (moby {@code ReadCertsDirectory}) and containers/image
 * ({@code tlsclientconfig.SetupCertificates}): entries in name order, roles by extension, stop at the first error.
 */
final class ClassicLoader {
    private final Client client;
    private final boolean privilegedReader;
    private final boolean systemRootsMerged;

    private final dev.certsd.roots.ClientVersion version;

    ClassicLoader(Client client, boolean privilegedReader, boolean systemRootsMerged,
                  dev.certsd.roots.ClientVersion version) {
        this.version = version;
        this.client = client;
        this.privilegedReader = privilegedReader;
        this.systemRootsMerged = systemRootsMerged;
    }

    ClientLoad load(List<FileEntry> entries) {
        Set<String> names = Names.of(entries);
        Map<String, FileEntry> byName = Names.index(entries);
        List<String> pairs = new ArrayList<>();
        List<String> cas = new ArrayList<>();
        Map<String, GoKeyPair.Result> keyPairs = new HashMap<>();
        Map<List<ByteBuffer>, GoKeyPair.Result> loaded = new HashMap<>();
        for (FileEntry e : entries) {
            switch (FileRole.of(e.name(), client)) {
                case CA -> {
                    if (e.kind() == FileEntry.Kind.SPECIAL) {
                        return stop(pairs, cas, null, e.name(), e.name(), keyPairs);
                    }
                    String err = readError(e);
                    if (err != null && client == Client.CONTAINERS && e.kind() == FileEntry.Kind.BROKEN_SYMLINK) {
                        continue; // containers/image logs a warning and goes on
                    }
                    if (err != null) {
                        return stop(pairs, cas, err, e.name(), null, keyPairs);
                    }
                    if (e.content() == null || !e.content().goCertificates().isEmpty()) {
                        cas.add(e.name());
                    }
                }
                case CLIENT_CERT -> {
                    String keyName = FileRole.base(e.name()) + ".key";
                    if (!names.contains(keyName)) {
                        return stop(pairs, cas, missingKey(keyName, e.name()), e.name(), null, keyPairs);
                    }
                    FileEntry key = byName.get(keyName);
                    for (FileEntry part : List.of(e, key)) {
                        if (part.kind() == FileEntry.Kind.SPECIAL) {
                            return stop(pairs, cas, null, part.name(), part.name(), keyPairs);
                        }
                        String err = readError(part);
                        if (err != null) {
                            return stop(pairs, cas, err, part.name(), null, keyPairs);
                        }
                    }
                    if (e.readable() && key.readable()) {
                        GoKeyPair.Result r = loaded.computeIfAbsent(
                                List.of(ByteBuffer.wrap(e.bytes()), ByteBuffer.wrap(key.bytes())),
                                k -> GoKeyPair.load(e.bytes(), key.bytes(), // copies of a pair load once
                                        e.content() == null ? null : e.content().goCertificates()));
                        keyPairs.put(e.name(), r);
                        if (!r.ok()) {
                            return stop(pairs, cas, r.error(), e.name(), null, keyPairs);
                        }
                    }
                    pairs.add(e.name());
                }
                case CLIENT_KEY -> {
                    String certName = FileRole.base(e.name()) + ".cert";
                    if (!names.contains(certName)) {
                        return stop(pairs, cas, missingCert(certName, e.name()), e.name(), null, keyPairs);
                    }
                }
                default -> {
                    // every other name is ignored without a word
                }
            }
        }
        return new ClientLoad(pairs, cas, null, null, null, systemRootsMerged, keyPairs);
    }

    private String readError(FileEntry e) {
        if (e.kind() == FileEntry.Kind.UNREADABLE && privilegedReader) {
            return null; // the daemon runs as root and reads what we cannot
        }
        return e.goReadError();
    }

    /** Docker 23.0 reworded both texts (moby's registry package); 20.10 and containers/image keep the old ones. */
    private boolean currentDockerTexts() {
        return client == Client.DOCKER && version.atLeast(23, 0, 0);
    }

    private String missingKey(String key, String cert) {
        return currentDockerTexts()
                ? "missing key " + key + " for client certificate " + cert + ". CA certificates must use the extension .crt"
                : "missing key " + key + " for client certificate " + cert
                        + ". Note that CA certificates should use the extension .crt";
    }

    private String missingCert(String cert, String key) {
        String capital = client == Client.DOCKER && !currentDockerTexts() ? "Missing" : "missing";
        return capital + " client certificate " + cert + " for key " + key;
    }

    private ClientLoad stop(List<String> pairs, List<String> cas, String error, String file, String blocksOn,
                            Map<String, GoKeyPair.Result> keyPairs) {
        return new ClientLoad(pairs, cas, error, file, blocksOn, systemRootsMerged, keyPairs);
    }
}
