package dev.certsd.probe;

import static dev.certsd.testing.Fixtures.CLIENT;
import static dev.certsd.testing.Fixtures.CLIENT_CA;
import static dev.certsd.testing.Fixtures.SERVER_CA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.certsd.cli.CertsdCommand;
import dev.certsd.testing.TestPki;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code test} command: its JSON document, its text and its exit codes. */
class TestCommandTest {
    @TempDir
    Path root;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CertsdCommand.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonShowsEachAttemptTheDocsAnswerAndWhatGoSends() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.REGISTRY, RegistryProbeTest.SERVER, CLIENT_CA)) {
            String dir = "127.0.0.1:" + s.port();
            Path d = root.resolve(dir);
            TestPki.write(d, "ca.crt", SERVER_CA.certPem());
            TestPki.pair(d, "a-expired", RegistryProbeTest.EXPIRED);
            TestPki.pair(d, "b-good", CLIENT);
            int code = run("test", "--root", root.toString(), "--client", "containers", "--json", "--timeout", "5", dir);
            Map<String, Object> doc = JSON.std.mapFrom(out.toString());
            assertEquals(1, code, err.toString());
            assertEquals(dir, doc.get("dir"));
            assertEquals("https://" + dir + "/v2/", doc.get("endpoint"));
            List<Map<String, Object>> attempts = (List<Map<String, Object>>) doc.get("attempts");
            assertEquals(3, attempts.size());
            assertNull(attempts.get(0).get("pair"));
            assertEquals("rejected-at-tls", attempts.get(0).get("outcome"));
            assertEquals("a-expired.cert", attempts.get(1).get("pair"));
            assertEquals("rejected-at-tls", attempts.get(1).get("outcome"));
            assertEquals("expired", attempts.get(1).get("rejection"), "the engine knows why from the pair sent");
            assertNull(attempts.get(2).get("rejection"));
            assertEquals("accepted", attempts.get(2).get("outcome"));
            assertEquals(200, ((Number) attempts.get(2).get("httpStatus")).intValue());
            assertTrue(((String) attempts.get(2).get("explanation")).contains("HTTP 200"));
            assertEquals(List.of("CN=Client CA,O=Certs.d Test"), doc.get("acceptableIssuers"));
            assertEquals("b-good.cert", doc.get("firstAccepted"));
            assertEquals("a-expired.cert", doc.get("goSends"));
            Map<String, Object> prediction = (Map<String, Object>) doc.get("prediction");
            assertEquals("containers", prediction.get("client"));
            assertEquals("failure", prediction.get("outcome"));
            assertEquals(true, doc.get("docsAndGoDiffer"));
        }
    }

    @Test
    void textNamesBothAnswersAndSaysWhenTheyDiffer() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.REGISTRY, RegistryProbeTest.SERVER, CLIENT_CA)) {
            String dir = "127.0.0.1:" + s.port();
            Path d = root.resolve(dir);
            TestPki.write(d, "ca.crt", SERVER_CA.certPem());
            TestPki.pair(d, "a-expired", RegistryProbeTest.EXPIRED);
            TestPki.pair(d, "b-good", CLIENT);
            assertEquals(1, run("test", "--root", root.toString(), "--client", "containers", dir));
            String text = out.toString();
            assertTrue(text.contains("first success: b-good.cert"), text);
            assertTrue(text.contains("podman/skopeo sends a-expired.cert -> rejected-at-tls"), text);
            assertTrue(text.contains("The two answers differ"), text);
            assertTrue(text.contains("    $ openssl s_client -connect '127.0.0.1:" + s.port() + "'"), text);
            assertTrue(text.contains("Most likely because it has expired."), text);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aServerTheClientDoesNotTrustGetsNoCertificateAndBothFacesSaySo() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.REGISTRY, RegistryProbeTest.SERVER, CLIENT_CA)) {
            String dir = "127.0.0.1:" + s.port();
            Path d = root.resolve(dir);
            TestPki.write(d, "ca.crt", RegistryProbeTest.OTHER_CA.certPem()); // not the CA of the server's certificate
            TestPki.pair(d, "client", CLIENT);
            assertEquals(1, run("test", "--root", root.toString(), "--client", "containers", dir));
            String text = out.toString();
            assertTrue(text.contains("x509: certificate signed by unknown authority. It ends the handshake there, so no"
                    + " client certificate was sent."), text);
            assertTrue(text.contains("podman/skopeo sends no client certificate (it does not trust the server's "
                    + "certificate, and it checks that before it sends one of its own) -> server-not-trusted."), text);

            out.getBuffer().setLength(0);
            assertEquals(1, run("test", "--root", root.toString(), "--client", "containers", "--json", dir));
            Map<String, Object> doc = JSON.std.mapFrom(out.toString());
            assertNull(doc.get("goSends"));
            assertEquals("SERVER_NOT_VERIFIED", doc.get("goReason"));
            for (Map<String, Object> a : (List<Map<String, Object>>) doc.get("attempts")) {
                assertEquals("server-not-trusted", a.get("outcome"));
                assertNull(a.get("sentCertificate"));
            }
            assertEquals(List.of(), s.certificatesReceived());
        }
    }

    @Test
    void dockersInsecurePathSaysCertsdIsNotReadNotGosChoice() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.REGISTRY, RegistryProbeTest.SERVER, CLIENT_CA)) {
            String dir = "127.0.0.1:" + s.port();
            Path d = root.resolve(dir);
            TestPki.write(d, "ca.crt", SERVER_CA.certPem());
            TestPki.pair(d, "b-good", CLIENT);
            String[] args = {"test", "--root", root.toString(), "--client", "docker", "--daemon-json",
                root.resolve("none.json").toString(), "--timeout", "5", dir};
            assertEquals(1, run(args), err.toString());
            String text = out.toString();
            assertTrue(text.contains("What Docker really does: "), text);
            assertTrue(text.contains("never reads certs.d"), text);
            assertTrue(!text.contains("since Docker 1.4"), text); // Go's choice is not why Docker sends nothing

            out.getBuffer().setLength(0);
            String[] json = java.util.Arrays.copyOf(args, args.length + 1);
            json[args.length] = "--json";
            assertEquals(1, run(json), err.toString());
            Map<String, Object> path = (Map<String, Object>) JSON.std.mapFrom(out.toString()).get("clientPath");
            assertTrue(List.of("INSECURE_HTTPS", "PLAIN_HTTP").contains(path.get("path")), path.toString());
            assertNull(path.get("sends"));
            assertNull(path.get("goReason"));
            assertTrue(((String) path.get("text")).contains("never reads certs.d"), path.toString());
        }
    }

    @Test
    void theClientPathIsTheAttemptGoMakes() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.REGISTRY, RegistryProbeTest.SERVER, CLIENT_CA)) {
            String dir = "127.0.0.1:" + s.port();
            TestPki.write(root.resolve(dir), "ca.crt", SERVER_CA.certPem());
            TestPki.pair(root.resolve(dir), "client", CLIENT);
            assertEquals(0, run("test", "--root", root.toString(), "--client", "containers", dir));
            assertTrue(out.toString().contains("What podman/skopeo really does: "), out.toString());
            assertTrue(out.toString().contains("its issuer is in the server's CA list"), out.toString());
        }
    }

    @Test
    void successExitsZero() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.REGISTRY, RegistryProbeTest.SERVER, CLIENT_CA)) {
            String dir = "127.0.0.1:" + s.port();
            TestPki.write(root.resolve(dir), "ca.crt", SERVER_CA.certPem());
            TestPki.pair(root.resolve(dir), "client", CLIENT);
            assertEquals(0, run("test", "--root", root.toString(), "--client", "containers", "--json", dir));
        }
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("test", "--root", root.toString()));
        assertEquals(2, run("test", "--root", root.toString(), "no-such-dir:5000"));
        assertEquals(2, run("test", "--root", root.toString(), "--timeout", "0", "x"));
        assertTrue(err.toString().contains(java.util.ResourceBundle.getBundle("dev.certsd.cli.cli")
                .getString("error.timeout")), err.toString());
    }
}
