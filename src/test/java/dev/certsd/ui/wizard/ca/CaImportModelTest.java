package dev.certsd.ui.wizard.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.roots.Client;
import dev.certsd.certs.Cancel;
import dev.certsd.plan.Planned;
import dev.certsd.pki.Progress;
import dev.certsd.probe.ProbeOptions;
import dev.certsd.probe.Timeouts;
import dev.certsd.roots.Client;
import dev.certsd.testing.Fixtures;
import dev.certsd.testing.TestPki;
import dev.certsd.ui.UiText;
import dev.certsd.ui.wizard.HarborTestServer;
import dev.certsd.ui.wizard.RootChoice;
import dev.certsd.ui.wizard.TargetModel;
import dev.certsd.ui.work.Background;
import dev.certsd.ui.work.QueuedBackground;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CA import's model: every source, the explicit pick and confirmation, the file name. */
class CaImportModelTest {
    private static final UiText EN = new UiText(Locale.ENGLISH);
    @TempDir
    Path tmp;

    private CaImportModel model(Background bg, String registry) {
        TargetModel target = new TargetModel(List.of(RootChoice.folder(tmp.resolve("certs.d"), EN)),
                r -> Fixtures.options(Client.DOCKER), EN);
        target.registryProperty().set(registry);
        return new CaImportModel(target, bg, EN, Clock.systemUTC(),
                (c, d) -> ProbeOptions.defaults(c).withTimeouts(Timeouts.of(d)));
    }

    @Test
    void droppedPemTextWithTwoCertificatesNeedsAnExplicitPickAndConfirmation() throws Exception {
        CaImportModel m = model(Background.sameThread(), "reg.example.com");
        m.dropped(List.of(), Fixtures.SERVER_CA.certPem() + Fixtures.CLIENT_CA.certPem());
        assertEquals(2, m.offers().size());
        assertEquals("2 certificates in pasted text: pick one.", m.sourceMessageProperty().get());
        assertNull(m.selectedProperty().get(), "nothing is picked for the user");
        assertFalse(m.completeProperty().get());
        m.selectedProperty().set(m.offers().get(1));
        assertFalse(m.completeProperty().get(), "a pick alone is not a confirmation");
        m.confirmedProperty().set(true);
        assertTrue(m.completeProperty().get());
        m.selectedProperty().set(m.offers().get(0));
        assertFalse(m.confirmedProperty().get(), "another pick must be confirmed again");

        m.confirmedProperty().set(true);
        m.suggestName();
        Planned p = m.planner().plan(Cancel.none(), Progress.NONE).orElseThrow();
        assertEquals(Fixtures.SERVER_CA.cert(), p.certificates().get(0));
        assertEquals(List.of(tmp.resolve("certs.d"), tmp.resolve("certs.d/reg.example.com"),
                tmp.resolve("certs.d/reg.example.com/ca.crt")),
                p.changes().ops().stream().map(op -> op.paths().get(0)).toList());
    }

    @Test
    void aDroppedDerFileIsReadAsAFileAndItsOnlyCertificateIsPicked() throws Exception {
        CaImportModel m = model(Background.sameThread(), "reg.example.com");
        Path der = TestPki.write(tmp, "root.cer", TestPki.der(Fixtures.SERVER_CA.cert()));
        m.dropped(List.of(tmp.resolve("missing"), der), null);
        assertEquals(der.toString(), m.fileProperty().get());
        assertEquals(1, m.offers().size());
        assertEquals(m.offers().get(0), m.selectedProperty().get());
        assertEquals("1 certificate in root.cer: pick one.", m.sourceMessageProperty().get());
        assertFalse(m.completeProperty().get(), "still to be confirmed");
    }

    @Test
    void aProtectedPkcs12AsksForItsPasswordThenOffersEveryCertificate() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("registry", Fixtures.SERVER_CA.cert());
        ks.setCertificateEntry("clients", Fixtures.CLIENT_CA.cert());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ks.store(out, "changeit".toCharArray());
        Path p12 = TestPki.write(tmp, "trust.p12", out.toByteArray());
        CaImportModel m = model(Background.sameThread(), "reg.example.com");
        m.fileProperty().set(p12.toString());
        m.openFile();
        assertTrue(m.needsPasswordProperty().get());
        assertEquals("This PKCS#12 file is protected: enter its password, then read the file again.",
                m.sourceMessageProperty().get());
        m.passwordProperty().set("wrong");
        m.openFile();
        assertTrue(m.needsPasswordProperty().get(), "the field stays for another try");
        assertEquals("The password does not open this PKCS#12 file. Check it and try again.",
                m.sourceMessageProperty().get());
        m.passwordProperty().set("changeit");
        m.openFile();
        assertEquals(2, m.offers().size());
        assertFalse(m.needsPasswordProperty().get());
    }

    @Test
    void theFileNameIsATakenNameOnlyWithReplaceAndAlwaysDotCrt() throws Exception {
        CaImportModel m = model(Background.sameThread(), "reg.example.com");
        Path host = Files.createDirectories(tmp.resolve("certs.d/reg.example.com"));
        Files.writeString(host.resolve("ca.crt"), "x");
        m.suggestName();
        assertEquals("ca-2.crt", m.fileNameProperty().get());
        m.fileNameProperty().set("ca.pem");
        assertEquals("A CA file must be named *.crt (clients read CAs only from .crt files), not ca.pem.",
                m.fileNameProblemProperty().get());
        m.fileNameProperty().set("ca.crt");
        assertEquals("ca.crt exists in the host directory: tick “Replace” or choose another name.",
                m.fileNameProblemProperty().get());
        m.overwriteProperty().set(true);
        assertEquals("", m.fileNameProblemProperty().get());
    }

    @Test
    void theLiveServerOffersItsChainAndHarborItsPublishedRoot() throws Exception {
        try (HarborTestServer harbor = new HarborTestServer()) {
            QueuedBackground bg = new QueuedBackground();
            CaImportModel m = model(bg, harbor.registry());
            m.fetchFromServer();
            assertTrue(m.busyProperty().get());
            assertTrue(bg.drainUntil(() -> !m.busyProperty().get(), Duration.ofSeconds(20)));
            assertEquals(List.of("CN=127.0.0.1", "CN=Harbor Issuing CA,O=Harbor Test", "CN=Harbor Root CA,O=Harbor Test"),
                    m.offers().stream().map(o -> o.candidate().subject()).toList());
            assertEquals(List.of("server chain", "server chain", "Harbor"),
                    m.offers().stream().map(CaImportModel.Offer::origin).toList());
            assertTrue(m.sourceMessageProperty().get().startsWith("127.0.0.1:" + harbor.port() + " presented 2 "
                    + "certificates (not verified)."), m.sourceMessageProperty().get());
            assertTrue(m.sourceMessageProperty().get().endsWith("Harbor also publishes the CA of its certificate "
                    + "(marked Harbor)."), m.sourceMessageProperty().get());
            assertNull(m.selectedProperty().get());
        }
    }

    @Test
    void cancellingTheServerStopsAtOnce() throws Exception {
        QueuedBackground bg = new QueuedBackground();
        // a routable address nobody answers: the connection would wait for its timeout
        CaImportModel m = model(bg, "10.255.255.1:5000");
        m.fetchFromServer();
        assertTrue(m.busyProperty().get());
        m.cancel();
        assertFalse(m.busyProperty().get());
        assertEquals("Cancelled: the connection was closed.", m.sourceMessageProperty().get());
        bg.drainUntil(() -> false, Duration.ofMillis(300));
        assertEquals("Cancelled: the connection was closed.", m.sourceMessageProperty().get());
        assertTrue(m.offers().isEmpty());
    }
}
