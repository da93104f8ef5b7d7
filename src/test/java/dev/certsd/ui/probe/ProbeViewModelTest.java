package dev.certsd.ui.probe;

import static dev.certsd.testing.Fixtures.CLIENT_CA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.probe.Attempt;
import dev.certsd.probe.Outcome;
import dev.certsd.probe.ProbeMessages;
import dev.certsd.probe.TestTlsServer;
import dev.certsd.testing.TestPki;
import dev.certsd.ui.UiText;
import dev.certsd.ui.work.Background;
import dev.certsd.ui.work.QueuedBackground;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connection test's view model against in-process registries on loopback, without a window. */
class ProbeViewModelTest {
    private static final UiText TEXT = new UiText(Locale.ENGLISH);
    private static final ProbeMessages MESSAGES = new ProbeMessages(Locale.ENGLISH);

    @TempDir
    Path root;

    private ProbeViewModel model(String hostDir, Client client, Background background) {
        return new ProbeViewModel(CertsRoot.custom(root, client), hostDir, ProbeFixtures.runner(), background, TEXT,
                MESSAGES);
    }

    private static String dir(TestTlsServer s) {
        return ProbeFixtures.HOST + ":" + s.port();
    }

    @Test
    void expiredPairFirstIsWhatDockerSendsWhileTheDocsPromiseTheNextOne() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.REGISTRY, ProbeFixtures.SERVER, CLIENT_CA)) {
            ProbeFixtures.expiredFirstThenGood(root.resolve(dir(s)));
            ProbeViewModel m = model(dir(s), Client.DOCKER, Background.sameThread());
            m.run();

            assertEquals(ProbeViewModel.State.DONE, m.stateProperty().get());
            List<AttemptRow> rows = m.attempts();
            assertEquals(List.of(Attempt.Kind.BASELINE, Attempt.Kind.PAIR, Attempt.Kind.PAIR),
                    rows.stream().map(AttemptRow::kind).toList());
            assertEquals("Without a client certificate", rows.get(0).title());
            assertEquals(Outcome.REJECTED_AT_TLS, rows.get(0).outcome());
            assertEquals("With a-expired.cert alone", rows.get(1).title());
            assertEquals("rejected at TLS", rows.get(1).outcomeWord());
            assertTrue(rows.get(1).clientPath(), "Docker sends the expired pair");
            assertFalse(rows.get(1).docsPick());
            assertEquals(Outcome.ACCEPTED, rows.get(2).outcome());
            assertTrue(rows.get(2).docsPick(), "the docs end on the good pair");
            assertFalse(rows.get(2).clientPath());

            assertEquals("first success in alphabetical order: b-good.cert", m.docsAnswerProperty().get().headline());
            assertTrue(m.docsAnswerProperty().get().success());
            assertEquals("Docker sends a-expired.cert → rejected at TLS", m.clientAnswerProperty().get().headline());
            assertFalse(m.clientAnswerProperty().get().success());
            assertTrue(m.clientAnswerProperty().get().detail().startsWith("Why: its issuer is in the server's CA list"),
                    m.clientAnswerProperty().get().detail());
            assertTrue(m.differenceProperty().get().startsWith(
                    "The docs promise b-good.cert, but Docker sends a-expired.cert → rejected at TLS."),
                    m.differenceProperty().get());
        }
    }

    @Test
    void inJapaneseTheAnswersUseTheSeedsVocabulary() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.REGISTRY, ProbeFixtures.SERVER, CLIENT_CA)) {
            ProbeFixtures.expiredFirstThenGood(root.resolve(dir(s)));
            ProbeViewModel m = new ProbeViewModel(CertsRoot.custom(root, Client.DOCKER), dir(s), ProbeFixtures.runner(),
                    Background.sameThread(), new UiText(Locale.JAPANESE), new ProbeMessages(Locale.JAPANESE));
            m.run();
            assertEquals("アルファベット順で最初の成功: b-good.cert", m.docsAnswerProperty().get().headline());
            assertEquals("Docker は a-expired.cert を送ります → TLS で拒否", m.clientAnswerProperty().get().headline());
            assertEquals("サーバーがクライアント証明書に受け付ける CA",
                    new UiText(Locale.JAPANESE).get("probe.section.cas"));
            assertTrue(m.differenceProperty().get().startsWith("ドキュメントでは b-good.cert で成功するはずですが"),
                    m.differenceProperty().get());
        }
    }

    @Test
    void theTimelineCarriesTheChainTheAcceptableCasAndTheCommands() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.REGISTRY, ProbeFixtures.SERVER, CLIENT_CA)) {
            ProbeFixtures.expiredFirstThenGood(root.resolve(dir(s)));
            ProbeViewModel m = model(dir(s), Client.DOCKER, Background.sameThread());
            m.run();

            assertEquals("https://registry.test:" + s.port() + "/v2/", m.endpointProperty().get());
            assertEquals(List.of("CN=Client CA,O=Certs.d Test"), m.acceptableCas());
            assertEquals("", m.casNoteProperty().get());
            assertEquals("CN=registry.test", m.chain().get(0).subject());
            assertEquals("CN=Registry CA,O=Certs.d Test", m.chain().get(0).issuer());
            assertEquals("Docker trusts this chain for registry.test.", m.chainTrustProperty().get());
            AttemptRow expired = m.attempts().get(1);
            assertTrue(expired.curl().contains("--cert") && expired.curl().contains("a-expired.cert"), expired.curl());
            assertTrue(expired.curl().contains("registry.test\\:" + s.port()), "colon escaped for curl: " + expired.curl());
            assertTrue(expired.openssl().startsWith("openssl s_client -connect"), expired.openssl());
            assertTrue(expired.factsText().contains("sent O=Certs.d Test,CN=expired client")
                    || expired.factsText().contains("sent CN=expired client,O=Certs.d Test"), expired.factsText());
        }
    }

    @Test
    void aServerTheClientDoesNotTrustGetsNoCertificateAndTheWindowSaysWhy() throws Exception {
        TestPki.Issued otherCa = TestPki.cert("CN=Other CA").keys(TestPki.rsa(13)).ca().build();
        TestPki.Issued foreign = TestPki.cert("CN=registry.test").keys(TestPki.rsa(10)).issuer(otherCa).serverAuth()
                .dns(ProbeFixtures.HOST).build();
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.REGISTRY, foreign, CLIENT_CA)) {
            ProbeFixtures.expiredFirstThenGood(root.resolve(dir(s)));
            ProbeViewModel m = model(dir(s), Client.CONTAINERS, Background.sameThread());
            m.run();

            assertTrue(m.attempts().stream().allMatch(a -> a.outcome() == Outcome.SERVER_NOT_TRUSTED));
            assertTrue(m.attempts().stream().allMatch(a -> a.factsText().contains("no client certificate sent")),
                    m.attempts().get(1).factsText());
            assertEquals(List.of(), s.certificatesReceived());
            assertEquals("podman/skopeo sends no client certificate → server not trusted",
                    m.clientAnswerProperty().get().headline());
            assertTrue(m.clientAnswerProperty().get().detail().startsWith("Why: it does not trust the server's "
                    + "certificate, and it checks that before it sends one of its own."),
                    m.clientAnswerProperty().get().detail());
            assertTrue(m.casNoteProperty().get().startsWith("Not known: the client does not trust"),
                    m.casNoteProperty().get());
            assertTrue(m.chainTrustProperty().get().contains("x509: certificate signed by unknown authority"),
                    m.chainTrustProperty().get());
        }
    }

    @Test
    void aGoodPairGivesTheSameAnswerBothWaysAndNoDifference() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.REGISTRY, ProbeFixtures.SERVER, CLIENT_CA)) {
            ProbeFixtures.good(root.resolve(dir(s)));
            ProbeViewModel m = model(dir(s), Client.CONTAINERS, Background.sameThread());
            m.run();

            assertEquals("first success in alphabetical order: client.cert", m.docsAnswerProperty().get().headline());
            assertEquals("podman/skopeo sends client.cert → accepted", m.clientAnswerProperty().get().headline());
            assertTrue(m.clientAnswerProperty().get().success());
            assertEquals("", m.differenceProperty().get());
            assertTrue(m.statusProperty().get().startsWith("2 connections tested in"), m.statusProperty().get());
        }
    }

    @Test
    void changingTheClientRunsTheTestAgainAsThatClient() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.REGISTRY, ProbeFixtures.SERVER, CLIENT_CA)) {
            String loopback = "127.0.0.1:" + s.port();
            ProbeFixtures.good(root.resolve(loopback));
            ProbeViewModel m = model(loopback, Client.DOCKER, Background.sameThread());
            m.run();
            assertTrue(m.attempts().stream().anyMatch(r -> r.kind() == Attempt.Kind.INSECURE_HTTPS),
                    "Docker treats loopback as insecure: its real path is tested too");
            assertTrue(m.clientAnswerProperty().get().headline().startsWith("Docker ignores certs.d here"),
                    m.clientAnswerProperty().get().headline());
            assertTrue(m.differenceProperty().get().contains("never reads certs.d"), m.differenceProperty().get());

            m.clientProperty().set(Client.CONTAINERS);

            assertTrue(m.attempts().stream().noneMatch(r -> r.kind() == Attempt.Kind.INSECURE_HTTPS));
            assertEquals("podman/skopeo sends client.cert → accepted", m.clientAnswerProperty().get().headline());
            assertEquals("", m.differenceProperty().get());
        }
    }

    @Test
    void cancelClosesTheConnectionsAndShowsNoAnswers() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.STALL_HANDSHAKE, ProbeFixtures.SERVER, CLIENT_CA)) {
            ProbeFixtures.expiredFirstThenGood(root.resolve(dir(s)));
            QueuedBackground background = new QueuedBackground();
            ProbeViewModel m = model(dir(s), Client.DOCKER, background);
            m.timeoutSecondsProperty().set(60);
            m.run();
            assertTrue(m.runningProperty().get());
            assertTrue(m.statusProperty().get().startsWith("Testing registry.test:"), m.statusProperty().get());
            assertTrue(background.drainUntil(() -> s.connectionsAccepted() > 0, Duration.ofSeconds(10)),
                    "the first attempt is connected (and stalled in its handshake)");

            m.cancel();

            assertTrue(background.drainUntil(() -> !m.runningProperty().get(), Duration.ofSeconds(10)),
                    "a cancelled test ends long before its 60 s timeout");
            assertEquals(ProbeViewModel.State.CANCELLED, m.stateProperty().get());
            assertEquals(3, m.attempts().size());
            assertTrue(m.attempts().stream().allMatch(r -> r.outcome() == Outcome.CANCELLED), m.attempts().toString());
            assertNull(m.docsAnswerProperty().get());
            assertNull(m.clientAnswerProperty().get());
        }
    }

    @Test
    void theTimeoutSettingBoundsEveryConnection() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.STALL_HANDSHAKE, ProbeFixtures.SERVER, CLIENT_CA)) {
            ProbeFixtures.good(root.resolve(dir(s)));
            QueuedBackground background = new QueuedBackground();
            ProbeViewModel m = model(dir(s), Client.DOCKER, background);
            m.timeoutSecondsProperty().set(1);
            long start = System.nanoTime();
            m.run();

            assertTrue(background.drainUntil(() -> !m.runningProperty().get(), Duration.ofSeconds(10)));
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 5000);
            assertEquals(ProbeViewModel.State.DONE, m.stateProperty().get());
            assertTrue(m.attempts().stream().allMatch(r -> r.outcome() == Outcome.TIMEOUT), m.attempts().toString());
        }
    }

    @Test
    void aDirectoryThatIsGoneFailsWithASentenceSayingSo() throws Exception {
        ProbeViewModel m = model("gone.example.com", Client.DOCKER, Background.sameThread());
        m.run();
        assertEquals(ProbeViewModel.State.FAILED, m.stateProperty().get());
        assertEquals(root.resolve("gone.example.com") + " no longer exists: the test needs the registry directory.",
                m.statusProperty().get());
        assertFalse(Files.exists(root.resolve("gone.example.com")));
    }

    @Test
    void aRunStartedWhileAnotherRunsReplacesIt() throws Exception {
        try (TestTlsServer s = TestTlsServer.start(TestTlsServer.Mode.STALL_HANDSHAKE, ProbeFixtures.SERVER, CLIENT_CA)) {
            ProbeFixtures.good(root.resolve(dir(s)));
            QueuedBackground background = new QueuedBackground();
            ProbeViewModel m = model(dir(s), Client.DOCKER, background);
            m.timeoutSecondsProperty().set(60);
            m.run();
            assertTrue(background.drainUntil(() -> s.connectionsAccepted() > 0, Duration.ofSeconds(10)),
                    "the first run is connected (and stalled in its handshake)");
            m.timeoutSecondsProperty().set(1);
            m.run();

            assertTrue(background.drainUntil(() -> !m.runningProperty().get(), Duration.ofSeconds(10)));
            // the first run came back cancelled and was dropped; what shows is the second, ended by its 1 s timeout
            assertEquals(ProbeViewModel.State.DONE, m.stateProperty().get());
            assertTrue(m.attempts().stream().allMatch(r -> r.outcome() == Outcome.TIMEOUT), m.attempts().toString());
        }
    }

    @Test
    void theListsShownAreReadOnly() {
        ProbeViewModel m = model("gone.example.com", Client.DOCKER, Background.sameThread());
        assertThrows(UnsupportedOperationException.class, () -> m.attempts().setAll(List.of()));
        assertThrows(UnsupportedOperationException.class, () -> m.chain().setAll(List.of()));
        assertThrows(UnsupportedOperationException.class, () -> m.acceptableCas().add("CN=x"));
    }
}
