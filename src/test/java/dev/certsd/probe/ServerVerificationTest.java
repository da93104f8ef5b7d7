package dev.certsd.probe;

import static dev.certsd.testing.Fixtures.CLIENT;
import static dev.certsd.testing.Fixtures.CLIENT_CA;
import static dev.certsd.testing.Fixtures.SERVER_CA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.diagnose.HostReport;
import dev.certsd.roots.Client;
import dev.certsd.testing.Fixtures;
import dev.certsd.testing.TestPki;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A Go client verifies the server's certificate when the server's Certificate message arrives, before it sends a
 * certificate of its own; so must every attempt that stands for such a client. The servers here record each client
 * certificate that reaches them (even in a handshake that then fails): for a certificate the client rejects, none
 * may arrive, in any attempt, with either TLS version, whether the server requires one or only asks.
 */
class ServerVerificationTest {
    private static final TestPki.Issued OTHER_CA = RegistryProbeTest.OTHER_CA;

    /** The three ways a server certificate fails Go's verification. */
    enum Bad {
        WRONG_NAME(Outcome.NAME_MISMATCH, TestPki.cert("CN=other.test").keys(TestPki.rsa(10)).issuer(SERVER_CA)
                .serverAuth().dns("other.test").build()),
        UNKNOWN_CA(Outcome.SERVER_NOT_TRUSTED, TestPki.cert("CN=registry.test").keys(TestPki.rsa(10)).issuer(OTHER_CA)
                .serverAuth().dns("registry.test").ip("127.0.0.1").build()),
        EXPIRED(Outcome.SERVER_NOT_TRUSTED, TestPki.cert("CN=registry.test").keys(TestPki.rsa(10)).issuer(SERVER_CA)
                .serverAuth().dns("registry.test").ip("127.0.0.1").expired().build());

        final Outcome outcome;
        final TestPki.Issued cert;

        Bad(Outcome outcome, TestPki.Issued cert) {
            this.outcome = outcome;
            this.cert = cert;
        }

        /** The start of Go's error text for host {@code registry.test}. */
        String goError() {
            return switch (this) {
                case WRONG_NAME -> "x509: certificate is valid for other.test, not registry.test";
                case UNKNOWN_CA -> "x509: certificate signed by unknown authority";
                case EXPIRED -> "x509: certificate has expired or is not yet valid: current time ";
            };
        }
    }

    @TempDir
    Path root;

    static Stream<Arguments> everyCase() {
        List<Arguments> all = new ArrayList<>();
        for (Bad bad : Bad.values()) {
            for (String tls : List.of("TLSv1.3", "TLSv1.2")) {
                for (TestTlsServer.Mode mode : List.of(TestTlsServer.Mode.REGISTRY, TestTlsServer.Mode.NGINX)) {
                    all.add(Arguments.of(bad, tls, mode));
                }
            }
        }
        return all.stream();
    }

    private ProbeReport probe(Path dir, Client client) {
        HostReport host = Fixtures.scan(dir, client);
        ProbeOptions options = ProbeOptions.defaults(client).withTimeouts(Timeouts.of(Duration.ofSeconds(5)))
                .withResolve(Map.of("registry.test", InetAddress.getLoopbackAddress()))
                .withEnv(Map.of()).withSystemRoots(List::of);
        return assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> new RegistryProbe(options).run(host, new Cancellation()));
    }

    /** ca.crt (the registry's CA) and two pairs the server would accept or at least look at. */
    private Path hostDir(String name) {
        Path d = root.resolve(name);
        TestPki.write(d, "ca.crt", SERVER_CA.certPem());
        TestPki.pair(d, "a-good", CLIENT);
        TestPki.pair(d, "b-expired", RegistryProbeTest.EXPIRED);
        return d;
    }

    @ParameterizedTest(name = "{0}, {1}, {2}")
    @MethodSource("everyCase")
    void noClientCertificateReachesAServerTheClientRejects(Bad bad, String tls, TestTlsServer.Mode mode)
            throws Exception {
        try (TestTlsServer s = TestTlsServer.start(mode, bad.cert, CLIENT_CA, tls)) {
            ProbeReport r = probe(hostDir("registry.test:" + s.port()), Client.CONTAINERS);

            assertEquals(3, r.attempts().size(), "the baseline and each pair alone");
            ProbeMessages words = new ProbeMessages(Locale.ENGLISH);
            for (Attempt a : r.attempts()) {
                assertEquals(bad.outcome, a.outcome(), a.kind() + " " + a.pair());
                assertTrue(a.verifyError().startsWith(bad.goError()), a.verifyError());
                assertNull(a.sentCertificate(), "nothing sent in " + a.pair());
                assertFalse(a.certificateRequested(), "the client stopped before it was asked");
                assertTrue(a.tcpConnected());
                assertEquals("handshake", a.phase());
                assertEquals(bad.cert.cert(), a.serverChain().get(0).certificate(), "the chain is still shown");
                assertTrue(words.explain(a).contains("no client certificate was sent"), words.explain(a));
            }
            assertEquals(List.of(), s.certificatesReceived(), "no client certificate reached the server");
            assertTrue(s.connections.get() >= 3, "every attempt reached the server: " + s.connections.get());

            assertNull(r.firstAccepted());
            assertNull(r.goSends());
            assertEquals(GoClientModel.Reason.SERVER_NOT_VERIFIED, r.goReason());
            assertEquals(Prediction.Reason.NO_CERTIFICATE, r.prediction().reason());
            assertEquals(bad.outcome.id(), r.prediction().detail());
            assertFalse(r.prediction().success());
            assertFalse(r.docsAndGoDiffer(), "neither answer has a pair that works");
            assertTrue(words.prediction(r).contains("does not trust the server's certificate"), words.prediction(r));
        }
    }

    @ParameterizedTest
    @EnumSource(Bad.class)
    void dockersInsecurePathSendsNoCertificateEitherWhileItsVerifiedAttemptsStopAtTheServerCertificate(Bad bad)
            throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.NGINX, bad.cert, CLIENT_CA)) {
            ProbeReport r = probe(hostDir("127.0.0.1:" + s.port()), Client.DOCKER);
            assertFalse(r.certsdUsed(), "127.0.0.1 is an insecure registry for Docker");
            for (Attempt a : r.attempts()) {
                assertNull(a.sentCertificate(), a.kind() + " " + a.pair());
                if (a.kind() == Attempt.Kind.BASELINE || a.kind() == Attempt.Kind.PAIR) {
                    assertTrue(a.outcome() == Outcome.SERVER_NOT_TRUSTED || a.outcome() == Outcome.NAME_MISMATCH,
                            a.kind() + " " + a.pair() + ": " + a.outcome());
                }
            }
            Attempt https = r.attempts().stream().filter(a -> a.kind() == Attempt.Kind.INSECURE_HTTPS).findFirst()
                    .orElseThrow();
            assertEquals(Outcome.REJECTED_AT_HTTP, https.outcome(), "no verification, and no certificate to send");
            assertEquals(List.of(), s.certificatesReceived());
        }
    }

    @Test
    void containerdWithSkipVerifySendsItsPairToAnyServerAsContainerdDoes() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.REGISTRY, Bad.UNKNOWN_CA.cert, CLIENT_CA)) {
            Path d = root.resolve("registry.test:" + s.port());
            TestPki.write(d, "ca.crt", SERVER_CA.certPem());
            TestPki.pair(d, "client", CLIENT);
            String server = "https://registry.test:" + s.port();
            TestPki.write(d, "hosts.toml", "server = \"" + server + "\"\n[host.\"" + server + "\"]\n"
                    + "  ca = \"ca.crt\"\n  client = [[\"client.cert\", \"client.key\"]]\n  skip_verify = true\n");
            ProbeReport r = probe(d, Client.CONTAINERD);
            assertTrue(r.skipVerify());
            Attempt pair = r.attempts().stream().filter(a -> "client.cert".equals(a.pair())).findFirst().orElseThrow();
            assertEquals(Outcome.ACCEPTED, pair.outcome());
            assertEquals(List.of(CLIENT.cert().getSubjectX500Principal().getName()), s.certificatesReceived(),
                    "containerd does not verify here, so it sends its pair, and so does the attempt");
            assertEquals("client.cert", r.goSends());
        }
    }

    @Test
    void containerdSkipsVerificationForLoopbackAndSoSendsItsPair() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.REGISTRY, Bad.EXPIRED.cert, CLIENT_CA)) {
            Path d = root.resolve("127.0.0.1:" + s.port());
            TestPki.write(d, "ca.crt", SERVER_CA.certPem());
            TestPki.pair(d, "client", CLIENT);
            ProbeReport r = probe(d, Client.CONTAINERD);
            assertTrue(r.skipVerify(), "ConfigureHosts: Skipping TLS verification for localhost");
            assertEquals(List.of(CLIENT.cert().getSubjectX500Principal().getName()), s.certificatesReceived());
            assertTrue(r.prediction().success());
        }
    }

    @Test
    void aServerTheClientTrustsGetsTheCertificateSoTheRecordingIsNotVacuous() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.REGISTRY, RegistryProbeTest.SERVER, CLIENT_CA)) {
            Path d = root.resolve("registry.test:" + s.port());
            TestPki.write(d, "ca.crt", SERVER_CA.certPem());
            TestPki.pair(d, "client", CLIENT);
            ProbeReport r = probe(d, Client.CONTAINERS);
            assertTrue(r.prediction().success());
            assertEquals(List.of(CLIENT.cert().getSubjectX500Principal().getName()), s.certificatesReceived());
        }
    }
}
