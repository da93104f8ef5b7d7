package dev.certsd.ui.wizard;

import static dev.certsd.testing.FxStudio.waitUntil;
import static dev.certsd.ui.wizard.WizardRobot.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.testing.Fixtures;
import dev.certsd.testing.FxStudio;
import dev.certsd.ui.shell.MainWindow;
import dev.certsd.ui.shell.Startup;
import dev.certsd.ui.shell.StudioContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every wizard from the keyboard's side: after clicking Next to the last page, Enter applies (it never lands on
 * Cancel and throws the input away), Cancel is never the default button, and Escape cancels without writing.
 */
@ExtendWith(ApplicationExtension.class)
class WizardKeyboardTest {
    @RegisterExtension
    final FxStudio studio = new FxStudio();
    private static final String HOST = "reg.example.com";
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
        context = studio.on(home).roots(List.of(CertsRoot.custom(root(), Client.DOCKER))).open();
        window = new MainWindow(context);
        window.show(stage, Startup.NONE);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).stream().filter(w -> w != primary)
                .forEach(Window::hide));
    }

    @Test
    void enterOnTheLastPageOfTheRegistryWizardMakesTheDirectory(FxRobot robot) throws Exception {
        WizardWindow w = open(robot, () -> window.wizards().newRegistry(Optional.empty()));
        robot.clickOn("#registry-input").write(HOST);
        WizardRobot.next(robot);
        waitUntil(() -> w.apply().stateProperty().get() == ApplyViewModel.State.READY, 30);
        assertEquals("The same in a shell", WizardRobot.label(robot, "#apply-openssl-title"), "mkdir is no openssl");
        enterApplies(robot, w);
        assertTrue(Files.isDirectory(root().resolve(HOST)));
        assertTrue(window.roots().noticeProperty().get().startsWith("Done: "), window.roots().noticeProperty().get());
    }

    @Test
    void enterOnTheLastPageOfTheClientWizardWritesThePair(FxRobot robot) throws Exception {
        Files.createDirectories(root().resolve(HOST));
        WizardWindow w = open(robot, () -> window.wizards().newClient(Optional.empty()));
        type(robot, "#target-registry", HOST);
        WizardRobot.next(robot);
        WizardRobot.next(robot);
        robot.clickOn("#client-key");
        robot.clickOn("RSA 2048 (fastest RSA)");
        type(robot, "#client-cn", "laptop");
        WizardRobot.next(robot);
        waitUntil(() -> w.apply().stateProperty().get() == ApplyViewModel.State.READY, 60);
        assertEquals("The same with openssl", WizardRobot.label(robot, "#apply-openssl-title"));
        enterApplies(robot, w);
        assertTrue(Files.exists(root().resolve(HOST).resolve("client.cert")));
        assertTrue(Files.exists(root().resolve(HOST).resolve("client.key")));
    }

    @Test
    void enterOnTheLastPageOfTheCaImportWritesTheCa(FxRobot robot) throws Exception {
        robot.interact(() -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(Fixtures.SERVER_CA.certPem());
            Clipboard.getSystemClipboard().setContent(c);
        });
        WizardWindow w = open(robot, () -> window.wizards().importCa(Optional.empty()));
        type(robot, "#target-registry", HOST);
        WizardRobot.next(robot);
        robot.clickOn("#ca-paste");
        waitUntil(() -> robot.lookup("#ca-offers .offer-card").queryAll().size() == 1, 10);
        robot.clickOn(WizardRobot.reveal(robot, "#ca-confirm"));
        WizardRobot.next(robot);
        enterApplies(robot, w);
        assertTrue(Files.exists(root().resolve(HOST).resolve("ca.crt")));
    }

    @Test
    void enterOnTheLastPageOfTheTestPkiWritesBothSides(FxRobot robot) throws Exception {
        WizardWindow w = open(robot, () -> window.wizards().testPki(Optional.empty()));
        type(robot, "#target-registry", "registry.test:5443");
        WizardRobot.next(robot);
        type(robot, "#testpki-server-out", home.resolve("server").toString());
        type(robot, "#testpki-storage", home.resolve("storage").toString());
        WizardRobot.next(robot);
        robot.clickOn("#testpki-key");
        robot.clickOn("RSA 2048 (fastest RSA)");
        WizardRobot.next(robot);
        enterApplies(robot, w);
        assertTrue(Files.exists(root().resolve("registry.test:5443").resolve("ca.crt")));
    }

    @Test
    void escapeCancelsAWizardWithoutWriting(FxRobot robot) throws Exception {
        WizardWindow w = open(robot, () -> window.wizards().newRegistry(Optional.empty()));
        robot.clickOn("#registry-input").write(HOST);
        WizardRobot.next(robot);
        waitUntil(() -> w.apply().stateProperty().get() == ApplyViewModel.State.READY, 30);
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !w.stage().isShowing(), 5);
        assertFalse(Files.exists(root().resolve(HOST)), "nothing written");
    }

    /** The focus is not on Cancel, Cancel is not the default, and Enter applies; then Enter closes. */
    private static void enterApplies(FxRobot robot, WizardWindow w) throws Exception {
        waitUntil(() -> w.apply().stateProperty().get() != ApplyViewModel.State.PLANNING, 60);
        assertEquals(ApplyViewModel.State.READY, w.apply().stateProperty().get(),
                () -> w.apply().messageProperty().get() + " " + w.apply().problems());
        Button cancel = robot.lookup("#wizard-cancel").queryButton();
        assertFalse(cancel.isDefaultButton(), "Cancel is never the default button");
        assertTrue(robot.lookup("#wizard-apply").queryButton().isDefaultButton());
        waitUntil(() -> w.stage().getScene().getFocusOwner() != null, 5);
        assertNotEquals("wizard-cancel", w.stage().getScene().getFocusOwner().getId());
        // even with the focus moved onto Cancel by hand, Enter goes forward
        robot.interact(cancel::requestFocus);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> w.apply().stateProperty().get() != ApplyViewModel.State.READY
                && w.apply().stateProperty().get() != ApplyViewModel.State.APPLYING, 30);
        assertEquals(ApplyViewModel.State.DONE, w.apply().stateProperty().get(),
                () -> w.apply().messageProperty().get() + " " + w.apply().problems());
        assertTrue(w.stage().isShowing(), "the Done page stays until the user closes it");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> !w.stage().isShowing(), 5);
    }

    private WizardWindow open(FxRobot robot, java.util.function.Supplier<WizardWindow> how) throws Exception {
        WizardWindow[] w = new WizardWindow[1];
        robot.interact(() -> w[0] = how.get());
        waitUntil(() -> w[0].stage().isShowing(), 5);
        return w[0];
    }

}
