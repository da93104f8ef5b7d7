package dev.certsd.ui.wizard.testpki;

import static dev.certsd.ui.wizard.WizardRobot.mode;
import static dev.certsd.ui.wizard.WizardRobot.openssl;
import static dev.certsd.ui.wizard.WizardRobot.shown;
import static dev.certsd.ui.wizard.WizardRobot.type;
import static dev.certsd.ui.wizard.WizardRobot.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.material.CertInfo;
import dev.certsd.material.ContentReader;
import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.testing.Fixtures;
import dev.certsd.ui.shell.MainWindow;
import dev.certsd.ui.shell.Startup;
import dev.certsd.ui.shell.StudioContext;
import dev.certsd.ui.wizard.ApplyViewModel;
import dev.certsd.ui.wizard.WizardRobot;
import dev.certsd.ui.wizard.WizardWindow;
import dev.certsd.ui.work.FxBackground;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the test PKI wizard in the real window: both sides written, the snippets shown and copied. */
@ExtendWith(ApplicationExtension.class)
class TestPkiWizardTest {
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
        context = WizardRobot.context(home, List.of(CertsRoot.custom(root(), Client.DOCKER)));
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

    @Test
    void bothSidesAreWrittenAndTheSnippetsAreShownToCopy(FxRobot robot) throws Exception {
        Path server = home.resolve("server");
        robot.clickOn("#wizards-button");
        robot.clickOn("Test PKI…");
        waitUntil(() -> window.wizards().last() != null, 5);
        WizardWindow w = window.wizards().last();
        robot.clickOn("#target-registry").write("registry.test:5443");
        WizardRobot.next(robot);
        robot.clickOn("#testpki-sans").write("127.0.0.1, registry.internal, bad_name!");
        assertTrue(shown(robot, "#testpki-sans-problem"));
        type(robot, "#testpki-sans", "127.0.0.1, registry.internal");
        assertEquals("The server certificate will be valid for: registry.test, 127.0.0.1, registry.internal",
                WizardRobot.label(robot, "#testpki-sans-summary"));
        type(robot, "#testpki-server-out", server.toString());
        type(robot, "#testpki-storage", home.resolve("storage").toString());
        WizardRobot.next(robot);
        type(robot, "#testpki-cn", "ci-runner");
        robot.clickOn("#testpki-key");
        robot.clickOn("RSA 2048 (fastest RSA)");
        WizardRobot.next(robot);
        waitUntil(() -> w.apply().stateProperty().get() == ApplyViewModel.State.READY, 60);

        String config = robot.lookup("#testpki-config").queryAs(TextArea.class).getText();
        assertTrue(config.contains("    clientcas:\n      - \"" + server.resolve("client-ca.crt") + "\""), config);
        assertTrue(robot.lookup("#testpki-nginx").queryAs(TextArea.class).getText().contains("ssl_verify_client on;"));
        robot.clickOn(WizardRobot.reveal(robot, "#testpki-config-copy"));
        assertEquals(config, WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get());
        WizardRobot.apply(robot, w);

        assertEquals(config, Files.readString(server.resolve("config.yml")));
        for (String key : List.of("registry-ca.key", "server.key", "client-ca.key")) {
            assertEquals("rw-------", mode(server.resolve(key)), key);
        }
        Path host = root().resolve("registry.test:5443");
        assertEquals("rw-------", mode(host.resolve("client.key")));
        CertInfo serverCert = ContentReader.read(Files.readAllBytes(server.resolve("server.crt"))).certificates().get(0);
        assertEquals(List.of("DNS:registry.test", "IP:127.0.0.1", "DNS:registry.internal"),
                serverCert.subjectAltNames());
        assertTrue(openssl("verify", "-CAfile", server.resolve("registry-ca.crt").toString(),
                server.resolve("server.crt").toString()).contains(": OK"));
        assertTrue(openssl("verify", "-CAfile", server.resolve("client-ca.crt").toString(),
                host.resolve("client.cert").toString()).contains(": OK"));
        assertTrue(openssl("rsa", "-check", "-noout", "-in", host.resolve("client.key").toString())
                .contains("RSA key ok"));
        assertTrue(openssl("x509", "-noout", "-text", "-in", host.resolve("client.cert").toString())
                .contains("Subject: O = Certs.d Studio test PKI, CN = ci-runner"));
        assertNull(Fixtures.scan(host).configError());
    }
}
