package dev.certsd.ui.wizard.client;

import static dev.certsd.ui.wizard.WizardRobot.enabled;
import static dev.certsd.ui.wizard.WizardRobot.label;
import static dev.certsd.ui.wizard.WizardRobot.mode;
import static dev.certsd.ui.wizard.WizardRobot.openssl;
import static dev.certsd.ui.wizard.WizardRobot.shown;
import static dev.certsd.ui.wizard.WizardRobot.type;
import static dev.certsd.ui.wizard.WizardRobot.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.diagnose.HostReport;
import dev.certsd.material.CertInfo;
import dev.certsd.material.ContentReader;
import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.testing.Fixtures;
import dev.certsd.testing.TestPki;
import dev.certsd.ui.shell.MainWindow;
import dev.certsd.ui.shell.Startup;
import dev.certsd.ui.shell.StudioContext;
import dev.certsd.ui.wizard.ApplyViewModel;
import dev.certsd.ui.wizard.WizardRobot;
import dev.certsd.ui.wizard.WizardWindow;
import dev.certsd.ui.work.FxBackground;
import dev.certsd.ui.workspace.Node;
import dev.certsd.ui.workspace.NodeKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TreeCell;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the key and client certificate wizard in the real window, each way to its end, and checks the files on
 * disk with Bouncy Castle, the engine's own scan and openssl.
 */
@ExtendWith(ApplicationExtension.class)
class ClientWizardTest {
    static final String HOST = "reg.example.com:5000";
    @TempDir
    Path home;
    private StudioContext context;
    private MainWindow window;
    private Stage primary;

    private Path root() {
        return home.resolve("certs.d");
    }

    private Path host() {
        return root().resolve(HOST);
    }

    @Start
    void start(Stage stage) throws Exception {
        TestPki.write(host(), "ca.crt", Fixtures.SERVER_CA.certPem());
        primary = stage;
        context = WizardRobot.context(home, List.of(CertsRoot.custom(root(), Client.DOCKER)));
        window = new MainWindow(context);
        window.show(stage, Startup.NONE);
    }

    @BeforeEach
    void treeLoaded() throws Exception {
        waitUntil(() -> window.roots().node(NodeKey.ofHost(root(), HOST)).isPresent(), 20);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).stream().filter(w -> w != primary)
                .forEach(Window::hide));
        context.watcher().close();
        ((FxBackground) context.background()).close();
    }

    @Test
    void selfSignedFromTheContextMenuMakesAPairOpensslAccepts(FxRobot robot) throws Exception {
        WizardWindow w = fromContextMenu(robot);
        assertEquals(HOST, robot.lookup("#target-registry").queryAs(javafx.scene.control.TextField.class).getText());
        WizardRobot.next(robot);
        assertTrue(robot.lookup("#client-way-SELF_SIGNED").queryAs(javafx.scene.control.RadioButton.class).isSelected());
        WizardRobot.next(robot);
        assertEquals("client.cert will be the only client certificate of this registry: the client sends it "
                + "whenever the registry asks.", robot.lookup("#client-placement .label")
                .queryAs(javafx.scene.control.Label.class).getText());
        chooseKey(robot, "RSA 2048 (fastest RSA)");
        type(robot, "#client-cn", "");
        assertTrue(shown(robot, "#client-cn-problem"));
        assertFalse(enabled(robot, "#wizard-next"));
        robot.write("laptop");
        assertFalse(shown(robot, "#client-cn-problem"));
        type(robot, "#client-o", "Example Corp");
        type(robot, "#client-days", "30");
        WizardRobot.next(robot);
        WizardRobot.apply(robot, w);

        Path cert = host().resolve("client.cert");
        Path key = host().resolve("client.key");
        assertEquals("rw-------", mode(key));
        assertEquals("rw-r--r--", mode(cert));
        CertInfo c = ContentReader.read(Files.readAllBytes(cert)).certificates().get(0);
        assertEquals("CN=laptop,O=Example Corp", c.subject());
        assertTrue(c.selfSigned());
        assertEquals(List.of("clientAuth"), c.extendedKeyUsages());
        assertEquals(30, TimeUnit.SECONDS.toDays(c.notAfter().getEpochSecond() - c.notBefore().getEpochSecond()));
        HostReport report = Fixtures.scan(host());
        assertNull(report.configError());
        assertTrue(openssl("x509", "-noout", "-text", "-in", cert.toString()).contains("TLS Web Client Authentication"));
        assertTrue(openssl("rsa", "-check", "-noout", "-in", key.toString()).contains("RSA key ok"));
        assertTrue(openssl("verify", "-CAfile", cert.toString(), cert.toString()).contains(": OK"));
        // the main window follows: the new pair is in the tree
        waitUntil(() -> window.roots().node(NodeKey.ofFile(root(), HOST, "client.cert")).isPresent(), 10);
    }

    @Test
    void signedByAnEncryptedCaAsksForThePassphraseAndOpensslVerifiesTheChain(FxRobot robot) throws Exception {
        Path caCert = TestPki.write(home.resolve("ca"), "client-ca.pem", Fixtures.CLIENT_CA.certPem());
        Path caKey = TestPki.write(home.resolve("ca"), "client-ca.key",
                TestPki.encryptedPkcs8Pem(Fixtures.CLIENT_CA.keys().getPrivate(), "open sesame"));
        robot.interact(() -> window.roots().selectedKeyProperty().set(null));
        robot.clickOn("#roots-tree");
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil(() -> window.wizards().last() != null, 5);
        WizardWindow w = window.wizards().last();
        assertFalse(enabled(robot, "#wizard-next"), "no registry yet");
        robot.clickOn("#target-registry").write(HOST);
        WizardRobot.next(robot);
        robot.clickOn("#client-way-SIGNED_BY_CA");
        WizardRobot.next(robot);
        type(robot, "#client-name", "laptop");
        assertTrue(label(robot, "#client-placement .label").startsWith("laptop.cert will be the only client"));
        chooseKey(robot, "EC P-256 (small and fast)");
        type(robot, "#client-cn", "laptop");
        WizardRobot.next(robot);
        assertEquals("Your CA", label(robot, "#wizard-page-title"));
        robot.clickOn("#client-ca-cert").write(caCert.toString());
        robot.clickOn("#client-ca-key").write(caKey.toString());
        waitUntil(() -> shown(robot, "#client-ca-passphrase"), 10);
        assertEquals("This key is encrypted: enter its passphrase.", label(robot, "#client-ca-problem"));
        robot.clickOn("#client-ca-passphrase").write("open sesame!");
        waitUntil(() -> label(robot, "#client-ca-problem").startsWith("The passphrase does not decrypt"), 10);
        assertFalse(enabled(robot, "#wizard-next"));
        robot.type(KeyCode.BACK_SPACE);
        waitUntil(() -> label(robot, "#client-ca-summary").startsWith("CA read: CN=Client CA,O=Certs.d Test"), 10);
        assertFalse(shown(robot, "#client-ca-problem"));
        WizardRobot.next(robot);
        WizardRobot.apply(robot, w);

        Path cert = host().resolve("laptop.cert");
        assertEquals("rw-------", mode(host().resolve("laptop.key")));
        CertInfo c = ContentReader.read(Files.readAllBytes(cert)).certificates().get(0);
        assertEquals("CN=Client CA,O=Certs.d Test", c.issuer());
        c.certificate().verify(Fixtures.CLIENT_CA.cert().getPublicKey());
        assertTrue(openssl("verify", "-CAfile", caCert.toString(), cert.toString()).contains(": OK"));
        assertTrue(openssl("x509", "-noout", "-text", "-in", cert.toString()).contains("TLS Web Client Authentication"));
        assertNull(Fixtures.scan(host()).configError());
    }

    @Test
    void aRequestKeepsItsKeyOutOfCertsDUntilTheSignedCertificateIsImported(FxRobot robot) throws Exception {
        Path csr = home.resolve("requests/laptop.csr");
        WizardWindow w = fromContextMenu(robot);
        WizardRobot.next(robot);
        robot.clickOn("#client-way-REQUEST");
        WizardRobot.next(robot);
        type(robot, "#client-name", "laptop");
        chooseKey(robot, "RSA 2048 (fastest RSA)");
        type(robot, "#client-cn", "laptop");
        assertFalse(shown(robot, "#client-days"), "the CA decides the validity");
        WizardRobot.next(robot);
        type(robot, "#client-csr", csr.toString());
        assertFalse(shown(robot, "#client-csr-problem"));
        WizardRobot.next(robot);
        WizardRobot.apply(robot, w);

        assertTrue(openssl("req", "-verify", "-noout", "-in", csr.toString()).contains("verify OK"));
        try (var files = Files.list(host())) {
            assertEquals(List.of("ca.crt"), files.map(p -> p.getFileName().toString()).toList(),
                    "no lone key in certs.d");
        }
        Path pending = home.resolve("data/pending-keys");
        Path waitingKey;
        try (var files = Files.list(pending)) {
            waitingKey = files.filter(p -> p.toString().endsWith(".key")).findFirst().orElseThrow();
        }
        assertEquals("rw-------", mode(waitingKey));

        // the corporate CA signs it (openssl, as a CA would)
        Path caCert = TestPki.write(home.resolve("ca"), "client-ca.pem", Fixtures.CLIENT_CA.certPem());
        Path caKey = TestPki.write(home.resolve("ca"), "client-ca.key", Fixtures.CLIENT_CA.keyPem());
        Path signed = home.resolve("signed.pem");
        openssl("x509", "-req", "-in", csr.toString(), "-CA", caCert.toString(), "-CAkey", caKey.toString(),
                "-set_serial", "4242", "-days", "90", "-out", signed.toString());

        robot.interact(() -> w.stage().hide());
        robot.clickOn("#roots-tree");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.I).release(KeyCode.I, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> window.wizards().last() != w, 5);
        WizardWindow imp = window.wizards().last();
        assertEquals("Import signed certificate", imp.stage().getTitle());
        waitUntil(() -> robot.lookup("#signed-waiting").queryTableView().getItems().size() == 1, 10);
        robot.clickOn("#signed-certificate").write(signed.toString());
        waitUntil(() -> label(robot, "#signed-summary").startsWith("Certificate for CN=laptop, issued by "
                + "CN=Client CA,O=Certs.d Test: it answers the request laptop"), 10);
        assertEquals("laptop", robot.lookup("#signed-name").queryAs(javafx.scene.control.TextField.class).getText());
        WizardRobot.next(robot);
        WizardRobot.apply(robot, imp);

        assertFalse(Files.exists(waitingKey), "the waiting key moved into certs.d");
        assertEquals("rw-------", mode(host().resolve("laptop.key")));
        assertTrue(openssl("verify", "-CAfile", caCert.toString(), host().resolve("laptop.cert").toString())
                .contains(": OK"));
        assertTrue(openssl("rsa", "-check", "-noout", "-in", host().resolve("laptop.key").toString())
                .contains("RSA key ok"));
        assertNull(Fixtures.scan(host()).configError());
    }

    @Test
    void cancelWhileTheKeyIsMadeKeepsTheWindowAliveAndWritesNothing(FxRobot robot) throws Exception {
        WizardWindow w = fromContextMenu(robot);
        WizardRobot.next(robot);
        WizardRobot.next(robot);
        type(robot, "#client-name", "slow");
        chooseKey(robot, "RSA 4096 (default, as the Docker documentation)");
        javafx.scene.control.Button stop = null;
        // an RSA 4096 key takes seconds, now and then less than the checks below: then back, and again
        for (int attempt = 0; attempt < 6 && w.apply().stateProperty().get() != ApplyViewModel.State.CANCELLED;
             attempt++) {
            if (attempt > 0) {
                robot.clickOn("#wizard-back");
            }
            WizardRobot.next(robot);
            assertTrue(shown(robot, "#apply-progress") || w.apply().stateProperty().get() != ApplyViewModel.State
                    .PLANNING);
            assertTrue(label(robot, "#apply-progress-text").startsWith("Generating the RSA 4096 key")
                    || w.apply().stateProperty().get() != ApplyViewModel.State.PLANNING);
            // the UI thread answers at once while the key is being made
            long t0 = System.nanoTime();
            WaitForAsyncUtils.asyncFx(() -> true).get(500, TimeUnit.MILLISECONDS);
            assertTrue(System.nanoTime() - t0 < TimeUnit.MILLISECONDS.toNanos(500));
            stop = robot.lookup("#apply-stop").queryButton();
            javafx.scene.control.Button button = stop;
            robot.interact(() -> {
                if (w.apply().stateProperty().get() == ApplyViewModel.State.PLANNING) {
                    button.fire();
                }
            });
        }
        assertEquals(ApplyViewModel.State.CANCELLED, w.apply().stateProperty().get());
        assertEquals("Cancelled: nothing was written. Go back to change something, or Back and Next to start again.",
                label(robot, "#apply-message"));
        assertFalse(shown(robot, "#apply-progress"));
        Thread.sleep(300);
        assertEquals(ApplyViewModel.State.CANCELLED, w.apply().stateProperty().get(), "a late key changes nothing");
        assertFalse(Files.exists(host().resolve("slow.key")));
        assertEquals("Cancel", robot.lookup("#wizard-cancel").queryButton().getText());
        assertEquals("Stop", stop.getText());
    }

    @Test
    void anExistingPairIsReplacedOnlyByExplicitChoiceAndUndoBringsItBack(FxRobot robot) throws Exception {
        Fixtures.healthy(host());
        byte[] before = Files.readAllBytes(host().resolve("client.cert"));
        waitUntil(() -> window.roots().node(NodeKey.ofFile(root(), HOST, "client.cert")).isPresent(), 10);
        WizardWindow w = fromContextMenu(robot);
        WizardRobot.next(robot);
        WizardRobot.next(robot);
        assertTrue(shown(robot, "#client-name-problem"));
        assertEquals("client.cert, client.key already there: tick “Replace the existing pair” or choose another name.",
                label(robot, "#client-name-problem"));
        assertFalse(enabled(robot, "#wizard-next"));
        robot.clickOn("#client-overwrite");
        assertFalse(shown(robot, "#client-name-problem"));
        chooseKey(robot, "EC P-256 (small and fast)");
        WizardRobot.next(robot);
        waitUntil(() -> w.apply().stateProperty().get() == ApplyViewModel.State.READY, 30);
        assertTrue(w.apply().steps().stream().anyMatch(s -> s.startsWith("Replace " + host().resolve("client.key"))),
                w.apply().steps().toString());
        WizardRobot.apply(robot, w);
        assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(host().resolve("client.cert"))));

        robot.clickOn("#apply-undo");
        waitUntil(() -> w.apply().stateProperty().get() == ApplyViewModel.State.UNDONE, 10);
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(host().resolve("client.cert"))));
        assertEquals("rw-------", mode(host().resolve("client.key")));
    }

    @Test
    void theWizardGoesOnWithTheKeyboardAlone(FxRobot robot) throws Exception {
        robot.interact(() -> window.roots().selectedKeyProperty().set(NodeKey.ofHost(root(), HOST)));
        robot.clickOn("#roots-tree");
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil(() -> window.wizards().last() != null && window.wizards().last().stage().isShowing(), 5);
        WizardWindow w = window.wizards().last();
        waitUntil(() -> w.stage().getScene().getFocusOwner() != null
                && "target-registry".equals(w.stage().getScene().getFocusOwner().getId()), 5);
        robot.type(KeyCode.ENTER);
        assertEquals("How", label(robot, "#wizard-page-title"));
        // the focus is on the first way: arrow keys choose, Enter goes on (it does not just select the radio again)
        waitUntil(() -> w.stage().getScene().getFocusOwner() instanceof javafx.scene.control.RadioButton, 5);
        robot.type(KeyCode.DOWN);
        assertTrue(robot.lookup("#client-way-SIGNED_BY_CA").queryAs(javafx.scene.control.RadioButton.class)
                .isSelected());
        robot.type(KeyCode.ENTER);
        assertEquals("Name, key and subject", label(robot, "#wizard-page-title"));
        robot.press(KeyCode.ALT, KeyCode.B).release(KeyCode.B, KeyCode.ALT);
        assertEquals("How", label(robot, "#wizard-page-title"));
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !w.stage().isShowing(), 5);
    }

    /** Selects the host directory, right-clicks it and picks "New client certificate…". */
    private WizardWindow fromContextMenu(FxRobot robot) throws Exception {
        NodeKey key = NodeKey.ofHost(root(), HOST);
        robot.interact(() -> window.roots().selectedKeyProperty().set(key));
        waitUntil(() -> cell(robot, key) != null, 5);
        TreeCell<Node> cell = cell(robot, key);
        robot.clickOn(cell);
        // what the platform makes of a right click (Monocle has no platform to ask)
        javafx.geometry.Bounds b = cell.localToScreen(cell.getBoundsInLocal());
        robot.interact(() -> cell.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 10, 10,
                b.getMinX() + 10, b.getMinY() + 10, false, null)));
        robot.clickOn("New client certificate…");
        waitUntil(() -> window.wizards().last() != null && window.wizards().last().stage().isShowing(), 5);
        return window.wizards().last();
    }

    private static void chooseKey(FxRobot robot, String label) {
        robot.clickOn("#client-key");
        robot.clickOn(label);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static TreeCell<Node> cell(FxRobot robot, NodeKey key) {
        for (javafx.scene.Node n : robot.lookup(".tree-cell").queryAll()) {
            TreeCell<Node> c = (TreeCell<Node>) n;
            if (c.isVisible() && c.getItem() != null && c.getItem().key().equals(key)) {
                return c;
            }
        }
        return null;
    }
}
