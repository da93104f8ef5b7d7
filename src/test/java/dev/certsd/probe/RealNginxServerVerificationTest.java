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
import dev.certsd.probe.peers.RealNginx;
import dev.certsd.testing.TestPki;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Real nginx ({@code ssl_verify_client on}) presenting a certificate a Go client rejects: every attempt that stands
 * for a verifying client ends at the server's certificate, so nginx never receives a client certificate (its
 * access log, which records {@code $ssl_client_verify} and {@code $ssl_client_s_dn} for every request, shows no
 * request with one). Docker's insecure path does not verify and reaches nginx, without a certificate. With the
 * good server certificate the same log shows the certificate arriving, so its silence means something.
 */
class RealNginxServerVerificationTest {
    @RegisterExtension
    static final PeerLogs LOGS = new PeerLogs();
    @TempDir
    static Path work;
    static PeerPki pki;

    @TempDir
    Path root;

    /** Server certificates a Go client rejects for 127.0.0.1. */
    enum Bad {
        WRONG_NAME, UNKNOWN_CA, EXPIRED;

        TestPki.Issued cert(PeerPki pki) {
            return switch (this) {
                case WRONG_NAME -> TestPki.cert("CN=other.test").keys(TestPki.rsa(41)).issuer(pki.serverCa).serverAuth()
                        .dns("other.test").build();
                case UNKNOWN_CA -> TestPki.cert("CN=127.0.0.1").keys(TestPki.rsa(41)).issuer(
                        TestPki.cert("CN=Unknown Server CA").keys(TestPki.rsa(48)).ca().build()).serverAuth()
                        .ip("127.0.0.1").build();
                case EXPIRED -> TestPki.cert("CN=127.0.0.1").keys(TestPki.rsa(41)).issuer(pki.serverCa).serverAuth()
                        .ip("127.0.0.1").expired().build();
            };
        }

        Outcome outcome() {
            return this == WRONG_NAME ? Outcome.NAME_MISMATCH : Outcome.SERVER_NOT_TRUSTED;
        }
    }

    @BeforeAll
    static void pki() {
        pki = new PeerPki();
    }

    private static RealNginx start(String name, TestPki.Issued serverCert) throws Exception {
        RealNginx nginx = RealNginx.start(work.resolve(name), pki, serverCert, "TLSv1.2", "TLSv1.3");
        LOGS.watch(nginx, nginx.process());
        return nginx;
    }

    /**
     * The log lines of requests that came with a client certificate, verified or not: nginx logs NONE when the TLS
     * connection had none, "-" when there was no TLS at all (plain HTTP).
     */
    private static List<String> withCertificate(RealNginx nginx) throws Exception {
        return nginx.accessLog().stream()
                .filter(l -> !(l.contains("client_verify=NONE ") || l.contains("client_verify=- "))).toList();
    }

    @ParameterizedTest
    @EnumSource(Bad.class)
    void nginxReceivesNoClientCertificateFromAnyAttemptWhenTheClientRejectsItsCertificate(Bad bad) throws Exception {
        try (RealNginx nginx = start("bad-" + bad, bad.cert(pki))) {
            for (String tls : List.of("TLSv1.2", "TLSv1.3")) {
                Path dir = pki.hostDir(root.resolve(tls).resolve("127.0.0.1:" + nginx.port(tls)),
                        named("a-good", pki.good), named("b-expired", pki.expired));
                ProbeReport r = PeerProbe.run(dir, Client.CONTAINERS);
                assertEquals(3, r.attempts().size());
                for (Attempt a : r.attempts()) {
                    assertEquals(bad.outcome(), a.outcome(), tls + " " + a.kind() + " " + a.pair());
                    assertNull(a.sentCertificate());
                    assertTrue(a.tcpConnected(), "the attempt reached nginx");
                }
                assertEquals(GoClientModel.Reason.SERVER_NOT_VERIFIED, r.goReason());
                assertFalse(r.prediction().success());
            }
            assertEquals(List.of(), nginx.accessLog(), "no request got through, with or without a certificate");

            Path docker = pki.hostDir(root.resolve("docker").resolve("127.0.0.1:" + nginx.port("TLSv1.3")),
                    named("a-good", pki.good));
            ProbeReport r = PeerProbe.run(docker, Client.DOCKER);
            Attempt https = PeerProbe.attempt(r, Attempt.Kind.INSECURE_HTTPS);
            assertEquals(Outcome.REJECTED_AT_HTTP, https.outcome(), "Docker's insecure HTTPS does not verify");
            assertEquals("400 No required SSL certificate was sent", https.htmlTitle());
            for (Attempt a : r.attempts()) {
                assertNull(a.sentCertificate(), a.kind() + " " + a.pair());
            }
            long end = System.nanoTime() + 2_000_000_000L; // nginx writes the line just after the response
            while (nginx.accessLog().stream().noneMatch(l -> l.contains("client_verify=NONE"))
                    && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertEquals(List.of(), withCertificate(nginx), String.join("\n", nginx.accessLog()));
            assertTrue(nginx.accessLog().stream().anyMatch(l -> l.contains("client_verify=NONE")),
                    "the insecure attempt got through, without a certificate: " + nginx.accessLog());
        }
    }

    @Test
    void withTheGoodServerCertificateTheSameLogShowsTheCertificateArriving() throws Exception {
        try (RealNginx nginx = start("good", pki.server)) {
            Path dir = pki.hostDir(root.resolve("127.0.0.1:" + nginx.port("TLSv1.3")), named("client", pki.good));
            ProbeReport r = PeerProbe.run(dir, Client.CONTAINERS);
            assertTrue(r.prediction().success());
            String dn = pki.good.cert().getSubjectX500Principal().getName();
            long end = System.nanoTime() + 2_000_000_000L; // nginx writes the line just after the response
            while (nginx.accessLog().stream().noneMatch(l -> l.contains("client_verify=SUCCESS"))
                    && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            List<String> lines = withCertificate(nginx);
            assertEquals(1, lines.size(), String.join("\n", nginx.accessLog()));
            assertTrue(lines.get(0).contains("client_verify=SUCCESS") && lines.get(0).contains("CN=good client"),
                    lines.get(0) + " for " + dn);
        }
    }
}
