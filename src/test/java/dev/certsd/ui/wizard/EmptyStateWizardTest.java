package dev.certsd.ui.wizard;

import static dev.certsd.testing.FxStudio.waitUntil;
import static dev.certsd.ui.wizard.WizardRobot.enabled;
import static dev.certsd.ui.wizard.WizardRobot.shown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.testing.FxStudio;
import dev.certsd.ui.shell.MainWindow;
import dev.certsd.ui.shell.Startup;
import dev.certsd.ui.shell.StudioContext;
import dev.certsd.ui.workspace.NodeKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

/** A machine without any certs root: the empty state offers the wizard, which makes the root and the directory. */
@ExtendWith(ApplicationExtension.class)
class EmptyStateWizardTest {
    @RegisterExtension
    final FxStudio studio = new FxStudio();
    @TempDir
    Path home;
    private StudioContext context;
    private MainWindow window;
    private Stage primary;

    @Start
    void start(Stage stage) throws Exception {
        primary = stage;
        context = studio.on(home).roots(List.of()).open();
        window = new MainWindow(context);
        window.show(stage, Startup.NONE);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).stream().filter(w -> w != primary)
                .forEach(Window::hide));
    }

    @Test
    void theEmptyStateOffersANewRegistryWhoseFolderBecomesARoot(FxRobot robot) throws Exception {
        Path root = home.resolve("etc/docker/certs.d");
        assertTrue(shown(robot, "#empty-new-registry"));
        robot.clickOn("#empty-new-registry");
        waitUntil(() -> window.wizards().last() != null, 5);
        WizardWindow w = window.wizards().last();
        // the welcome's default is the guided setup: the registry, then a folder, as there is no root yet
        assertEquals("Set up a registry", w.stage().getTitle());
        robot.clickOn("#target-registry").write("registry.example.com");
        assertFalse(enabled(robot, "#wizard-next"), "no root to write into yet");
        robot.clickOn("#wizard-folder").write("etc/docker/certs.d");
        assertTrue(shown(robot, "#wizard-folder-problem"));
        assertFalse(enabled(robot, "#wizard-folder-add"));
        WizardRobot.type(robot, "#wizard-folder", root.toString());
        assertFalse(shown(robot, "#wizard-folder-problem"));
        robot.clickOn("#wizard-folder-add");
        assertEquals("Directory: " + root.resolve("registry.example.com") + " (will be created)",
                WizardRobot.label(robot, "#target-directory"));
        WizardRobot.next(robot);
        robot.clickOn("#setup-trust-PUBLIC");
        WizardRobot.next(robot);
        robot.clickOn("#setup-client-NONE");
        WizardRobot.next(robot);
        WizardRobot.apply(robot, w);
        assertTrue(Files.isDirectory(root.resolve("registry.example.com")));
        waitUntil(() -> NodeKey.ofHost(root, "registry.example.com").equals(
                window.roots().selectedKeyProperty().get()), 10);
        assertFalse(robot.lookup("#empty-state").query().isVisible());
    }
}
