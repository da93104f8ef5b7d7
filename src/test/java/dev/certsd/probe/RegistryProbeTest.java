// over 300 lines: one suite of probes against the same loopback servers and certificates; split, its 200 ms cases ran cold
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Probes against in-process servers on loopback that behave like the registry and nginx. */
class RegistryProbeTest {
    static final TestPki.Issued SERVER = TestPki.cert("CN=registry.test").keys(TestPki.rsa(10)).issuer(SERVER_CA)
            .serverAuth().dns("registry.test").ip("127.0.0.1").build();
    static final TestPki.Issued EXPIRED = TestPki.cert("CN=expired client").keys(TestPki.rsa(11)).issuer(CLIENT_CA)
            .clientAuth().expired().build();
    static final TestPki.Issued SELF_SIGNED = TestPki.cert("CN=self-signed client").keys(TestPki.rsa(12))
            .clientAuth().build();
    static final TestPki.Issued OTHER_CA = TestPki.cert("CN=Other CA").keys(TestPki.rsa(13)).ca().build();
    static final TestPki.Issued FROM_OTHER_CA = TestPki.cert("CN=other-ca client").keys(TestPki.rsa(14))
            .issuer(OTHER_CA).clientAuth().build();
    /** Same issuer NAME as the client CA, another key: a Go client sends it, the server rejects it. */
    static final TestPki.Issued ROGUE_CA = TestPki.cert("O=Certs.d Test,CN=Client CA").keys(TestPki.rsa(15)).ca().build();
    static final TestPki.Issued ROGUE = TestPki.cert("CN=rogue client").keys(TestPki.rsa(16)).issuer(ROGUE_CA)
            .clientAuth().build();

    @TempDir
    Path root;

    private Path dir(int port) {
        return root.resolve("registry.test:" + port);
    }

    private ProbeReport probe(Path dir, Client client, Duration timeout) {
        return probe(Fixtures.scan(dir, client), client, timeout);
    }

    /** The probe of a host directory as it was scanned (the files may have changed since). */
    private ProbeReport probe(HostReport host, Client client, Duration timeout) {
        ProbeOptions options = ProbeOptions.defaults(client).withTimeouts(Timeouts.of(timeout))
                .withResolve(Map.of("registry.test", InetAddress.getLoopbackAddress()))
                .withEnv(Map.of()).withSystemRoots(List::of);
        return assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> new RegistryProbe(options).run(host, new Cancellation()));
    }

    private ProbeReport probe(Path dir) {
        return probe(dir, Client.CONTAINERS, Duration.ofSeconds(5));
    }

    private static Attempt attempt(ProbeReport r, String pair) {
        return r.attempts().stream().filter(a -> pair == null ? a.kind() == Attempt.Kind.BASELINE : pair.equals(a.pair()))
                .findFirst().orElseThrow();
    }

    private Path healthy(int port) {
        Path d = dir(port);
        TestPki.write(d, "ca.crt", SERVER_CA.certPem());
        return d;
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void goodPairIsAcceptedAndIsWhatGoSends(String protocol) throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.REGISTRY, SERVER, CLIENT_CA, protocol)) {
            Path d = healthy(s.port());
            TestPki.pair(d, "client", CLIENT);
            ProbeReport r = probe(d);
            assertEquals(Outcome.REJECTED_AT_TLS, attempt(r, null).outcome(), "no certificate: rejected");
            Attempt good = attempt(r, "client.cert");
            assertEquals(Outcome.ACCEPTED, good.outcome());
            assertEquals(protocol, good.tlsVersion());
            assertEquals(200, good.httpStatus());
            assertEquals("registry/2.0", good.registryHeader());
            assertEquals(List.of("CN=Client CA,O=Certs.d Test"), r.acceptableIssuers());
            assertEquals("CN=client,O=Certs.d Test", good.sentCertificate());
            assertEquals("client.cert", r.firstAccepted());
            assertEquals("client.cert", r.goSends());
            assertTrue(r.prediction().success());
            assertFalse(r.docsAndGoDiffer());
            assertEquals("CN=registry.test", good.serverChain().get(0).subject());
        }
    }

    @Test
    void aPairWhoseKeyNoLongerLoadsGetsNoAttemptAndTheOthersKeepTheirs() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.REGISTRY, SERVER, CLIENT_CA)) {
            Path d = healthy(s.port());
            TestPki.pair(d, "a-replaced", CLIENT);
            TestPki.pair(d, "b-good", CLIENT);
            HostReport host = Fixtures.scan(d, Client.CONTAINERS);
            assertEquals(List.of("a-replaced.cert", "b-good.cert"), host.load().pairs(), "the client loads both");
            // between the scan and the probe, the first pair's key is replaced by something that is not a key
            TestPki.write(d, "a-replaced.key", "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
            ProbeReport r = probe(host, Client.CONTAINERS, Duration.ofSeconds(5));
            assertEquals(List.of(Attempt.Kind.BASELINE, Attempt.Kind.PAIR),
                    r.attempts().stream().map(Attempt::kind).toList(), "the baseline and the good pair only");
            assertEquals(Outcome.ACCEPTED, attempt(r, "b-good.cert").outcome());
            assertEquals("b-good.cert", r.firstAccepted());
            assertEquals("b-good.cert", r.goSends());
        }
    }

    @Test
    void noPairMeansNothingIsSentAndTheRegistryRejects() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.REGISTRY, SERVER, CLIENT_CA)) {
            ProbeReport r = probe(healthy(s.port()));
            assertEquals(1, r.attempts().size());
            assertEquals(Outcome.REJECTED_AT_TLS, r.attempts().get(0).outcome());
            assertNull(r.goSends());
            assertEquals(GoClientModel.Reason.NO_PAIRS, r.goReason());
            assertFalse(r.prediction().success());
        }
    }

    @Test
    void selfSignedPairFirstIsSkippedByGoBecauseItsIssuerIsNotListed() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.REGISTRY, SERVER, CLIENT_CA)) {
            Path d = healthy(s.port());
            TestPki.pair(d, "a-selfsigned", SELF_SIGNED);
            TestPki.pair(d, "b-good", CLIENT);
            ProbeReport r = probe(d);
            assertEquals(Outcome.REJECTED_AT_TLS, attempt(r, "a-selfsigned.cert").outcome());
            assertEquals(Outcome.ACCEPTED, attempt(r, "b-good.cert").outcome());
            assertEquals("b-good.cert", r.firstAccepted());
            assertEquals("b-good.cert", r.goSends());
            assertTrue(r.prediction().success());
        }
    }

    @Test
    void pairFromAnotherCaIsNeverSentByGo() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.REGISTRY, SERVER, CLIENT_CA)) {
            Path d = healthy(s.port());
            TestPki.pair(d, "client", FROM_OTHER_CA);
            ProbeReport r = probe(d);
            assertEquals(Outcome.REJECTED_AT_TLS, attempt(r, "client.cert").outcome());
            assertNull(r.goSends());
            assertEquals(GoClientModel.Reason.NO_MATCH, r.goReason());
            assertFalse(r.prediction().success());
            assertFalse(r.docsAndGoDiffer(), "both say: no pair works");
        }
    }

    @Test
    void expiredPairNamedFirstIsSentAndFailsWhileTheDocsPromiseTheNextOne() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.REGISTRY, SERVER, CLIENT_CA)) {
            Path d = healthy(s.port());
            TestPki.pair(d, "a-expired", EXPIRED);
            TestPki.pair(d, "b-good", CLIENT);
            ProbeReport r = probe(d);
            assertEquals(Outcome.REJECTED_AT_TLS, attempt(r, "a-expired.cert").outcome());
            assertEquals("b-good.cert", r.firstAccepted());
            assertEquals("a-expired.cert", r.goSends());
            assertFalse(r.prediction().success());
            assertTrue(r.docsAndGoDiffer());
        }
    }

    @Test
    void rogueIssuerNameFirstIsSentAndRejected() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.REGISTRY, SERVER, CLIENT_CA)) {
            Path d = healthy(s.port());
            TestPki.pair(d, "a-rogue", ROGUE);
            TestPki.pair(d, "b-good", CLIENT);
            ProbeReport r = probe(d);
            assertEquals(Outcome.REJECTED_AT_TLS, attempt(r, "a-rogue.cert").outcome());
            assertEquals("a-rogue.cert", r.goSends());
            assertEquals(GoClientModel.Reason.ISSUER_MATCH, r.goReason());
            assertFalse(r.prediction().success());
            assertTrue(r.docsAndGoDiffer());
        }
    }

    @Test
    void nginxCompletesTheHandshakeAndAnswers400() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.NGINX, SERVER, CLIENT_CA)) {
            Path d = healthy(s.port());
            TestPki.pair(d, "a-expired", EXPIRED);
            TestPki.pair(d, "b-good", CLIENT);
            ProbeReport r = probe(d);
            Attempt none = attempt(r, null);
            assertEquals(Outcome.REJECTED_AT_HTTP, none.outcome());
            assertEquals(400, none.httpStatus());
            assertEquals("400 No required SSL certificate was sent", none.htmlTitle());
            Attempt expired = attempt(r, "a-expired.cert");
            assertEquals(Outcome.REJECTED_AT_HTTP, expired.outcome());
            assertEquals("400 The SSL certificate error", expired.htmlTitle());
            assertEquals(Outcome.ACCEPTED, attempt(r, "b-good.cert").outcome());
            assertEquals("a-expired.cert", r.goSends());
            assertFalse(r.prediction().success());
        }
    }

    @Test
    void openRegistryAcceptsWithLoginNeeded() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.OPEN, SERVER, CLIENT_CA)) {
            ProbeReport r = probe(healthy(s.port()));
            assertEquals(Outcome.ACCEPTED, r.attempts().get(0).outcome());
            assertEquals(401, r.attempts().get(0).httpStatus());
            assertEquals(GoClientModel.Reason.NOT_REQUESTED, r.goReason());
            assertTrue(r.prediction().success());
        }
    }

    @Test
    void unknownServerCaIsNotTrusted() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.OPEN, SERVER, CLIENT_CA)) {
            Path d = dir(s.port());
            TestPki.write(d, "ca.crt", OTHER_CA.certPem());
            Attempt a = probe(d).attempts().get(0);
            assertEquals(Outcome.SERVER_NOT_TRUSTED, a.outcome());
            assertEquals("x509: certificate signed by unknown authority", a.verifyError());
        }
    }

    @Test
    void containerdWithSkipVerifyDoesNotCheckTheServerButStillSendsItsPair() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.REGISTRY, SERVER, CLIENT_CA)) {
            Path d = dir(s.port());
            TestPki.write(d, "ca.crt", OTHER_CA.certPem()); // the wrong CA: only skip_verify lets containerd in
            TestPki.pair(d, "client", CLIENT);
            String server = "https://registry.test:" + s.port();
            TestPki.write(d, "hosts.toml", "server = \"" + server + "\"\n[host.\"" + server + "\"]\n"
                    + "  ca = \"ca.crt\"\n  client = [[\"client.cert\", \"client.key\"]]\n  skip_verify = true\n");
            ProbeReport r = probe(d, Client.CONTAINERD, Duration.ofSeconds(5));
            assertTrue(r.skipVerify());
            assertEquals(Outcome.REJECTED_AT_TLS, attempt(r, null).outcome(), "no certificate: rejected, not untrusted");
            Attempt good = attempt(r, "client.cert");
            assertEquals(Outcome.ACCEPTED, good.outcome());
            assertEquals(null, good.verifyError());
            assertTrue(good.curl().contains("--insecure"), good.curl());
            assertTrue(r.prediction().success());

            TestPki.write(d, "hosts.toml", "server = \"" + server + "\"\n[host.\"" + server + "\"]\n"
                    + "  ca = \"ca.crt\"\n  client = [[\"client.cert\", \"client.key\"]]\n");
            ProbeReport verified = probe(d, Client.CONTAINERD, Duration.ofSeconds(5));
            assertFalse(verified.skipVerify());
            assertEquals(Outcome.SERVER_NOT_TRUSTED, attempt(verified, "client.cert").outcome());
            assertFalse(verified.prediction().success());
        }
    }

    @Test
    void wrongHostNameIsANameMismatch() throws Exception {
        TestPki.Issued other = TestPki.cert("CN=other.test").keys(TestPki.rsa(10)).issuer(SERVER_CA).serverAuth()
                .dns("other.test").build();
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.OPEN, other, CLIENT_CA)) {
            Attempt a = probe(healthy(s.port())).attempts().get(0);
            assertEquals(Outcome.NAME_MISMATCH, a.outcome());
            assertEquals("x509: certificate is valid for other.test, not registry.test", a.verifyError());
        }
    }

    @Test
    void ipWithoutIpSanIsANameMismatch() throws Exception {
        TestPki.Issued dnsOnly = TestPki.cert("CN=127.0.0.1").keys(TestPki.rsa(10)).issuer(SERVER_CA).serverAuth()
                .dns("registry.test").build();
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.OPEN, dnsOnly, CLIENT_CA)) {
            Path d = root.resolve("127.0.0.1:" + s.port());
            TestPki.write(d, "ca.crt", SERVER_CA.certPem());
            Attempt a = probe(d).attempts().get(0);
            assertEquals(Outcome.NAME_MISMATCH, a.outcome());
            assertEquals("x509: cannot validate certificate for 127.0.0.1 because it doesn't contain any IP SANs",
                    a.verifyError());
        }
    }

    @Test
    void pinnedLeafInThePoolIsTrusted() throws Exception {
        TestPki.Issued selfSignedServer = TestPki.cert("CN=registry.test").keys(TestPki.rsa(10)).serverAuth()
                .dns("registry.test").build();
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.OPEN, selfSignedServer, CLIENT_CA)) {
            Path d = dir(s.port());
            TestPki.write(d, "registry.crt", selfSignedServer.certPem());
            assertEquals(Outcome.ACCEPTED, probe(d).attempts().get(0).outcome());
        }
    }

    @Test
    void serverThatNeverAnswersTimesOut() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.NEVER_ANSWER, SERVER, CLIENT_CA)) {
            Attempt a = probe(healthy(s.port()), Client.CONTAINERS, Duration.ofMillis(200)).attempts().get(0);
            assertEquals(Outcome.TIMEOUT, a.outcome());
            assertEquals("response", a.phase());
        }
    }

    @Test
    void serverThatStallsTheHandshakeTimesOut() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.STALL_HANDSHAKE, SERVER, CLIENT_CA)) {
            Attempt a = probe(healthy(s.port()), Client.CONTAINERS, Duration.ofMillis(200)).attempts().get(0);
            assertEquals(Outcome.TIMEOUT, a.outcome());
            assertEquals("handshake", a.phase());
        }
    }

    @Test
    void plainHttpOnThePortIsNotARegistryForTls() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.PLAIN_HTTP, SERVER, CLIENT_CA)) {
            Attempt a = probe(healthy(s.port()), Client.CONTAINERS, Duration.ofMillis(500)).attempts().get(0);
            assertEquals(Outcome.NOT_A_REGISTRY, a.outcome());
        }
    }

    @Test
    void closedPortIsRefused() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        assertEquals(Outcome.REFUSED, probe(healthy(port)).attempts().get(0).outcome());
    }

    @Test
    void redirectToAnotherHostIsNeverFollowed() throws Exception {
        try (TestTlsServer other = TestTlsServer.start(TestTlsServer.Mode.NGINX, SERVER, CLIENT_CA);
             TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.REDIRECT, SERVER, CLIENT_CA)) {
            s.redirectTo("https://127.0.0.1:" + other.port() + "/v2/");
            Path d = healthy(s.port());
            TestPki.pair(d, "client", CLIENT);
            ProbeReport r = probe(d);
            Attempt a = attempt(r, "client.cert");
            assertEquals(307, a.httpStatus());
            assertEquals("https://127.0.0.1:" + other.port() + "/v2/", a.location());
            assertEquals(Outcome.NOT_A_REGISTRY, a.outcome());
            assertEquals(0, other.connections.get(), "the client certificate never goes to another host");
        }
    }

    @Test
    void dockerInsecureRegistryGetsWhatDockerReallyDoes() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.REGISTRY, SERVER, CLIENT_CA)) {
            Path d = root.resolve("127.0.0.1:" + s.port());
            TestPki.write(d, "ca.crt", SERVER_CA.certPem());
            TestPki.pair(d, "client", CLIENT);
            ProbeReport r = probe(d, Client.DOCKER, Duration.ofSeconds(2));
            assertFalse(r.certsdUsed());
            Attempt https = r.attempts().stream().filter(a -> a.kind() == Attempt.Kind.INSECURE_HTTPS).findFirst().orElseThrow();
            assertEquals(Outcome.REJECTED_AT_TLS, https.outcome(), "Docker sends no client certificate");
            Attempt http = r.attempts().stream().filter(a -> a.kind() == Attempt.Kind.PLAIN_HTTP).findFirst().orElseThrow();
            assertFalse(http.accepted());
            assertEquals(Prediction.Reason.PLAIN_HTTP, r.prediction().reason());
            assertFalse(r.prediction().success());
        }
    }

    @Test
    void configErrorsStopTheClientBeforeAnyConnection() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.REGISTRY, SERVER, CLIENT_CA)) {
            Path d = healthy(s.port());
            TestPki.pair(d, "b-good", CLIENT);
            TestPki.write(d, "a.key", CLIENT.keyPem());
            ProbeReport r = probe(d);
            assertEquals(Prediction.Reason.CONFIG_ERROR, r.prediction().reason());
            assertEquals("missing client certificate a.cert for key a.key", r.prediction().detail());
            assertFalse(r.prediction().success());
        }
    }

    @Test
    void cancellingEndsEveryAttempt() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.STALL_HANDSHAKE, SERVER, CLIENT_CA)) {
            Path d = healthy(s.port());
            TestPki.pair(d, "client", CLIENT);
            HostReport host = Fixtures.scan(d, Client.CONTAINERS);
            Cancellation c = new Cancellation();
            ProbeOptions options = ProbeOptions.defaults(Client.CONTAINERS).withTimeouts(Timeouts.of(Duration.ofSeconds(30)))
                    .withResolve(Map.of("registry.test", InetAddress.getLoopbackAddress())).withSystemRoots(List::of);
            new Thread(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                c.cancel();
            }).start();
            ProbeReport r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> new RegistryProbe(options).run(host, c));
            assertTrue(r.attempts().stream().allMatch(a -> a.outcome() == Outcome.CANCELLED), r.attempts().toString());
        }
    }

    @Test
    void curlCommandEscapesColonsInCertificatePaths() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.REGISTRY, SERVER, CLIENT_CA)) {
            Path d = healthy(s.port());
            TestPki.pair(d, "client", CLIENT);
            Attempt a = attempt(probe(d), "client.cert");
            assertTrue(a.curl().contains("--cert '" + d.toString().replace(":", "\\:") + "/client.cert'"), a.curl());
            assertTrue(a.curl().contains("--resolve 'registry.test:" + s.port() + ":127.0.0.1'"), a.curl());
            assertTrue(a.openssl().startsWith("openssl s_client -connect '127.0.0.1:" + s.port() + "' -servername"), a.openssl());
        }
    }
}
