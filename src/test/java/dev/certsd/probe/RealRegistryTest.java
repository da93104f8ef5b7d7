package dev.certsd.probe;

import static dev.certsd.probe.peers.PeerPki.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.roots.Client;
import dev.certsd.probe.peers.CliProcess;
import dev.certsd.probe.peers.PeerLogs;
import dev.certsd.probe.peers.PeerPki;
import dev.certsd.probe.peers.PeerProbe;
import dev.certsd.probe.peers.ProbeFacts;
import dev.certsd.probe.peers.RealRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The probe against the real distribution registry ({@code http.tls.clientcas}), which rejects a missing or bad
 * client certificate in the handshake. TLS 1.3 is the registry's (Go's) choice and runs the engine in this JVM;
 * TLS 1.2 runs the {@code test} command in a JVM without TLS 1.3, since the registry cannot be limited to 1.2.
 */
class RealRegistryTest {
    @RegisterExtension
    static final PeerLogs LOGS = new PeerLogs();
    @TempDir
    static Path work;
    static PeerPki pki;
    static RealRegistry registry;

    @TempDir
    Path root;

    @BeforeAll
    static void startRegistry() throws Exception {
        pki = new PeerPki();
        registry = RealRegistry.start(work, pki);
        LOGS.watch(registry, registry.process());
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    private ProbeFacts probe(String tls, PeerPki.Named... pairs) throws Exception {
        Path dir = pki.hostDir(root.resolve(registry.hostDirName()), pairs);
        if (tls.equals("TLSv1.3")) {
            return ProbeFacts.of(PeerProbe.run(dir));
        }
        CliProcess.Result r = CliProcess.test(root, registry.hostDirName(), true);
        ProbeFacts facts = r.facts();
        assertEquals(facts.success() ? 0 : 1, r.exitCode(), "the exit code follows the prediction: " + r.stderr());
        return facts;
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void goodPairIsAcceptedAndIsWhatGoSends(String tls) throws Exception {
        ProbeFacts f = probe(tls, named("client", pki.good));
        ProbeFacts.AttemptFacts good = f.attempt("client.cert");
        assertEquals("accepted", good.outcome(), f.raw());
        assertEquals(tls, good.tlsVersion());
        assertEquals(200, good.httpStatus());
        assertEquals("registry/2.0", good.registryApiVersion());
        assertEquals(pki.good.cert().getSubjectX500Principal().getName(X500Principal.RFC2253), good.sentCertificate());
        assertEquals(List.of(pki.clientCa.cert().getSubjectX500Principal().getName(X500Principal.RFC2253)),
                f.acceptableIssuers(), "the registry lists its clientcas");
        assertEquals("client.cert", f.firstAccepted());
        assertEquals("client.cert", f.goSends());
        assertTrue(f.success());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void noPairIsRejectedInTheHandshake(String tls) throws Exception {
        ProbeFacts f = probe(tls);
        ProbeFacts.AttemptFacts none = f.attempt(null);
        assertEquals("rejected-at-tls", none.outcome(), f.raw());
        assertTrue(none.certificateRequested());
        assertNull(none.httpStatus(), "the registry never answers over HTTP without a certificate");
        assertNull(f.goSends());
        assertFalse(f.success());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void expiredPairFirstIsWhatGoSendsSoItFailsWhileTheDocsPromiseTheGoodOne(String tls) throws Exception {
        ProbeFacts f = probe(tls, named("a-expired", pki.expired), named("b-good", pki.good));
        assertEquals("rejected-at-tls", f.outcome("a-expired.cert"), f.raw());
        assertEquals("accepted", f.outcome("b-good.cert"), f.raw());
        assertEquals("b-good.cert", f.firstAccepted());
        assertEquals("a-expired.cert", f.goSends());
        assertFalse(f.success());
        assertTrue(f.docsAndGoDiffer());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void selfSignedPairFirstIsSkippedByGoWhichSendsTheGoodOne(String tls) throws Exception {
        ProbeFacts f = probe(tls, named("a-selfsigned", pki.selfSigned), named("b-good", pki.good));
        assertEquals("rejected-at-tls", f.outcome("a-selfsigned.cert"), f.raw());
        assertEquals("accepted", f.outcome("b-good.cert"), f.raw());
        assertEquals("b-good.cert", f.firstAccepted());
        assertEquals("b-good.cert", f.goSends());
        assertTrue(f.success());
        assertFalse(f.docsAndGoDiffer());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void pairWithTheClientCasNameButAnotherSignerFirstIsSentAndRejected(String tls) throws Exception {
        ProbeFacts f = probe(tls, named("a-rogue", pki.rogue), named("b-good", pki.good));
        assertEquals("rejected-at-tls", f.outcome("a-rogue.cert"), f.raw());
        assertEquals("accepted", f.outcome("b-good.cert"), f.raw());
        assertEquals("a-rogue.cert", f.goSends());
        assertFalse(f.success());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void pairFromAnUnknownCaIsRejectedAndNeverSentByGo(String tls) throws Exception {
        ProbeFacts f = probe(tls, named("client", pki.otherCa));
        assertEquals("rejected-at-tls", f.outcome("client.cert"), f.raw());
        assertNull(f.goSends());
        assertFalse(f.success());
    }

    @Test
    void dockerFallsBackToPlainHttpWhichTheTlsPortRefusesAsNotARegistry() {
        Path dir = pki.hostDir(root.resolve(registry.hostDirName()), named("client", pki.good));
        ProbeReport r = PeerProbe.run(dir, Client.DOCKER);
        assertEquals(Outcome.REJECTED_AT_TLS, PeerProbe.attempt(r, Attempt.Kind.INSECURE_HTTPS).outcome(),
                "Docker sends no client certificate to an insecure registry");
        Attempt http = PeerProbe.attempt(r, Attempt.Kind.PLAIN_HTTP);
        assertEquals(400, http.httpStatus(), "Go's TLS server answers plain HTTP with 400");
        assertEquals(Outcome.NOT_A_REGISTRY, http.outcome(), "no certificate was involved, so nothing was rejected");
        assertTrue(new ProbeMessages(Locale.ENGLISH).explain(http).contains("speaks HTTPS only"));
        assertEquals(Prediction.Reason.PLAIN_HTTP, r.prediction().reason());
        assertFalse(r.prediction().success());
    }
}
