package dev.certsd.ui.wizard.registry;

import static dev.certsd.ui.wizard.WizardRobot.enabled;
import static dev.certsd.ui.wizard.WizardRobot.label;
import static dev.certsd.ui.wizard.WizardRobot.shown;
import static dev.certsd.ui.wizard.WizardRobot.type;
import static dev.certsd.ui.wizard.WizardRobot.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.ui.shell.MainWindow;
import dev.certsd.ui.shell.Startup;
import dev.certsd.ui.shell.StudioContext;
import dev.certsd.ui.wizard.ApplyViewModel;
import dev.certsd.ui.wizard.WizardRobot;
import dev.certsd.ui.wizard.WizardWindow;
import dev.certsd.ui.work.FxBackground;
import dev.certsd.ui.workspace.NodeKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
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

/** Drives the new-registry wizard in the real window: typing, the checks under the field, the directory made. */
@ExtendWith(ApplicationExtension.class)
class RegistryWizardTest {
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
    void problemsAppearUnderTheFieldAsTheUserTypesAndTheDirectoryIsMade(FxRobot robot) throws Exception {
        robot.clickOn("#roots-tree");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N).release(KeyCode.N, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> window.wizards().last() != null && window.wizards().last().stage().isShowing(), 5);
        WizardWindow w = window.wizards().last();
        assertEquals("New registry directory", w.stage().getTitle());
        assertFalse(shown(robot, "#registry-input-problem"), "no red before the user typed");
        assertFalse(enabled(robot, "#wizard-next"));

        robot.clickOn("#registry-input").write("reg.example.com:9999");
        assertFalse(shown(robot, "#registry-input-problem"), "9999 is a port");
        robot.write("9");
        assertTrue(shown(robot, "#registry-input-problem"));
        assertEquals("The port in reg.example.com:99999 is not between 1 and 65535.",
                label(robot, "#registry-input-problem"));
        robot.type(KeyCode.BACK_SPACE);
        assertFalse(shown(robot, "#registry-input-problem"));

        type(robot, "#registry-input", "my image");
        assertEquals("A registry name has no spaces: \"my image\".", label(robot, "#registry-input-problem"));
        type(robot, "#registry-input", "127.0.0.1:5000");
        assertTrue(shown(robot, "#registry-warnings-0"));
        assertTrue(robot.lookup("#registry-warnings-0 .label").queryAs(javafx.scene.control.Label.class).getText()
                .startsWith("Docker treats 127.0.0.1:5000 as an insecure registry"));

        type(robot, "#registry-input", "https://reg.example.com:443");
        assertFalse(shown(robot, "#registry-input-problem"));
        assertFalse(shown(robot, "#registry-warnings-0"));
        assertEquals("Directory: " + root().resolve("reg.example.com") + " (will be created)",
                label(robot, "#registry-dir-0"));
        assertTrue(robot.lookup("#registry-root-0").queryAs(CheckBox.class).isSelected());
        WizardRobot.next(robot);
        WizardRobot.apply(robot, w);
        assertTrue(Files.isDirectory(root().resolve("reg.example.com")));
        NodeKey made = NodeKey.ofHost(root(), "reg.example.com");
        waitUntil(() -> made.equals(window.roots().selectedKeyProperty().get()), 10);

        assertTrue(shown(robot, "#registry-continue-client"));
        robot.clickOn("#registry-continue-client");
        waitUntil(() -> window.wizards().last() != w && window.wizards().last().stage().isShowing(), 5);
        assertFalse(w.stage().isShowing());
        assertEquals("reg.example.com", robot.lookup("#target-registry").queryAs(TextField.class).getText());
        assertEquals("Directory: " + root().resolve("reg.example.com") + " (exists)", label(robot, "#target-directory"));
    }

    @Test
    void theAdministratorPathShowsTheScriptToCopyAndRunsWithThePrivilegePrompt(FxRobot robot) throws Exception {
        dev.certsd.testing.RootOnly.require("running the prepared script in place of pkexec");
        List<Path> asked = new ArrayList<>();
        window.wizards().usePrivilegedRunner(new dev.certsd.files.PrivilegedRunner() {
            @Override
            public boolean available() {
                return true;
            }

            @Override
            public Result run(dev.certsd.files.PreparedChange prepared) throws java.io.IOException,
                    InterruptedException {
                asked.add(prepared.directory());
                // what pkexec does once the password is typed: the prepared change, as root
                Path script = prepared.directory().resolve("apply.sh");
                ProcessBuilder pb = new ProcessBuilder("sh", script.toString()).redirectErrorStream(true);
                // the test's root, listed as an administrator lists a custom root for the privileged path
                pb.environment().put("CERTSD_ROOTS_FILE",
                        java.nio.file.Files.writeString(home.resolve("roots"), root() + "\n").toString());
                Process p = pb.start();
                String out = new String(p.getInputStream().readAllBytes());
                return new Result(p.waitFor(), out);
            }
        });
        // "as administrator anyway" is offered where the folder belongs to someone else (here: nobody)
        Files.setOwner(root(), root().getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        robot.clickOn("#roots-tree");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N).release(KeyCode.N, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> window.wizards().last() != null, 5);
        WizardWindow w = window.wizards().last();
        robot.clickOn("#registry-input").write("secure.example.com");
        WizardRobot.next(robot);
        waitUntil(() -> w.apply().stateProperty().get() == ApplyViewModel.State.READY, 10);
        robot.clickOn("#apply-as-administrator");
        robot.clickOn("#wizard-apply");
        waitUntil(() -> w.apply().stateProperty().get() == ApplyViewModel.State.NEEDS_PRIVILEGE, 10);
        assertFalse(Files.exists(root().resolve("secure.example.com")), "prepared, not written");
        assertTrue(shown(robot, "#apply-script"));
        assertTrue(robot.lookup("#apply-script").queryAs(javafx.scene.control.TextArea.class).getText()
                .contains(root().resolve("secure.example.com").toString()));
        robot.clickOn(WizardRobot.reveal(robot, "#apply-copy-command"));
        String copied = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard
                .getSystemClipboard().getString()).get();
        assertTrue(copied.matches("sudo sh /.*/apply\\.sh"), copied);
        assertEquals("Close", robot.lookup("#wizard-cancel").queryButton().getText());

        robot.clickOn(WizardRobot.reveal(robot, "#apply-run-elevated"));
        waitUntil(() -> w.apply().stateProperty().get() == ApplyViewModel.State.DONE, 20);
        assertEquals(1, asked.size(), "the helper ran once, on the prepared change");
        assertTrue(Files.isDirectory(root().resolve("secure.example.com")));
        waitUntil(() -> NodeKey.ofHost(root(), "secure.example.com").equals(window.roots().selectedKeyProperty().get()),
                10);
    }

    @Test
    void aRegistryWhoseDirectoryExistsHasNothingToDoButStillGoesOn(FxRobot robot) throws Exception {
        Files.createDirectories(root().resolve("reg.example.com:5000"));
        robot.clickOn("#wizards-button");
        robot.clickOn("New registry…");
        waitUntil(() -> window.wizards().last() != null, 5);
        WizardWindow w = window.wizards().last();
        robot.clickOn("#registry-input").write("reg.example.com:5000");
        assertEquals("Directory: " + root().resolve("reg.example.com:5000") + " (exists)",
                label(robot, "#registry-dir-0"));
        WizardRobot.next(robot);
        waitUntil(() -> w.apply().stateProperty().get() == ApplyViewModel.State.NOTHING_TO_DO, 10);
        assertEquals("Nothing to do: every directory exists already.", label(robot, "#apply-message"));
        assertFalse(shown(robot, "#wizard-apply") && enabled(robot, "#wizard-apply"));
        assertTrue(shown(robot, "#registry-continue-ca"));
        robot.clickOn("#registry-continue-ca");
        waitUntil(() -> window.wizards().last() != w, 5);
        assertEquals("Import a CA root", window.wizards().last().stage().getTitle());
    }
}
