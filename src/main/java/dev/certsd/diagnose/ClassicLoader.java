package dev.certsd.diagnose;

import dev.certsd.roots.Client;
import dev.certsd.roots.FileRole;
import dev.certsd.material.GoKeyPair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /** @param byName the entries by name, in directory order ({@link Names#index}) */
    ClientLoad load(List<FileEntry> entries, Map<String, FileEntry> byName) {
        Walk walk = new Walk(byName);
        for (FileEntry e : entries) {
            ClientLoad stopped = switch (FileRole.of(e.name(), client)) {
                case CA -> walk.ca(e);
                case CLIENT_CERT -> walk.clientCert(e);
                case CLIENT_KEY -> walk.clientKey(e);
                default -> null; // every other name is ignored without a word
            };
            if (stopped != null) {
                return stopped;
            }
        }
        return walk.stop(null, null, null);
    }

    /**
     * A pair's two contents by identity: the scan gives every copy of a file the first copy's array, so copies of a
     * pair are found without hashing their bytes (a directory of 33,000 copied pairs hashed 47 MB for that).
     */
    private record Contents(byte[] cert, byte[] key) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Contents c && c.cert == cert && c.key == key;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(cert) * 31 + System.identityHashCode(key);
        }
    }

    /** One pass over a directory's entries: what was loaded so far, and the answer when the client stops. */
    private final class Walk {
        private final Map<String, FileEntry> byName;
        private final List<String> pairs = new ArrayList<>();
        private final List<String> cas = new ArrayList<>();
        private final Map<String, GoKeyPair.Result> keyPairs = new HashMap<>();
        private final Map<Contents, GoKeyPair.Result> loaded = new HashMap<>();

        Walk(Map<String, FileEntry> byName) {
            this.byName = byName;
        }

        /** A CA file; null when the client goes on. */
        ClientLoad ca(FileEntry e) {
            if (e.kind() == FileEntry.Kind.SPECIAL) {
                return stop(null, e.name(), e.name());
            }
            String err = readError(e);
            if (err != null && client == Client.CONTAINERS && e.kind() == FileEntry.Kind.BROKEN_SYMLINK) {
                return null; // containers/image logs a warning and goes on
            }
            if (err != null) {
                return stop(err, e.name(), null);
            }
            if (e.content() == null || !e.content().goCertificates().isEmpty()) {
                cas.add(e.name());
            }
            return null;
        }

        /** A client certificate, loaded with its key as Go's tls.LoadX509KeyPair does; null when the client goes on. */
        ClientLoad clientCert(FileEntry e) {
            String keyName = FileRole.base(e.name()) + ".key";
            if (!byName.containsKey(keyName)) {
                return stop(missingKey(keyName, e.name()), e.name(), null);
            }
            FileEntry key = byName.get(keyName);
            for (FileEntry part : List.of(e, key)) {
                if (part.kind() == FileEntry.Kind.SPECIAL) {
                    return stop(null, part.name(), part.name());
                }
                String err = readError(part);
                if (err != null) {
                    return stop(err, part.name(), null);
                }
            }
            if (e.readable() && key.readable()) {
                GoKeyPair.Result r = loaded.computeIfAbsent(new Contents(e.bytes(), key.bytes()),
                        k -> GoKeyPair.load(e.bytes(), key.bytes(), e.content(), key.content())); // copies: once
                keyPairs.put(e.name(), r);
                if (!r.ok()) {
                    return stop(r.error(), e.name(), null);
                }
            }
            pairs.add(e.name());
            return null;
        }

        /** A client key: it needs its certificate; null when the client goes on. */
        ClientLoad clientKey(FileEntry e) {
            String certName = FileRole.base(e.name()) + ".cert";
            return byName.containsKey(certName) ? null : stop(missingCert(certName, e.name()), e.name(), null);
        }

        ClientLoad stop(String error, String file, String blocksOn) {
            return new ClientLoad(pairs, cas, error, file, blocksOn, systemRootsMerged, keyPairs);
        }
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
}
