package dev.certsd.ui.wizard.ca;

import static dev.certsd.ui.wizard.WizardRobot.enabled;
import static dev.certsd.ui.wizard.WizardRobot.label;
import static dev.certsd.ui.wizard.WizardRobot.mode;
import static dev.certsd.ui.wizard.WizardRobot.openssl;
import static dev.certsd.ui.wizard.WizardRobot.reveal;
import static dev.certsd.ui.wizard.WizardRobot.shown;
import static dev.certsd.ui.wizard.WizardRobot.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.material.CertInfo;
import dev.certsd.material.ContentReader;
import dev.certsd.pki.CaCandidate;
import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.testing.Fixtures;
import dev.certsd.testing.TestPki;
import dev.certsd.ui.shell.MainWindow;
import dev.certsd.ui.shell.Startup;
import dev.certsd.ui.shell.StudioContext;
import dev.certsd.ui.wizard.ApplyViewModel;
import dev.certsd.ui.wizard.HarborTestServer;
import dev.certsd.ui.wizard.WizardRobot;
import dev.certsd.ui.wizard.WizardWindow;
import dev.certsd.ui.work.FxBackground;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Drives the CA import wizard in the real window: the live server with Harbor, a PKCS#12 file, the clipboard. */
@ExtendWith(ApplicationExtension.class)
class CaImportWizardTest {
    @TempDir
    Path home;
    private StudioContext context;
    private MainWindow window;
    private Stage primary;

    private Path root() {
        return home.resolve("certs.d");
    }

    @Start
    void start(Stage stage) throws Exception {
        Files.createDirectories(root());
        primary = stage;
        context = WizardRobot.context(home, List.of(CertsRoot.custom(root(), Client.CONTAINERS)));
        window = new MainWindow(context);
        window.show(stage, Startup.NONE);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).stream().filter(w -> w != primary)
                .forEach(Window::hide));
        context.watcher().close();
        ((FxBackground) context.background()).close();
    }

    private WizardWindow open(FxRobot robot, String registry) throws Exception {
        robot.clickOn("#roots-tree");
        WizardWindow before = window.wizards().last();
        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);
        waitUntil(() -> window.wizards().last() != before && window.wizards().last().stage().isShowing(), 5);
        // the tree's selection may have filled it in already: type over it
        WizardRobot.type(robot, "#target-registry", registry);
        WizardRobot.next(robot);
        return window.wizards().last();
    }

    /** The fingerprint a card shows (in two lines of 16 bytes), whole. */
    private static String fingerprint(FxRobot robot, int card) {
        javafx.scene.control.Label l = robot.lookup("#ca-offer-sha256-" + card).queryAs(javafx.scene.control.Label.class);
        assertEquals(l.getProperties().get("sha256"), l.getText().replace("\n", ""));
        return l.getText().replace("\n", "");
    }

    @Test
    void theLiveServersChainIsShownAndNothingIsTrustedUntilConfirmed(FxRobot robot) throws Exception {
        try (HarborTestServer server = new HarborTestServer()) {
            WizardWindow w = open(robot, server.registry());
            assertFalse(enabled(robot, "#wizard-next"));
            robot.clickOn("#ca-fetch");
            waitUntil(() -> robot.lookup("#ca-offers .offer-card").queryAll().size() == 3, 20);
            assertTrue(label(robot, "#ca-source-message").startsWith(server.registry() + " presented 2 certificates"),
                    label(robot, "#ca-source-message"));
            CaCandidate issuing = CaCandidate.of(HarborTestServer.ISSUING.cert());
            assertEquals(issuing.sha256(), fingerprint(robot, 1));
            assertEquals(CaCandidate.of(HarborTestServer.ROOT.cert()).sha256(),
                    fingerprint(robot, 2));
            assertTrue(robot.lookup("#ca-offers").queryParent().lookupAll(".label").stream()
                    .map(n -> ((javafx.scene.control.Label) n).getText())
                    .anyMatch("Issuer: CN=Harbor Root CA,O=Harbor Test"::equals));

            robot.clickOn(reveal(robot, "#ca-offer-1"));
            assertFalse(enabled(robot, "#wizard-next"), "picking is not trusting");
            robot.clickOn(reveal(robot, "#ca-confirm"));
            assertTrue(enabled(robot, "#wizard-next"));
            robot.clickOn(reveal(robot, "#ca-offer-0"));
            assertFalse(enabled(robot, "#wizard-next"), "another pick needs another confirmation");
            robot.clickOn(reveal(robot, "#ca-offer-1"));
            robot.clickOn(reveal(robot, "#ca-confirm"));
            WizardRobot.next(robot);
            WizardRobot.apply(robot, w);

            Path ca = root().resolve(server.registry()).resolve("ca.crt");
            assertEquals(HarborTestServer.ISSUING.certPem().strip(), Files.readString(ca).strip());
            assertEquals("rw-r--r--", mode(ca));
            assertTrue(openssl("x509", "-noout", "-text", "-in", ca.toString()).contains("Harbor Issuing CA"));
            Path root = TestPki.write(home, "harbor-root.pem", HarborTestServer.ROOT.certPem());
            assertTrue(openssl("verify", "-CAfile", root.toString(), ca.toString()).contains(": OK"));
        }
    }

    @Test
    void aProtectedPkcs12AsksForItsPasswordAndOneOfItsCertificatesIsChosen(FxRobot robot) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("registry", Fixtures.SERVER_CA.cert());
        ks.setCertificateEntry("clients", Fixtures.CLIENT_CA.cert());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ks.store(out, "changeit".toCharArray());
        Path p12 = TestPki.write(home, "truststore.p12", out.toByteArray());
        WizardWindow w = open(robot, "reg.example.com");
        robot.clickOn("#ca-file").write(p12.toString());
        robot.clickOn("#ca-file-open");
        waitUntil(() -> shown(robot, "#ca-password"), 10);
        robot.clickOn("#ca-password").write("changeit").type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#ca-offers .offer-card").queryAll().size() == 2, 10);
        int registry = CaCandidate.of(Fixtures.SERVER_CA.cert()).sha256().equals(
                fingerprint(robot, 0)) ? 0 : 1;
        robot.clickOn(reveal(robot, "#ca-offer-" + registry));
        robot.clickOn(reveal(robot, "#ca-confirm"));
        assertEquals("ca.crt", robot.lookup("#ca-file-name").queryAs(TextField.class).getText());
        WizardRobot.next(robot);
        WizardRobot.apply(robot, w);
        List<CertInfo> written = ContentReader.read(Files.readAllBytes(root().resolve("reg.example.com/ca.crt")))
                .certificates();
        assertEquals(1, written.size());
        assertEquals(Fixtures.SERVER_CA.cert(), written.get(0).certificate());
        assertTrue(Files.readString(root().resolve("reg.example.com/ca.crt")).startsWith("-----BEGIN CERTIFICATE-----"));
    }

    @Test
    void pastedFromTheClipboardAndRefusedOnceItIsTrustedAlready(FxRobot robot) throws Exception {
        robot.interact(() -> {
            ClipboardContent c = new ClipboardContent();
            c.putString("copied from the admin's mail:\n" + Fixtures.SERVER_CA.certPem());
            Clipboard.getSystemClipboard().setContent(c);
        });
        WizardWindow w = open(robot, "reg.example.com");
        robot.clickOn("#ca-paste");
        waitUntil(() -> robot.lookup("#ca-offers .offer-card").queryAll().size() == 1, 10);
        assertEquals("1 certificate in pasted text: pick one.", label(robot, "#ca-source-message"));
        robot.clickOn(reveal(robot, "#ca-confirm"));
        WizardRobot.next(robot);
        WizardRobot.apply(robot, w);
        assertEquals(Fixtures.SERVER_CA.certPem().strip(),
                Files.readString(root().resolve("reg.example.com/ca.crt")).strip());

        robot.interact(() -> w.stage().hide());
        WizardWindow again = open(robot, "reg.example.com");
        assertTrue(again != w && again.stage().isShowing());
        robot.clickOn("#ca-paste");
        waitUntil(() -> robot.lookup("#ca-offers .offer-card").queryAll().size() == 1, 10);
        assertEquals("ca-2.crt", robot.lookup("#ca-file-name").queryAs(TextField.class).getText());
        robot.clickOn(reveal(robot, "#ca-confirm"));
        WizardRobot.next(robot);
        waitUntil(() -> again.apply().stateProperty().get() == ApplyViewModel.State.PLAN_FAILED, 10);
        assertEquals("CN=Registry CA,O=Certs.d Test is already trusted here, as "
                + root().resolve("reg.example.com/ca.crt") + ".", label(robot, "#apply-message"));
        assertFalse(Files.exists(root().resolve("reg.example.com/ca-2.crt")));
    }
}
