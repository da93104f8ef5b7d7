package dev.certsd.diagnose;

import static dev.certsd.testing.Fixtures.CLIENT;
import static dev.certsd.testing.Fixtures.CLIENT_CA;
import static dev.certsd.testing.Fixtures.SERVER_CA;
import static dev.certsd.testing.TestPki.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.certsd.roots.Client;
import dev.certsd.testing.Fixtures;
import dev.certsd.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.KeyPurposeId;
/**
 * The fixtures of {@link FindingFixturesTest}, grouped as {@link FindingCode} is: for every finding code a healthy
 * directory changed in one respect (the positive fixture) and the healthy one or the same change done right (the
 * negative one).
 */
final class FindingFixtures {
    static final String DIR = "reg.example.com:5000";

    interface Setup {
        void apply(Path dir) throws Exception;
    }

    record Case(FindingCode code, Client client, String positiveDir, String negativeDir, Setup positive,
                Setup negative, Set<FindingCode> tolerated) {
        @Override
        public String toString() {
            return code.name();
        }
    }

    private static Case c(FindingCode code, Setup positive) {
        return new Case(code, Client.DOCKER, DIR, DIR, d -> {
            Fixtures.healthy(d);
            positive.apply(d);
        }, Fixtures::healthy, Set.of());
    }

    private static Case c(FindingCode code, Setup positive, Setup negative) {
        return new Case(code, Client.DOCKER, DIR, DIR, d -> {
            Fixtures.healthy(d);
            positive.apply(d);
        }, d -> {
            Fixtures.healthy(d);
            negative.apply(d);
        }, Set.of());
    }

    private static Case dirName(FindingCode code, String positive, String negative) {
        return new Case(code, Client.DOCKER, positive, negative, Fixtures::healthy, Fixtures::healthy, Set.of());
    }

    private static Case tolerating(Case c, FindingCode... tolerated) {
        return new Case(c.code, c.client, c.positiveDir, c.negativeDir, c.positive, c.negative, Set.of(tolerated));
    }

    private static Case containerd(Case c) {
        return new Case(c.code, Client.CONTAINERD, c.positiveDir, c.negativeDir, c.positive, c.negative, c.tolerated);
    }

    static Stream<Case> cases() {
        return Stream.of(namesAndRoles(), hostsToml(), validityAndStrength(), hostDirectoriesAndFileSystem(), content())
                .flatMap(s -> s);
    }

    /** Names and roles of the files in a host directory. */
    private static Stream<Case> namesAndRoles() {
        TestPki.Issued other = TestPki.cert("CN=other client").keys(TestPki.rsa(4)).issuer(CLIENT_CA).clientAuth().build();
        String caPem = SERVER_CA.certPem();
        return Stream.of(
            c(FindingCode.CA_SAVED_AS_CERT, d -> write(d, "myca.cert", CLIENT_CA.certPem()),
                d -> write(d, "myca.crt", CLIENT_CA.certPem())),
            tolerating(c(FindingCode.CLIENT_CERT_SAVED_AS_CRT, d -> {
                write(d, "other.crt", other.certPem());
                write(d, "other.key", other.keyPem());
            }, d -> TestPki.pair(d, "other", other)), FindingCode.ORPHAN_KEY),
            c(FindingCode.ORPHAN_KEY, d -> write(d, "other.key", other.keyPem()), d -> TestPki.pair(d, "other", other)),
            c(FindingCode.ORPHAN_CERT, d -> write(d, "other.cert", other.certPem()), d -> TestPki.pair(d, "other", other)),
            c(FindingCode.KEY_MISMATCH, d -> {
                write(d, "other.cert", other.certPem());
                write(d, "other.key", CLIENT.keyPem());
            }, d -> TestPki.pair(d, "other", other)),
            c(FindingCode.KEY_MATCHES_LATER_CERTIFICATE, d -> write(d, "client.cert", CLIENT_CA.certPem() + CLIENT.certPem()),
                d -> write(d, "client.cert", CLIENT.certPem() + CLIENT_CA.certPem())),
            c(FindingCode.PEM_INPUTS_SWITCHED, d -> {
                write(d, "client.cert", CLIENT.keyPem());
                write(d, "client.key", CLIENT.certPem());
            }),
            c(FindingCode.CRT_NOT_PEM, d -> write(d, "ca.crt", TestPki.der(SERVER_CA.cert()))),
            c(FindingCode.CRT_NOT_CA, d -> write(d, "server.crt", TestPki.cert("CN=reg.example.com").keys(TestPki.rsa(5))
                    .issuer(SERVER_CA).serverAuth().dns("reg.example.com").build().certPem())),
            c(FindingCode.ROOT_WITHOUT_CA_FLAG, d -> write(d, "old.crt",
                    TestPki.cert("CN=Old Root").keys(TestPki.rsa(6)).rootWithoutCaFlag().build().certPem()),
                d -> write(d, "old.crt", TestPki.cert("CN=Old Root").keys(TestPki.rsa(6)).ca().build().certPem())),
            c(FindingCode.CRT_HOLDS_PRIVATE_KEY, d -> write(d, "ca.crt", caPem + SERVER_CA.keyPem())),
            c(FindingCode.COMBINED_CERT_AND_KEY, d -> write(d, "client.cert", CLIENT.certPem() + CLIENT.keyPem())),
            c(FindingCode.IGNORED_FILE, d -> write(d, "notes.txt", "registry notes\n")),
            c(FindingCode.IGNORED_CERTIFICATE_FILE, d -> write(d, "other.pem", caPem)),
            c(FindingCode.HOSTS_TOML_PRESENT, d -> write(d, "hosts.toml", "server = \"https://reg.example.com:5000\"\n")));
    }

    /** containerd's hosts.toml, and a directory another one shadows. */
    private static Stream<Case> hostsToml() {
        return Stream.of(
            tolerating(containerd(c(FindingCode.HOSTS_TOML_INVALID, d -> write(d, "hosts.toml", "server = \n[host\n"),
                d -> write(d, "hosts.toml", HOSTS_TOML))), FindingCode.HOSTS_TOML_PRESENT),
            tolerating(containerd(c(FindingCode.HOSTS_TOML_SKIP_VERIFY,
                d -> write(d, "hosts.toml", HOSTS_TOML + "skip_verify = true\n"),
                d -> write(d, "hosts.toml", HOSTS_TOML + "skip_verify = false\n"))), FindingCode.HOSTS_TOML_PRESENT),
            tolerating(containerd(c(FindingCode.HOSTS_TOML_NO_RESOLVE_HOST,
                d -> write(d, "hosts.toml", HOSTS_TOML + "capabilities = [\"pull\"]\n"),
                d -> write(d, "hosts.toml", HOSTS_TOML + "capabilities = [\"pull\", \"resolve\"]\n"))),
                FindingCode.HOSTS_TOML_PRESENT),
            tolerating(containerd(c(FindingCode.HOSTS_TOML_PLAIN_HTTP,
                d -> write(d, "hosts.toml", HOSTS_TOML + "[host.\"http://mirror.example.com\"]\n"),
                d -> write(d, "hosts.toml", HOSTS_TOML + "[host.\"https://mirror.example.com\"]\n"))),
                FindingCode.HOSTS_TOML_PRESENT),
            new Case(FindingCode.HOST_DIR_SHADOWED, Client.CONTAINERD, DIR, DIR, d -> {
                Fixtures.healthy(d);
                Files.createDirectories(d.resolveSibling("reg.example.com_5000_"));
            }, Fixtures::healthy, Set.of()));
    }

    /** Validity, strength and order of the certificates. */
    private static Stream<Case> validityAndStrength() {
        String caPem = SERVER_CA.certPem();
        return Stream.of(
            c(FindingCode.EXPIRED, d -> TestPki.pair(d, "client", issued("CN=client").expired()),
                d -> TestPki.pair(d, "client", issued("CN=client"))),
            c(FindingCode.NOT_YET_VALID, d -> TestPki.pair(d, "client", issued("CN=client")
                    .validity(Instant.now().plus(Duration.ofDays(3)), Instant.now().plus(Duration.ofDays(300))))),
            c(FindingCode.EXPIRING_SOON, d -> TestPki.pair(d, "client", issued("CN=client")
                    .validity(Instant.now().minus(Duration.ofDays(300)), Instant.now().plus(Duration.ofDays(10))))),
            c(FindingCode.CLIENT_CERT_NO_CLIENT_AUTH, d -> TestPki.pair(d, "client",
                    issued("CN=client").eku(KeyPurposeId.id_kp_codeSigning))),
            c(FindingCode.SERVER_CERT_AS_CLIENT, d -> TestPki.pair(d, "client", issued("CN=reg.example.com")
                    .serverAuth().dns("reg.example.com"))),
            c(FindingCode.WEAK_KEY, d -> TestPki.pair(d, "client", issued("CN=client").keys(TestPki.rsa(1024, 0)))),
            c(FindingCode.SHA1_SIGNATURE, d -> TestPki.pair(d, "client", issued("CN=client").signature("SHA1withRSA"))),
            c(FindingCode.KEY_READABLE_BY_OTHERS, d -> Files.setPosixFilePermissions(d.resolve("client.key"),
                    PosixFilePermissions.fromString("rw-r--r--"))),
            c(FindingCode.DUPLICATE_CERTIFICATE, d -> write(d, "copy.crt", caPem)),
            tolerating(c(FindingCode.EXPIRED_PAIR_SENT_FIRST, d -> TestPki.pair(d, "a-old", issued("CN=old").expired()),
                d -> TestPki.pair(d, "a-old", issued("CN=old"))), FindingCode.EXPIRED));
    }

    /** The host directory's name and entry, and what the file system holds. */
    private static Stream<Case> hostDirectoriesAndFileSystem() {
        return Stream.of(
            dirName(FindingCode.DEFAULT_PORT_IN_DIR_NAME, "reg.example.com:443", "reg.example.com"),
            dirName(FindingCode.INVALID_HOST_DIR_NAME, "reg example!", "reg.example.com"),
            dirName(FindingCode.INSECURE_REGISTRY_CERTSD_IGNORED, "127.0.0.1:5000", "10.0.0.5:5000"),
            dirName(FindingCode.DOCKER_HUB_CERTSD_IGNORED, "docker.io", "registry-1.docker.io"),
            new Case(FindingCode.EMPTY_HOST_DIR, Client.DOCKER, DIR, DIR, d -> Files.createDirectories(d),
                    Fixtures::healthy, Set.of()),
            // the host directory's own entry in the root, as the clients look it up (they follow links)
            new Case(FindingCode.HOST_DIR_NOT_A_DIRECTORY, Client.CONTAINERS, DIR, DIR,
                    d -> write(d.getParent(), DIR, SERVER_CA.certPem()), Fixtures::healthy, Set.of()),
            new Case(FindingCode.HOST_DIR_DANGLING_LINK, Client.DOCKER, DIR, DIR,
                    d -> Files.createSymbolicLink(d, d.resolveSibling("gone")), Fixtures::healthy, Set.of()),
            new Case(FindingCode.HOST_DIR_LINK_LOOP, Client.DOCKER, DIR, DIR,
                    d -> Files.createSymbolicLink(d, d.getFileName()), Fixtures::healthy, Set.of()),
            new Case(FindingCode.HOST_DIR_SYMLINK, Client.DOCKER, DIR, DIR, d -> {
                Fixtures.healthy(d.resolveSibling("real"));
                Files.createSymbolicLink(d, d.resolveSibling("real"));
            }, Fixtures::healthy, Set.of()),
            c(FindingCode.BROKEN_SYMLINK, d -> Files.createSymbolicLink(d.resolve("extra.crt"), d.resolve("gone.pem"))),
            c(FindingCode.SYMLINK_LOOP, d -> Files.createSymbolicLink(d.resolve("loop.crt"), d.resolve("loop.crt"))),
            c(FindingCode.SPECIAL_FILE, d -> run("mkfifo", d.resolve("fifo.crt").toString())),
            c(FindingCode.DIRECTORY_WITH_ROLE_NAME, d -> Files.createDirectories(d.resolve("sub.crt"))),
            c(FindingCode.HUGE_FILE, d -> write(d, "big.crt", new byte[(int) ScanOptions.DEFAULT_MAX_FILE_BYTES + 1])));
    }

    /** Content: one kind of bad input each. */
    private static Stream<Case> content() {
        String caPem = SERVER_CA.certPem();
        return Stream.of(
            c(FindingCode.EMPTY_FILE, d -> write(d, "extra.crt", "")),
            c(FindingCode.UTF16_ENCODED, d -> write(d, "extra.crt", ("\uFEFF" + caPem).getBytes(StandardCharsets.UTF_16LE))),
            c(FindingCode.UTF8_BOM, d -> write(d, "extra.crt", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                    caPem.getBytes(StandardCharsets.US_ASCII)))),
            c(FindingCode.HTML_PAGE, d -> write(d, "extra.crt", "<!DOCTYPE html><html><body>404</body></html>")),
            c(FindingCode.TEXT_NOT_PEM, d -> write(d, "extra.crt", "paste the certificate here\n")),
            c(FindingCode.BINARY_JUNK, d -> write(d, "extra.crt", new byte[] {0, 1, 2, 3, (byte) 0xFF, 0x7F, 0, 9})),
            c(FindingCode.PEM_TRUNCATED, d -> write(d, "extra.crt", caPem.substring(0, caPem.length() / 2))),
            c(FindingCode.PEM_BAD_BASE64, d -> write(d, "extra.crt", caPem.replaceFirst("\n([A-Za-z0-9+/]{10})", "\n!!$1"))),
            c(FindingCode.PEM_END_MISMATCH, d -> write(d, "extra.crt", caPem.replace("END CERTIFICATE", "END X509 CRL"))),
            c(FindingCode.PEM_UNKNOWN_BLOCK, d -> write(d, "ca.crt", caPem + block("FOO BAR", new byte[] {1, 2, 3}))),
            c(FindingCode.PEM_HEADERS_ON_CERTIFICATE, d -> write(d, "extra.crt",
                    caPem.replace("-----BEGIN CERTIFICATE-----\n", "-----BEGIN CERTIFICATE-----\nComment: x\n\n"))),
            c(FindingCode.MALFORMED_CERTIFICATE, d -> write(d, "extra.crt", block("CERTIFICATE", new byte[] {0x30, 3, 1, 1, 1}))),
            c(FindingCode.MALFORMED_KEY, d -> write(d, "client.key", block("PRIVATE KEY", new byte[] {0x30, 3, 2, 1, 0}))),
            c(FindingCode.ENCRYPTED_KEY, d -> write(d, "client.key", TestPki.encryptedPkcs8Pem(CLIENT.keys().getPrivate(), "pw"))),
            c(FindingCode.TRUSTED_CERTIFICATE_BLOCK, d -> write(d, "extra.crt", block("TRUSTED CERTIFICATE",
                    TestPki.der(SERVER_CA.cert())))),
            c(FindingCode.PKCS7_PEM, d -> write(d, "extra.crt", TestPki.pkcs7Pem(SERVER_CA.cert()))),
            c(FindingCode.CERTIFICATE_REQUEST, d -> {
                write(d, "client.cert", TestPki.csrPem("CN=client", CLIENT.keys()));
            }),
            c(FindingCode.CRL, d -> write(d, "ca.crt", caPem + block("X509 CRL", new byte[] {0x30, 0}))),
            c(FindingCode.PUBLIC_KEY_ONLY, d -> write(d, "client.key", TestPki.pem(CLIENT.keys().getPublic()))),
            c(FindingCode.OPENSSH_KEY, d -> write(d, "client.key", block("OPENSSH PRIVATE KEY",
                    "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII)))),
            c(FindingCode.PUTTY_KEY, d -> write(d, "client.key", "PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\n")),
            c(FindingCode.DSA_KEY, d -> write(d, "client.key", TestPki.pkcs8Pem(TestPki.dsa().getPrivate()))),
            c(FindingCode.UNSUPPORTED_KEY_ALGORITHM, d -> write(d, "client.key",
                    TestPki.pkcs8Pem(KeyPairGenerator.getInstance("X25519").generateKeyPair().getPrivate()))),
            c(FindingCode.DER_CERTIFICATE, d -> write(d, "client.cert", TestPki.der(CLIENT.cert()))),
            c(FindingCode.DER_KEY, d -> write(d, "client.key", CLIENT.keys().getPrivate().getEncoded())),
            c(FindingCode.PKCS7_DER, d -> write(d, "extra.crt", TestPki.pkcs7Der(SERVER_CA.cert()))),
            c(FindingCode.PKCS12_FILE, d -> write(d, "extra.crt", TestPki.pkcs12(CLIENT, ""))),
            c(FindingCode.PKCS12_PASSWORD_PROTECTED, d -> write(d, "extra.crt", TestPki.pkcs12(CLIENT, "secret"))),
            c(FindingCode.JAVA_KEYSTORE, d -> write(d, "extra.crt", jks())),
            c(FindingCode.BASE64_WITHOUT_HEADERS, d -> write(d, "extra.crt",
                    Base64.getMimeEncoder().encodeToString(TestPki.der(SERVER_CA.cert())))),
            c(FindingCode.UNKNOWN_DER, d -> write(d, "extra.crt", unknownDer())));
    }

    private static final String HOSTS_TOML = "server = \"https://reg.example.com:5000\"\nca = \"ca.crt\"\n"
            + "client = [[\"client.cert\", \"client.key\"]]\n";

    private static TestPki.Spec issued(String subject) {
        return TestPki.cert(subject).keys(TestPki.rsa(7)).issuer(CLIENT_CA).clientAuth();
    }

    static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] jks() throws Exception {
        KeyStore ks = KeyStore.getInstance("JKS");
        ks.load(null, null);
        ks.setCertificateEntry("ca", SERVER_CA.cert());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ks.store(out, "changeit".toCharArray());
        return out.toByteArray();
    }

    private static byte[] unknownDer() throws IOException {
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new ASN1Integer(5));
        v.add(new DERUTF8String("not a certificate"));
        return new DERSequence(v).getEncoded();
    }

    static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(List.of(command))).inheritIO().start();
        assertEquals(0, p.waitFor(), String.join(" ", command));
    }
}
