package dev.certsd.sample;

import dev.certsd.certs.Certificates.Issued;
import dev.certsd.sample.SamplePki.Usage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Generates a certs root for learning by clicking: one host directory per common mix-up, each next to a healthy
 * one, with certificates dated from the given clock so "expired" and "expiring soon" stay true.
 */
public final class SampleRoot {
    /** The healthy directory, laid out as the seed page's example. */
    public static final String HEALTHY = "registry.example.com:5000";
    /** Every host directory the sample holds, in load order. */
    public static final List<String> HOST_DIRS = List.of(
            "ca-saved-as-cert.example.com", "client-saved-as-crt.example.com", "der-ca.example.com",
            "encrypted-key.example.com", "expired-pair-first.example.com", "expired.example.com:5000",
            "expiring.example.com", "key-mismatch.example.com", "localhost:5000", "moved-ca.example.com",
            "orphan-key.example.com", HEALTHY, "registry.example.org:443", "server-cert-as-client.example.com");

    private final Clock clock;
    private final SamplePki pki = new SamplePki();

    public SampleRoot(Clock clock) {
        this.clock = clock;
    }

    /** Where the sample lives inside the application's data directory. */
    public static Path location(Path dataDir) {
        return dataDir.resolve("sample").resolve("certs.d");
    }

    /**
     * Writes a fresh sample root under {@code dataDir}, replacing an earlier one (its dates would have drifted),
     * and returns the root.
     */
    public Path generate(Path dataDir) throws IOException {
        Path root = location(dataDir);
        deleteTree(root);
        Files.createDirectories(root);
        Instant now = clock.instant();
        Issued ca = pki.ca("CN=Certs.d Studio Sample CA,O=Certs.d Studio", days(now, -30), days(now, 3650));

        healthy(root.resolve(HEALTHY), ca, now);
        healthy(root.resolve("registry.example.org:443"), ca, now);
        healthy(root.resolve("localhost:5000"), ca, now);
        namingMixUps(root, ca, now);
        keyAndDateMixUps(root, ca, now);
        leftovers(root, ca, now);
        return root;
    }

    /** Files whose names give them the wrong role, or whose encoding the client cannot read. */
    private void namingMixUps(Path root, Issued ca, Instant now) throws IOException {
        Path caAsCert = root.resolve("ca-saved-as-cert.example.com");
        write(caAsCert, "ca.cert", SamplePki.pem(ca.cert()));

        Path clientAsCrt = root.resolve("client-saved-as-crt.example.com");
        write(clientAsCrt, "ca.crt", SamplePki.pem(ca.cert()));
        pairFiles(clientAsCrt, "client", ".crt", client(ca, "client-as-crt", days(now, -1), days(now, 365)));

        Path derCa = root.resolve("der-ca.example.com");
        Files.createDirectories(derCa);
        Files.write(derCa.resolve("ca.crt"), SamplePki.der(ca.cert()));
        pairFiles(derCa, "client", ".cert", client(ca, "der-ca", days(now, -1), days(now, 365)));
    }

    /** Pairs the client cannot load or the registry would refuse: encrypted, expired, expiring, mismatched. */
    private void keyAndDateMixUps(Path root, Issued ca, Instant now) throws IOException {
        Path encrypted = root.resolve("encrypted-key.example.com");
        write(encrypted, "ca.crt", SamplePki.pem(ca.cert()));
        Issued encryptedClient = client(ca, "encrypted-key", days(now, -1), days(now, 365));
        write(encrypted, "client.cert", SamplePki.pem(encryptedClient.cert()));
        writeKey(encrypted, "client.key", SamplePki.encryptedKeyPem(encryptedClient.keys(), "sample"));

        Path expiredFirst = root.resolve("expired-pair-first.example.com");
        write(expiredFirst, "ca.crt", SamplePki.pem(ca.cert()));
        pairFiles(expiredFirst, "a-old", ".cert", client(ca, "old pair", days(now, -400), days(now, -20)));
        pairFiles(expiredFirst, "b-new", ".cert", client(ca, "new pair", days(now, -1), days(now, 365)));

        Path expired = root.resolve("expired.example.com:5000");
        write(expired, "ca.crt", SamplePki.pem(ca.cert()));
        pairFiles(expired, "client", ".cert", client(ca, "expired", days(now, -400), days(now, -10)));

        Path expiring = root.resolve("expiring.example.com");
        write(expiring, "ca.crt", SamplePki.pem(ca.cert()));
        pairFiles(expiring, "client", ".cert", client(ca, "expiring", days(now, -350), days(now, 12)));

        Path mismatch = root.resolve("key-mismatch.example.com");
        write(mismatch, "ca.crt", SamplePki.pem(ca.cert()));
        write(mismatch, "client.cert", SamplePki.pem(client(ca, "mismatch", days(now, -1), days(now, 365)).cert()));
        writeKey(mismatch, "client.key", SamplePki.keyPem(pki.keyPair()));
    }

    /** What moving and copying files leaves behind: a dangling link, a lone key, a server pair as the client's. */
    private void leftovers(Path root, Issued ca, Instant now) throws IOException {
        // The CA file moved away and the link into it was left behind.
        Path moved = root.resolve("moved-ca.example.com");
        Files.createDirectories(moved);
        try {
            Files.createSymbolicLink(moved.resolve("ca.crt"), Path.of("../../old-certs/ca.crt"));
        } catch (IOException | UnsupportedOperationException e) {
            // Windows without the symlink privilege: the directory stays empty, which is a lesson of its own
        }

        // A client certificate downloaded as .pem: ignored, and its key is left without a partner.
        Path orphan = root.resolve("orphan-key.example.com");
        write(orphan, "ca.crt", SamplePki.pem(ca.cert()));
        Issued orphanClient = client(ca, "orphan-key", days(now, -1), days(now, 365));
        write(orphan, "client.pem", SamplePki.pem(orphanClient.cert()));
        writeKey(orphan, "client.key", SamplePki.keyPem(orphanClient.keys()));

        // Harbor's guide copies the registry's own server certificate and key in as the client pair.
        Path server = root.resolve("server-cert-as-client.example.com");
        write(server, "ca.crt", SamplePki.pem(ca.cert()));
        Issued serverCert = pki.leaf("CN=server-cert-as-client.example.com", pki.keyPair(), ca, days(now, -1),
                days(now, 365), Usage.SERVER, "server-cert-as-client.example.com");
        pairFiles(server, "server", ".cert", serverCert);
    }

    private void healthy(Path dir, Issued ca, Instant now) throws IOException {
        write(dir, "ca.crt", SamplePki.pem(ca.cert()));
        pairFiles(dir, "client", ".cert", client(ca, dir.getFileName().toString(), days(now, -1), days(now, 365)));
    }

    private Issued client(Issued ca, String name, Instant from, Instant to) {
        return pki.leaf("CN=" + name + " client,O=Certs.d Studio Sample", pki.keyPair(), ca, from, to,
                Usage.CLIENT, null);
    }

    private static void pairFiles(Path dir, String base, String certExtension, Issued issued) throws IOException {
        write(dir, base + certExtension, SamplePki.pem(issued.cert()));
        writeKey(dir, base + ".key", SamplePki.keyPem(issued.keys()));
    }

    private static void write(Path dir, String name, String text) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), text, StandardCharsets.US_ASCII);
    }

    /** Keys get mode 0600 where the file system has modes, as they should in a real root. */
    private static void writeKey(Path dir, String name, String text) throws IOException {
        write(dir, name, text);
        try {
            Files.setPosixFilePermissions(dir.resolve(name), PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Windows: no POSIX modes, nothing to restrict this way
        }
    }

    private static Instant days(Instant now, long days) {
        return now.plus(Duration.ofDays(days));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
