package dev.certsd.diagnose;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_16LE;

import dev.certsd.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * The bad-input corpus: malformed and hostile files, each written with a role-giving name (and a good companion
 * file where the role needs one) into a host directory.
 */
final class BadInputCorpus {
    private static final TestPki.Issued CA = TestPki.cert("CN=Corpus CA").ca().build();
    private static final TestPki.Issued CLIENT = TestPki.cert("CN=corpus client").keys(TestPki.rsa(1)).issuer(CA)
            .clientAuth().build();

    private BadInputCorpus() {
    }

    /** Writes the hostile entry (and any good companion file) into a host directory. */
    @FunctionalInterface
    interface Writer {
        void write(Path dir) throws Exception;
    }

    /**
     * One corpus entry. Variants of one kind (a FIFO and a device are both "special file") share a code; kinds
     * never do.
     */
    record Case(String kind, String variant, String file, FindingCode expected, Writer writer) {
        @Override
        public String toString() {
            return variant.isEmpty() ? kind + " (" + file + ")" : kind + ": " + variant + " (" + file + ")";
        }
    }

    private static final List<Case> CORPUS = build();

    static List<Case> all() {
        return CORPUS;
    }

    private static List<Case> build() {
        try {
            return cases();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Case> cases() throws Exception {
        List<Case> all = new ArrayList<>(pemAndText());
        all.addAll(otherFormats());
        all.addAll(keysAndEntries());
        return List.copyOf(all);
    }

    /** PEM gone wrong, text that is no PEM, junk and sizes. */
    private static List<Case> pemAndText() throws Exception {
        String caPem = CA.certPem();
        String body = caPem.substring(caPem.indexOf('\n') + 1, caPem.indexOf("-----END"));
        return List.of(
                ca("empty", "zero bytes", FindingCode.EMPTY_FILE, new byte[0]),
                ca("empty", "whitespace only", FindingCode.EMPTY_FILE, " \n\t\r\n  \n".getBytes(US_ASCII)),
                ca("truncated PEM", "cut in the middle", FindingCode.PEM_TRUNCATED,
                        caPem.substring(0, caPem.length() / 2)),
                ca("truncated PEM", "4 MiB of BEGIN lines", FindingCode.PEM_TRUNCATED, "-----BEGIN CERTIFICATE-----\n"
                        .repeat((int) (ScanOptions.DEFAULT_MAX_FILE_BYTES / 28) - 1)),
                ca("bad Base64 in body", "", FindingCode.PEM_BAD_BASE64,
                        caPem.replace(body.substring(70, 78), "*!?$%&~#")),
                ca("END line of another type", "", FindingCode.PEM_END_MISMATCH,
                        caPem.replace("END CERTIFICATE", "END PRIVATE KEY")),
                ca("unknown PEM block type", "", FindingCode.PEM_UNKNOWN_BLOCK,
                        pem("DH PARAMETERS", random(1, 140))),
                ca("CERTIFICATE block with garbage DER", "short", FindingCode.MALFORMED_CERTIFICATE,
                        pem("CERTIFICATE", new byte[] {0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x02})),
                cert("CERTIFICATE block with garbage DER", "nested 200,000 deep", FindingCode.MALFORMED_CERTIFICATE,
                        pem("CERTIFICATE", nested(200_000)).getBytes(US_ASCII)),
                ca("CERTIFICATE block with headers", "", FindingCode.PEM_HEADERS_ON_CERTIFICATE,
                        caPem.replace("-----BEGIN CERTIFICATE-----\n",
                                "-----BEGIN CERTIFICATE-----\nComment: exported by a tool\n\n")),
                ca("UTF-16 encoded PEM", "", FindingCode.UTF16_ENCODED, concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                        caPem.replace("\n", "\r\n").getBytes(UTF_16LE))),
                ca("UTF-8 BOM before the PEM", "", FindingCode.UTF8_BOM,
                        concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, caPem.getBytes(US_ASCII))),
                ca("HTML error page", "", FindingCode.HTML_PAGE, "<!DOCTYPE html>\n<html><head><title>404 Not Found"
                        + "</title></head><body><h1>Not Found</h1></body></html>\n"),
                ca("plain text", "", FindingCode.TEXT_NOT_PEM, "Hi, the certificate is attached to this mail.\n"),
                ca("binary junk", "", FindingCode.BINARY_JUNK, concat("\u0089PNG\r\n\u001a\n".getBytes(ISO_8859_1),
                        random(2, 4096))),
                ca("huge file", "", FindingCode.HUGE_FILE,
                        caPem.repeat((int) (ScanOptions.DEFAULT_MAX_FILE_BYTES / caPem.length()) + 2)));
    }

    /** Other encodings and kinds of file than the client reads. */
    private static List<Case> otherFormats() throws Exception {
        String caPem = CA.certPem();
        byte[] caDer = TestPki.der(CA.cert());
        String body = caPem.substring(caPem.indexOf('\n') + 1, caPem.indexOf("-----END"));
        return List.of(
                ca("DER certificate in .crt", "", FindingCode.CRT_NOT_PEM, caDer),
                cert("DER certificate in .cert", FindingCode.DER_CERTIFICATE, TestPki.der(CLIENT.cert())),
                key("DER key in .key", FindingCode.DER_KEY, CLIENT.keys().getPrivate().getEncoded()),
                ca("PKCS#7 DER", "", FindingCode.PKCS7_DER, TestPki.pkcs7Der(CA.cert())),
                ca("PKCS#7 PEM", "", FindingCode.PKCS7_PEM, TestPki.pkcs7Pem(CA.cert())),
                ca("PKCS#12 without password", "", FindingCode.PKCS12_FILE, TestPki.pkcs12(CLIENT, "")),
                ca("PKCS#12 with password", "", FindingCode.PKCS12_PASSWORD_PROTECTED,
                        TestPki.pkcs12(CLIENT, "s3cret")),
                ca("Java keystore", "", FindingCode.JAVA_KEYSTORE, jks(CA.cert())),
                ca("Base64 without headers", "certificate", FindingCode.BASE64_WITHOUT_HEADERS, body),
                cert("Base64 without headers", "client certificate", FindingCode.BASE64_WITHOUT_HEADERS,
                        Base64.getMimeEncoder().encode(TestPki.der(CLIENT.cert()))),
                cert("CSR saved as .cert", FindingCode.CERTIFICATE_REQUEST,
                        TestPki.csrPem("CN=corpus client", CLIENT.keys()).getBytes(US_ASCII)),
                ca("CRL", "", FindingCode.CRL, pem("X509 CRL", crl())),
                ca("public key only", "", FindingCode.PUBLIC_KEY_ONLY, TestPki.pem(CA.keys().getPublic())));
    }

    /** Keys the client cannot use, swapped files, and directory entries that are no file. */
    private static List<Case> keysAndEntries() throws Exception {
        byte[] caDer = TestPki.der(CA.cert());
        return List.of(
                key("OpenSSH private key", FindingCode.OPENSSH_KEY,
                        pem("OPENSSH PRIVATE KEY", concat("openssh-key-v1\0".getBytes(US_ASCII), random(3, 400)))
                                .getBytes(US_ASCII)),
                key("PuTTY key file", FindingCode.PUTTY_KEY, putty().getBytes(US_ASCII)),
                key("DSA key", FindingCode.DSA_KEY, TestPki.pkcs8Pem(TestPki.dsa().getPrivate()).getBytes(US_ASCII)),
                key("unsupported key algorithm (X25519)", FindingCode.UNSUPPORTED_KEY_ALGORITHM,
                        TestPki.pkcs8Pem(x25519()).getBytes(US_ASCII)),
                key("encrypted key", "PKCS#8", FindingCode.ENCRYPTED_KEY,
                        TestPki.encryptedPkcs8Pem(CLIENT.keys().getPrivate(), "pw").getBytes(US_ASCII)),
                key("encrypted key", "legacy Proc-Type", FindingCode.ENCRYPTED_KEY,
                        TestPki.legacyEncryptedPem(CLIENT.keys().getPrivate(), "pw").getBytes(US_ASCII)),
                key("private key block with garbage DER", "short", FindingCode.MALFORMED_KEY,
                        pem("RSA PRIVATE KEY", new byte[] {0x30, 0x03, 0x02, 0x01, 0x00}).getBytes(US_ASCII)),
                key("private key block with garbage DER", "nested 200,000 deep", FindingCode.MALFORMED_KEY,
                        pem("PRIVATE KEY", nested(200_000)).getBytes(US_ASCII)),
                ca("OpenSSL TRUSTED CERTIFICATE", "", FindingCode.TRUSTED_CERTIFICATE_BLOCK,
                        pem("TRUSTED CERTIFICATE", concat(caDer, new byte[] {0x30, 0x00}))),
                ca("private key saved as .crt", "", FindingCode.CRT_HOLDS_PRIVATE_KEY, CLIENT.keyPem()),
                new Case("key and certificate swapped", "", "client.cert", FindingCode.PEM_INPUTS_SWITCHED, dir -> {
                    TestPki.write(dir, "client.cert", CLIENT.keyPem());
                    TestPki.write(dir, "client.key", CLIENT.certPem());
                }),
                ca("unknown DER structure", "", FindingCode.UNKNOWN_DER,
                        new byte[] {0x30, 0x08, 0x02, 0x01, 0x07, 0x0C, 0x03, 'a', 'b', 'c'}),
                entry("symlink loop", "", FindingCode.SYMLINK_LOOP,
                        dir -> Files.createSymbolicLink(dir.resolve("ca.crt"), Path.of("ca.crt"))),
                entry("broken symlink", "", FindingCode.BROKEN_SYMLINK,
                        dir -> Files.createSymbolicLink(dir.resolve("ca.crt"), Path.of("gone.pem"))),
                entry("special file", "FIFO", FindingCode.SPECIAL_FILE, dir -> mkfifo(dir.resolve("ca.crt"))),
                entry("special file", "symlink to /dev/zero", FindingCode.SPECIAL_FILE,
                        dir -> Files.createSymbolicLink(dir.resolve("ca.crt"), Path.of("/dev/zero"))),
                new Case("directory with a role name", "", "x.crt", FindingCode.DIRECTORY_WITH_ROLE_NAME,
                        dir -> Files.createDirectory(dir.resolve("x.crt"))));
    }

    private static Case ca(String kind, String variant, FindingCode code, String text) {
        return ca(kind, variant, code, text.getBytes(US_ASCII));
    }

    private static Case ca(String kind, String variant, FindingCode code, byte[] bytes) {
        return new Case(kind, variant, "ca.crt", code, dir -> TestPki.write(dir, "ca.crt", bytes));
    }

    /** A hostile client certificate next to a good key. */
    private static Case cert(String kind, FindingCode code, byte[] bytes) {
        return cert(kind, "", code, bytes);
    }

    private static Case cert(String kind, String variant, FindingCode code, byte[] bytes) {
        return new Case(kind, variant, "client.cert", code, dir -> {
            TestPki.write(dir, "client.cert", bytes);
            TestPki.write(dir, "client.key", CLIENT.keyPem());
        });
    }

    /** A hostile key next to a good client certificate. */
    private static Case key(String kind, FindingCode code, byte[] bytes) {
        return key(kind, "", code, bytes);
    }

    private static Case key(String kind, String variant, FindingCode code, byte[] bytes) {
        return new Case(kind, variant, "client.key", code, dir -> {
            TestPki.write(dir, "client.cert", CLIENT.certPem());
            TestPki.write(dir, "client.key", bytes);
        });
    }

    private static Case entry(String kind, String variant, FindingCode code, Writer writer) {
        return new Case(kind, variant, "ca.crt", code, writer);
    }

    private static String pem(String type, byte[] der) {
        return TestPki.pem(new PemObject(type, der));
    }

    private static byte[] random(long seed, int n) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** SEQUENCEs of indefinite length inside each other: parsers that recurse run out of stack. */
    private static byte[] nested(int depth) {
        byte[] b = new byte[depth * 4];
        for (int i = 0; i < depth; i++) {
            b[2 * i] = 0x30;
            b[2 * i + 1] = (byte) 0x80;
        }
        return b;
    }

    private static byte[] jks(X509Certificate cert) throws Exception {
        KeyStore ks = KeyStore.getInstance("JKS");
        ks.load(null, null);
        ks.setCertificateEntry("ca", cert);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ks.store(out, "changeit".toCharArray());
        return out.toByteArray();
    }

    private static byte[] crl() throws Exception {
        X509v2CRLBuilder b = new X509v2CRLBuilder(new X500Name("CN=Corpus CA"), new Date());
        b.setNextUpdate(Date.from(Instant.now().plus(Duration.ofDays(7))));
        return b.build(new JcaContentSignerBuilder("SHA256withRSA").build(CA.keys().getPrivate())).getEncoded();
    }

    private static PrivateKey x25519() throws Exception {
        return KeyPairGenerator.getInstance("X25519").generateKeyPair().getPrivate();
    }

    private static String putty() {
        String pub = Base64.getEncoder().encodeToString(random(4, 96));
        String priv = Base64.getEncoder().encodeToString(random(5, 48));
        return "PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\nComment: rsa-key-20240101\nPublic-Lines: 2\n"
                + pub.substring(0, 64) + "\n" + pub.substring(64) + "\nPrivate-Lines: 1\n" + priv
                + "\nPrivate-MAC: 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n";
    }

    private static void mkfifo(Path path) throws Exception {
        Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("mkfifo " + path + " failed");
        }
    }
}
