package dev.certsd.probe;

import static dev.certsd.testing.Fixtures.CLIENT;
import static dev.certsd.testing.Fixtures.CLIENT_CA;
import static dev.certsd.testing.Fixtures.SERVER_CA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.certsd.cli.CertsdCommand;
import dev.certsd.diagnose.HostReport;
import dev.certsd.roots.Client;
import dev.certsd.pki.CaImport;
import dev.certsd.pki.CaSource;
import dev.certsd.testing.Fixtures;
import dev.certsd.testing.TestPki;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that sends its answer one byte per second never trips a socket read timeout, which restarts with every
 * byte. The attempt's and the run's deadlines close the socket instead: {@code test --timeout 2} and
 * {@code import-ca --from-server/--harbor --timeout 2} end within the timeout plus one second (issue 11's
 * acceptance bound, measured around the command's entry point), classified as a timeout.
 */
class DripServerTest {
    private static final long BOUND_MILLIS = 3000;

    @TempDir
    Path tmp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs the CLI as {@code TestCommandTest} does; returns the exit code and the time it took. */
    private long[] run(String... args) {
        long start = System.nanoTime();
        int code = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> CertsdCommand.run(args, new PrintWriter(out), new PrintWriter(err)));
        return new long[] {code, (System.nanoTime() - start) / 1_000_000};
    }

    private String[] importCa(String hostDir, String... more) {
        List<String> all = new ArrayList<>(List.of("import-ca", hostDir, "--root", tmp.resolve("certs.d").toString(),
                "--daemon-json", tmp.resolve("none.json").toString(), "--hosts-file", tmp.resolve("no-hosts").toString(),
                "--journal", tmp.resolve("journal").toString(), "--json", "--timeout", "2"));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> json() throws Exception {
        return (Map<String, Object>) JSON.std.anyFrom(out.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void testWithTimeoutTwoEndsWithinThreeSecondsAgainstAServerThatDripsItsHeader() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.DRIP_HTTP, RegistryProbeTest.SERVER, CLIENT_CA)) {
            String dir = "127.0.0.1:" + s.port();
            Path d = tmp.resolve("certs.d").resolve(dir);
            TestPki.write(d, "ca.crt", SERVER_CA.certPem());
            TestPki.pair(d, "client", CLIENT);
            long[] r = run("test", "--root", tmp.resolve("certs.d").toString(), "--client", "containers", "--json",
                    "--timeout", "2", dir);
            assertTrue(r[1] < BOUND_MILLIS, "took " + r[1] + " ms");
            assertEquals(1, r[0], err.toString());
            List<Map<String, Object>> attempts = (List<Map<String, Object>>) json().get("attempts");
            assertEquals(2, attempts.size());
            for (Map<String, Object> a : attempts) {
                assertEquals("timeout", a.get("outcome"), a.toString());
                assertEquals("response", a.get("phase"), "the handshake went through; the header never ended");
                assertTrue(((String) a.get("explanation")).contains("within the timeout"), a.toString());
            }
        }
    }

    @Test
    void aHandshakeThatDripsTimesOutToo() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.DRIP_HANDSHAKE, RegistryProbeTest.SERVER, CLIENT_CA)
                .dripEvery(Duration.ofMillis(50))) {
            Path d = Fixtures.healthy(tmp.resolve("registry.test:" + s.port()));
            HostReport host = Fixtures.scan(d, Client.CONTAINERS);
            ProbeOptions options = ProbeOptions.defaults(Client.CONTAINERS)
                    .withTimeouts(Timeouts.of(Duration.ofMillis(300)))
                    .withResolve(Map.of("registry.test", InetAddress.getLoopbackAddress()))
                    .withEnv(Map.of()).withSystemRoots(List::of);
            ProbeReport r = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> new RegistryProbe(options).run(host, new Cancellation()));
            for (Attempt a : r.attempts()) {
                assertEquals(Outcome.TIMEOUT, a.outcome(), a.toString());
                assertEquals("handshake", a.phase());
            }
            assertEquals(List.of(), s.certificatesReceived());
        }
    }

    @Test
    void theRunsBoundEndsAttemptsWhoseOwnBoundIsLonger() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.DRIP_HTTP, RegistryProbeTest.SERVER, CLIENT_CA)
                .dripEvery(Duration.ofMillis(50))) {
            Path d = Fixtures.healthy(tmp.resolve("registry.test:" + s.port()));
            HostReport host = Fixtures.scan(d, Client.CONTAINERS);
            // each attempt may take 30 s, the run 300 ms: the run's bound wins
            Duration long30 = Duration.ofSeconds(30);
            ProbeOptions options = ProbeOptions.defaults(Client.CONTAINERS)
                    .withTimeouts(new Timeouts(long30, long30, long30, long30, Duration.ofMillis(300)))
                    .withResolve(Map.of("registry.test", InetAddress.getLoopbackAddress()))
                    .withEnv(Map.of()).withSystemRoots(List::of);
            ProbeReport r = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> new RegistryProbe(options).run(host, new Cancellation()));
            assertTrue(r.attempts().stream().allMatch(a -> a.outcome() == Outcome.TIMEOUT), r.attempts().toString());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void importFromAServerThatDripsAfterTheHandshakeEndsInTimeAndStillOffersItsChain() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.DRIP_HTTP, RegistryProbeTest.SERVER, CLIENT_CA)) {
            long[] r = run(importCa("127.0.0.1:" + s.port(), "--from-server"));
            assertTrue(r[1] < BOUND_MILLIS, "took " + r[1] + " ms");
            assertEquals(1, r[0], "no --pick: the user chooses; " + err);
            List<Map<String, Object>> candidates = (List<Map<String, Object>>) json().get("candidates");
            assertEquals(1, candidates.size(), out.toString());

            Endpoint e = Endpoint.parse("https://127.0.0.1:" + s.port() + "/v2/");
            CaImport.ServerOffer offer = CaImport.fromServer(e, ProbeOptions.defaults(Client.DOCKER)
                    .withTimeouts(Timeouts.of(Duration.ofMillis(300))).withEnv(Map.of()), new Cancellation());
            assertEquals(Outcome.TIMEOUT, offer.attempt().outcome());
            assertInstanceOf(CaSource.Found.class, offer.source());
        }
    }

    @Test
    void importFromAServerWhoseHandshakeDripsEndsInTimeWithATimeoutMessage() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.DRIP_HANDSHAKE, RegistryProbeTest.SERVER, CLIENT_CA)) {
            long[] r = run(importCa("127.0.0.1:" + s.port(), "--from-server"));
            assertTrue(r[1] < BOUND_MILLIS, "took " + r[1] + " ms");
            assertEquals(1, r[0], err.toString());
            Map<String, Object> doc = json();
            assertEquals("refused", doc.get("outcome"));
            assertEquals("127.0.0.1:" + s.port() + " did not complete the TLS handshake within 2 s: check the address,"
                    + " or try a longer --timeout.", doc.get("error"));
        }
    }

    @Test
    void harborFetchFromAServerThatDripsEndsInTimeWithATimeoutMessage() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.DRIP_HTTP, RegistryProbeTest.SERVER, CLIENT_CA)) {
            long[] r = run(importCa("127.0.0.1:" + s.port(), "--harbor"));
            assertTrue(r[1] < BOUND_MILLIS, "took " + r[1] + " ms");
            assertEquals(1, r[0], err.toString());
            Map<String, Object> doc = json();
            assertEquals("refused", doc.get("outcome"));
            assertEquals("https://127.0.0.1:" + s.port() + CaImport.HARBOR_CA_PATH + " did not send its complete answer"
                    + " within 2 s: check the address, or try a longer --timeout.", doc.get("error"));
        }
    }
}
