package dev.certsd.probe.peers;

import dev.certsd.testing.TestPki;
import dev.certsd.testing.TestPki.Issued;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random host directories from a grammar of names (case, extensions, dots, hidden, unicode, {@code .bak}) and
 * contents (right CA, wrong CA, DER, empty, garbage, bundles, certificate and key in one file, PKCS#1/#8/SEC1,
 * encrypted, mismatched, expired, server-only EKU, directories and links named like files). Case {@code i} of seed
 * {@code s} is always the same directory ({@code new Random(s * 1_000_003 + i)}), so one failing case replays alone.
 */
public final class HostDirGenerator {
    private static final String[] BASES = {"ca", "client", "a", "b", "B", "Client", "z", ".hidden", "ünïcode",
        "reg.example.com", "a-expired", "my cert", "ca.bak", "0"};
    private static final String[] CA_EXT = {".crt", ".crt", ".crt", ".CRT", ".pem", ".crt.bak", ".cert", ""};
    private static final String[] CERT_EXT = {".cert", ".cert", ".cert", ".cert", ".crt", ".Cert", ".cert.bak", ".pem"};
    private static final String[] KEY_EXT = {".key", ".key", ".key", ".key", ".KEY", ".key.bak", ".pem"};

    private final PeerPki pki;
    private final Issued serverOnly;
    private final Issued ecGood;

    public HostDirGenerator(PeerPki pki) {
        this.pki = pki;
        serverOnly = TestPki.cert("CN=server-only client").keys(fresh("RSA")).issuer(pki.clientCa).serverAuth().build();
        ecGood = TestPki.cert("CN=ec client").keys(fresh("EC")).issuer(pki.clientCa).clientAuth().build();
    }

    private static KeyPair fresh(String kind) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(kind);
            if (kind.equals("EC")) {
                g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            } else {
                g.initialize(2048, new SecureRandom());
            }
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes case {@code index} of {@code seed} into {@code dir}; returns what it wrote, one entry a line. */
    public String write(long seed, int index, Path dir) throws IOException {
        Random r = new Random(seed * 1_000_003L + index);
        Files.createDirectories(dir);
        List<String> written = new ArrayList<>();
        Set<String> names = new HashSet<>();
        boolean healthy = r.nextInt(10) < 6; // the right CA and a good pair, then 0 to 3 additions
        if (healthy) {
            names.add("ca.crt");
            written.add(file(dir, "ca.crt", pem(pki.serverCa.certPem()), "ca"));
            String base = r.nextBoolean() ? "client" : pick(r, BASES);
            names.add(base + ".cert");
            names.add(base + ".key");
            written.add(file(dir, base + ".cert", pem(pki.good.certPem()), "cert"));
            written.add(file(dir, base + ".key", pem(r.nextBoolean() ? pki.good.keyPem()
                    : TestPki.pkcs8Pem(pki.good.keys().getPrivate())), "key"));
        }
        int additions = healthy ? (r.nextInt(10) < 4 ? 0 : 1 + r.nextInt(3)) : 1 + r.nextInt(4);
        int cas = healthy ? (additions > 0 && r.nextBoolean() ? 1 : 0) : (r.nextInt(10) < 7 ? 1 + r.nextInt(2) : r.nextInt(2));
        for (int i = 0; i < cas; i++) {
            String name = i == 0 && r.nextInt(3) > 0 ? "ca.crt" : pick(r, BASES) + pick(r, CA_EXT);
            if (names.add(name)) {
                written.add(file(dir, name, caContent(r), "ca"));
            }
        }
        int pairs = healthy ? (additions > 1 ? r.nextInt(2) : 0) : r.nextInt(4);
        for (int i = 0; i < pairs; i++) {
            String base = pick(r, BASES);
            Issued cert = clientCert(r);
            String certExt = pick(r, CERT_EXT);
            String keyExt = pick(r, KEY_EXT);
            int shape = r.nextInt(10);
            if (shape != 9 && names.add(base + certExt)) { // 9: the key alone
                written.add(file(dir, base + certExt, certContent(r, cert), "cert"));
            }
            if (shape != 8 && names.add(base + keyExt)) { // 8: the certificate alone
                written.add(file(dir, base + keyExt, keyContent(r, cert), "key"));
            }
        }
        int noise = healthy ? (additions > 2 ? 1 : 0) : r.nextInt(10) < 6 ? 0 : 1 + r.nextInt(2);
        for (int i = 0; i < noise; i++) {
            String name = pick(r, BASES) + pick(r, r.nextBoolean() ? CA_EXT : KEY_EXT);
            if (!names.add(name)) {
                continue;
            }
            written.add(noise(r, dir, name, names, index));
        }
        return String.join("\n", written);
    }

    /** An entry that is no certificate or key under a name that looks like one; returns what it made. */
    private String noise(Random r, Path dir, String name, Set<String> names, int index) throws IOException {
        switch (r.nextInt(4)) {
            case 0 -> {
                Files.createDirectories(dir.resolve(name));
                return name + "/ (directory)";
            }
            case 1 -> {
                Files.createSymbolicLink(dir.resolve(name), Path.of("nowhere-" + index));
                return name + " -> nowhere (dangling link)";
            }
            case 2 -> {
                String target = names.stream().filter(n -> !n.equals(name)).sorted().findFirst().orElse("x");
                Files.createSymbolicLink(dir.resolve(name), Path.of(target));
                return name + " -> " + target + " (link)";
            }
            default -> {
                return file(dir, name, "notes\n".getBytes(StandardCharsets.UTF_8), "text");
            }
        }
    }

    /**
     * Sometimes (3 cases in 5) a hosts.toml for containerd over the files {@link #write} made: {@code ca} and
     * {@code client} in their string, list and pair forms (now and then a missing file), {@code skip_verify},
     * {@code capabilities} (rarely without resolve, or with an unknown word), at the top level, in a {@code [host]}
     * table, or both. Returns what it wrote ("" for none).
     */
    public String hostsToml(long seed, int index, Path dir, String url) throws IOException {
        Random r = new Random(seed * 1_000_003L + index + 7_777_777L);
        if (r.nextInt(5) < 2) {
            return "";
        }
        List<String> files = new ArrayList<>();
        try (var list = Files.list(dir)) {
            list.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().forEach(files::add);
        }
        files.add("missing.pem");
        StringBuilder keys = new StringBuilder();
        switch (r.nextInt(3)) {
            case 1 -> keys.append("ca = ").append(q(ref(r, files))).append('\n');
            case 2 -> keys.append("ca = [").append(q(ref(r, files))).append(", ").append(q(ref(r, files))).append("]\n");
            default -> {
            }
        }
        switch (r.nextInt(5)) {
            case 1 -> keys.append("client = ").append(q(ref(r, files))).append('\n');
            case 2 -> keys.append("client = [[").append(q(ref(r, files))).append(", ").append(q(ref(r, files)))
                    .append("]]\n");
            case 3 -> keys.append("client = [").append(q(ref(r, files))).append("]\n");
            case 4 -> keys.append("client = [[").append(q(ref(r, files))).append(", ").append(q(ref(r, files)))
                    .append("], [").append(q(ref(r, files))).append(", ").append(q(ref(r, files))).append("]]\n");
            default -> {
            }
        }
        int skip = r.nextInt(20);
        if (skip < 2) {
            keys.append("skip_verify = true\n");
        } else if (skip == 2) {
            keys.append("skip_verify = false\n");
        }
        int caps = r.nextInt(20);
        if (caps < 4) {
            keys.append("capabilities = [\"pull\", \"resolve\"]\n");
        } else if (caps == 4) {
            keys.append("capabilities = [\"pull\"]\n");
        } else if (caps == 5) {
            keys.append("capabilities = [\"pull\", \"resolve\", \"bogus\"]\n");
        }
        String text = switch (r.nextInt(4)) {
            case 0 -> "server = " + q(url) + "\n" + keys;
            case 3 -> "server = " + q(url) + "\n[host." + q(url) + "]\n" + keys;
            default -> "[host." + q(url) + "]\n" + keys;
        };
        TestPki.write(dir, "hosts.toml", text);
        return "hosts.toml:\n" + text;
    }

    private static String ref(Random r, List<String> files) {
        return r.nextInt(12) == 0 ? files.get(files.size() - 1) : files.get(r.nextInt(files.size()));
    }

    private static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String file(Path dir, String name, byte[] content, String what) {
        TestPki.write(dir, name, content);
        return name + " (" + what + ", " + content.length + " bytes)";
    }

    private byte[] caContent(Random r) {
        return switch (r.nextInt(9)) {
            case 0, 1, 2, 3 -> pem(pki.serverCa.certPem());
            case 4 -> pem(pki.clientCa.certPem());
            case 5 -> TestPki.der(pki.serverCa.cert());
            case 6 -> pem(pki.clientCa.certPem() + pki.serverCa.certPem());
            case 7 -> new byte[0];
            default -> "-----BEGIN CERTIFICATE-----\ngarbage\n-----END CERTIFICATE-----\n".getBytes(StandardCharsets.UTF_8);
        };
    }

    private Issued clientCert(Random r) {
        return switch (r.nextInt(10)) {
            case 0, 1, 2 -> pki.good;
            case 3 -> pki.expired;
            case 4 -> pki.selfSigned;
            case 5 -> pki.rogue;
            case 6 -> pki.otherCa;
            case 7 -> serverOnly;
            case 8 -> ecGood;
            default -> pki.serverCa; // a CA saved where a client certificate goes
        };
    }

    private byte[] certContent(Random r, Issued cert) {
        return switch (r.nextInt(12)) {
            case 0 -> pem(cert.certPem() + cert.keyPem()); // certificate and key in one file
            case 1 -> TestPki.der(cert.cert());
            case 2 -> new byte[0];
            case 3 -> pem(cert.certPem() + pki.clientCa.certPem()); // with its chain
            default -> pem(cert.certPem());
        };
    }

    private byte[] keyContent(Random r, Issued cert) {
        return switch (r.nextInt(12)) {
            case 0 -> pem(TestPki.pkcs8Pem(cert.keys().getPrivate()));
            case 1 -> pem(TestPki.encryptedPkcs8Pem(cert.keys().getPrivate(), "secret"));
            case 2 -> pem(TestPki.legacyEncryptedPem(cert.keys().getPrivate(), "secret"));
            case 3 -> pem(pki.expired.keyPem()); // another certificate's key
            case 4 -> "not a key\n".getBytes(StandardCharsets.UTF_8);
            case 5 -> new byte[0];
            default -> pem(TestPki.traditionalPem(cert.keys().getPrivate())); // PKCS#1, or SEC1 for EC
        };
    }

    private static byte[] pem(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String pick(Random r, String[] options) {
        return options[r.nextInt(options.length)];
    }
}
