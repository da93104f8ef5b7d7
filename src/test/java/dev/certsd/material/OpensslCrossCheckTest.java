package dev.certsd.material;

import static dev.certsd.testing.Fixtures.CLIENT;
import static dev.certsd.testing.Fixtures.CLIENT_CA;
import static dev.certsd.testing.Fixtures.SERVER_CA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.diagnose.FindingCode;
import dev.certsd.diagnose.HostReport;
import dev.certsd.testing.ExternalTools;
import dev.certsd.testing.Fixtures;
import dev.certsd.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixtures and the engine's reading of them, held against the openssl command. */
class OpensslCrossCheckTest {
    private static Path openssl;

    @TempDir
    Path dir;

    @BeforeAll
    static void needsOpenssl() {
        openssl = ExternalTools.require("openssl", "openssl");
    }

    private ExternalTools.Result openssl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(openssl.toString());
        cmd.addAll(List.of(args));
        return ExternalTools.run(cmd, dir);
    }

    @Test
    void certificateFactsMatchOpenssl() throws Exception {
        TestPki.Issued server = TestPki.cert("CN=reg.example.com,O=Certs.d Test").keys(TestPki.ec(2)).issuer(SERVER_CA)
                .serverAuth().dns("reg.example.com").ip("127.0.0.1").build();
        for (TestPki.Issued i : List.of(SERVER_CA, CLIENT, server)) {
            Path f = TestPki.write(dir, "c.pem", i.certPem());
            CertInfo info = ContentReader.read(Files.readAllBytes(f)).certificates().get(0);
            String fp = openssl("x509", "-in", f.toString(), "-noout", "-fingerprint", "-sha256").stdout().trim();
            assertEquals(fp.substring(fp.indexOf('=') + 1), info.sha256());
            String sha1 = openssl("x509", "-in", f.toString(), "-noout", "-fingerprint", "-sha1").stdout().trim();
            assertEquals(sha1.substring(sha1.indexOf('=') + 1), info.sha1());
            String end = openssl("x509", "-in", f.toString(), "-noout", "-enddate").stdout().trim();
            String expected = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss yyyy 'GMT'", Locale.ROOT)
                    .withZone(ZoneOffset.UTC).format(info.notAfter());
            assertEquals("notAfter=" + expected, end);
            String serial = openssl("x509", "-in", f.toString(), "-noout", "-serial").stdout().trim();
            assertEquals(serial.substring(7).toLowerCase(Locale.ROOT).replaceFirst("^0+", ""), info.serialHex());
            String text = openssl("x509", "-in", f.toString(), "-noout", "-text").stdout();
            assertEquals(text.contains("CA:TRUE"), info.isCa());
            assertEquals(text.contains("TLS Web Client Authentication"), info.hasEku() && info.allowsClientAuth());
        }
        String text = openssl("x509", "-in", TestPki.write(dir, "s.pem", server.certPem()).toString(), "-noout", "-ext",
                "subjectAltName").stdout();
        CertInfo info = ContentReader.read(server.certPem().getBytes(StandardCharsets.US_ASCII)).certificates().get(0);
        assertTrue(text.contains("DNS:reg.example.com") && text.contains("IP Address:127.0.0.1"), text);
        assertEquals(List.of("DNS:reg.example.com", "IP:127.0.0.1"), info.subjectAltNames());
    }

    @Test
    void chainVerdictsMatchOpensslVerify() throws Exception {
        Path ca = TestPki.write(dir, "ca.pem", CLIENT_CA.certPem());
        Path good = TestPki.write(dir, "good.pem", CLIENT.certPem());
        TestPki.Issued rogueCa = TestPki.cert("O=Certs.d Test,CN=Client CA").keys(TestPki.rsa(8)).ca().build();
        TestPki.Issued rogue = TestPki.cert("CN=rogue").keys(TestPki.rsa(9)).issuer(rogueCa).clientAuth().build();
        Path bad = TestPki.write(dir, "rogue.pem", rogue.certPem());
        assertEquals(0, openssl("verify", "-CAfile", ca.toString(), good.toString()).exitCode());
        assertNotEquals(0, openssl("verify", "-CAfile", ca.toString(), bad.toString()).exitCode());
        assertTrue(CertParser.verifies(CLIENT.cert(), CLIENT_CA.cert().getPublicKey()));
        assertFalse(CertParser.verifies(rogue.cert(), CLIENT_CA.cert().getPublicKey()),
                "same issuer name, other key: the signature does not verify");
    }

    @Test
    void keyMatchingAgreesWithOpensslPublicKeys() throws Exception {
        Path cert = TestPki.write(dir, "client.cert", CLIENT.certPem());
        for (String keyPem : List.of(CLIENT.keyPem(), TestPki.traditionalPem(CLIENT.keys().getPrivate()),
                TestPki.pkcs8Pem(TestPki.rsa(4).getPrivate()))) {
            Path key = TestPki.write(dir, "client.key", keyPem);
            String fromCert = openssl("x509", "-in", cert.toString(), "-noout", "-pubkey").stdout();
            String fromKey = openssl("pkey", "-in", key.toString(), "-pubout").stdout();
            HostReport r = Fixtures.scan(dir);
            boolean engineSaysMatch = r.findings().stream().noneMatch(f -> f.code() == FindingCode.KEY_MISMATCH);
            assertEquals(fromCert.equals(fromKey), engineSaysMatch);
            assertEquals(0, openssl("rsa", "-in", key.toString(), "-check", "-noout").exitCode());
        }
    }

    @Test
    void encryptedKeysNeedAPassphraseInOpensslToo() throws Exception {
        Path key = TestPki.write(dir, "client.key", TestPki.encryptedPkcs8Pem(CLIENT.keys().getPrivate(), "secret"));
        assertNotEquals(0, openssl("pkey", "-in", key.toString(), "-passin", "pass:", "-noout").exitCode());
        assertEquals(0, openssl("pkey", "-in", key.toString(), "-passin", "pass:secret", "-noout").exitCode());
        Content c = ContentReader.read(Files.readAllBytes(key));
        assertTrue(c.has(ContentIssue.ENCRYPTED_KEY));
    }

    @Test
    void opensslMadeFilesAreReadLikeOurs() throws Exception {
        assertEquals(0, openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "client.key", "-out",
                "client.cert", "-subj", "/CN=seed recipe", "-days", "365").exitCode());
        assertEquals(0, openssl("ecparam", "-name", "prime256v1", "-genkey", "-out", "ec.key").exitCode());
        assertEquals(0, openssl("req", "-x509", "-key", "ec.key", "-out", "ec.cert", "-subj", "/CN=ec", "-days", "30")
                .exitCode());
        assertEquals(0, openssl("x509", "-in", "client.cert", "-outform", "der", "-out", "der.crt").exitCode());
        HostReport r = Fixtures.scan(dir);
        assertEquals(null, r.configError());
        assertEquals(List.of("client.cert", "ec.cert"), r.load().pairs());
        assertTrue(r.findings().stream().anyMatch(f -> f.code() == FindingCode.CRT_NOT_PEM && "der.crt".equals(f.file())));
    }
}
