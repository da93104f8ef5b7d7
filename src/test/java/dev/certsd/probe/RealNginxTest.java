package dev.certsd.probe;

import static dev.certsd.probe.peers.PeerPki.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.roots.Client;
import dev.certsd.probe.peers.PeerLogs;
import dev.certsd.probe.peers.PeerPki;
import dev.certsd.probe.peers.PeerProbe;
import dev.certsd.probe.peers.ProbeFacts;
import dev.certsd.probe.peers.RealNginx;
import java.nio.file.Path;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The probe against real nginx with {@code ssl_verify_client on}: the handshake completes whatever the client
 * sends, and nginx answers HTTP 400 with its own page when the certificate is missing or does not verify (except
 * for a certificate whose signature fails, see the rogue case). One server per TLS version, forced by
 * {@code ssl_protocols}.
 */
class RealNginxTest {
    @RegisterExtension
    static final PeerLogs LOGS = new PeerLogs();
    @TempDir
    static Path work;
    static PeerPki pki;
    static RealNginx nginx;

    @TempDir
    Path root;

    @BeforeAll
    static void startNginx() throws Exception {
        pki = new PeerPki();
        nginx = RealNginx.start(work, pki, "TLSv1.2", "TLSv1.3");
        LOGS.watch(nginx, nginx.process());
    }

    @AfterAll
    static void stopNginx() {
        if (nginx != null) {
            nginx.close();
        }
    }

    private ProbeFacts probe(String tls, PeerPki.Named... pairs) {
        Path dir = pki.hostDir(root.resolve("127.0.0.1:" + nginx.port(tls)), pairs);
        ProbeFacts f = ProbeFacts.of(PeerProbe.run(dir));
        for (ProbeFacts.AttemptFacts a : f.attempts()) {
            if (a.httpStatus() != null) {
                assertEquals(tls, a.tlsVersion(), "the forced version: " + f.raw());
            }
        }
        return f;
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void goodPairIsAcceptedAndIsWhatGoSends(String tls) {
        ProbeFacts f = probe(tls, named("client", pki.good));
        ProbeFacts.AttemptFacts good = f.attempt("client.cert");
        assertEquals("accepted", good.outcome(), f.raw());
        assertEquals(200, good.httpStatus());
        assertEquals("registry/2.0", good.registryApiVersion());
        assertEquals(List.of(pki.clientCa.cert().getSubjectX500Principal().getName(X500Principal.RFC2253)),
                f.acceptableIssuers(), "nginx lists ssl_client_certificate's names");
        assertEquals("client.cert", f.goSends());
        assertTrue(f.success());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void noPairIsRejectedOverHttpWithNginxsPage(String tls) {
        ProbeFacts f = probe(tls);
        ProbeFacts.AttemptFacts none = f.attempt(null);
        assertEquals("rejected-at-http", none.outcome(), f.raw());
        assertEquals(400, none.httpStatus());
        assertEquals("400 No required SSL certificate was sent", none.htmlTitle());
        assertNull(f.goSends());
        assertFalse(f.success());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void expiredPairFirstIsWhatGoSendsSoItFailsWhileTheDocsPromiseTheGoodOne(String tls) {
        ProbeFacts f = probe(tls, named("a-expired", pki.expired), named("b-good", pki.good));
        ProbeFacts.AttemptFacts expired = f.attempt("a-expired.cert");
        assertEquals("rejected-at-http", expired.outcome(), f.raw());
        assertEquals(400, expired.httpStatus());
        assertEquals("400 The SSL certificate error", expired.htmlTitle());
        assertEquals("accepted", f.outcome("b-good.cert"), f.raw());
        assertEquals("b-good.cert", f.firstAccepted());
        assertEquals("a-expired.cert", f.goSends());
        assertFalse(f.success());
        assertTrue(f.docsAndGoDiffer());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void selfSignedPairFirstIsSkippedByGoWhichSendsTheGoodOne(String tls) {
        ProbeFacts f = probe(tls, named("a-selfsigned", pki.selfSigned), named("b-good", pki.good));
        assertEquals("rejected-at-http", f.outcome("a-selfsigned.cert"), f.raw());
        assertEquals("accepted", f.outcome("b-good.cert"), f.raw());
        assertEquals("b-good.cert", f.firstAccepted());
        assertEquals("b-good.cert", f.goSends());
        assertTrue(f.success());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void pairWithTheClientCasNameButAnotherSignerFirstIsSentAndRejected(String tls) {
        ProbeFacts f = probe(tls, named("a-rogue", pki.rogue), named("b-good", pki.good));
        // nginx 1.22 with OpenSSL 3 answers 400 to curl here, but aborts the handshake of other clients (JSSE):
        // the failed signature check stays on OpenSSL's error queue ("ignoring stale global SSL error") and fails
        // SSL_do_handshake. Either way the certificate is rejected; which way depends on the client.
        assertTrue(f.outcome("a-rogue.cert").startsWith("rejected-at-"), f.raw());
        assertEquals("accepted", f.outcome("b-good.cert"), f.raw());
        assertEquals("a-rogue.cert", f.goSends());
        assertFalse(f.success());
    }

    @Test
    void dockerFallsBackToPlainHttpWhichNginxRefusesAsNotARegistry() {
        Path dir = pki.hostDir(root.resolve("127.0.0.1:" + nginx.port("TLSv1.3")), named("client", pki.good));
        ProbeReport r = PeerProbe.run(dir, Client.DOCKER);
        Attempt https = PeerProbe.attempt(r, Attempt.Kind.INSECURE_HTTPS);
        assertEquals(Outcome.REJECTED_AT_HTTP, https.outcome(), "Docker sends no client certificate");
        assertEquals("400 No required SSL certificate was sent", https.htmlTitle());
        Attempt http = PeerProbe.attempt(r, Attempt.Kind.PLAIN_HTTP);
        assertEquals(400, http.httpStatus());
        assertEquals("400 The plain HTTP request was sent to HTTPS port", http.htmlTitle());
        assertEquals(Outcome.NOT_A_REGISTRY, http.outcome(), "no certificate was involved, so nothing was rejected");
        assertEquals(Prediction.Reason.PLAIN_HTTP, r.prediction().reason());
        assertFalse(r.prediction().success());
    }
}
