package dev.certsd.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.roots.CertsRoot;
import dev.certsd.testing.ExternalTools;
import dev.certsd.testing.Fixtures;
import dev.certsd.ui.shell.AppDirs;
import dev.certsd.ui.shell.StudioContext;
import dev.certsd.ui.work.FxBackground;
import dev.certsd.ui.workspace.RootWatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the wizard tests do again and again: a window on temporary roots, typing into fields, waiting, openssl. */
public final class WizardRobot {
    private WizardRobot() {
    }

    /** The real window's dependencies on a temporary home: these roots, English, worker threads, a watcher. */
    public static StudioContext context(Path home, List<CertsRoot> roots) throws java.io.IOException {
        return new StudioContext(() -> roots, new AppDirs(home.resolve("config"), home.resolve("data")),
                Locale.ENGLISH, Clock.systemUTC(), new FxBackground(), new RootWatcher(),
                root -> Fixtures.options(root.client()));
    }

    /** Clicks the field (a headless stage takes no focus by itself), selects what it holds, and types over it. */
    public static void type(FxRobot robot, String query, String text) {
        TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
        robot.clickOn(field);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        if (text.isEmpty()) {
            robot.type(KeyCode.BACK_SPACE);
        } else {
            robot.write(text);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Scrolls the page so that the node is on screen, as a user would before clicking it. */
    public static String reveal(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        robot.interact(() -> {
            for (Node p = n.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
                    double contentHeight = sp.getContent().getBoundsInLocal().getHeight();
                    double viewport = sp.getViewportBounds().getHeight();
                    double y = sp.getContent().sceneToLocal(n.localToScene(n.getBoundsInLocal())).getMinY();
                    sp.setVvalue(contentHeight <= viewport ? 0 : Math.min(1, Math.max(0, (y - 20) / (contentHeight - viewport))));
                    return;
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        return query;
    }

    public static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    public static boolean shown(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    public static boolean enabled(FxRobot robot, String query) {
        return !robot.lookup(query).queryAs(Button.class).isDisabled();
    }

    public static void next(FxRobot robot) {
        assertTrue(enabled(robot, "#wizard-next"), "Next is enabled");
        robot.clickOn("#wizard-next");
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits for the plan, clicks Apply, waits for the files. */
    public static void apply(FxRobot robot, WizardWindow w) throws Exception {
        waitUntil(() -> w.apply().stateProperty().get() != ApplyViewModel.State.PLANNING, 60);
        assertEquals(ApplyViewModel.State.READY, w.apply().stateProperty().get(),
                () -> w.apply().messageProperty().get() + " " + w.apply().problems());
        robot.clickOn("#wizard-apply");
        waitUntil(() -> w.apply().stateProperty().get() != ApplyViewModel.State.APPLYING, 20);
        assertEquals(ApplyViewModel.State.DONE, w.apply().stateProperty().get(),
                () -> w.apply().messageProperty().get() + " " + w.apply().problems());
    }

    public static void waitUntil(Callable<Boolean> condition, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    public static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    /** openssl with these arguments must succeed; returns what it printed (skipped without openssl, not in CI). */
    public static String openssl(String... args) throws Exception {
        Path program = ExternalTools.require("openssl", "openssl");
        List<String> cmd = new ArrayList<>(List.of(program.toString()));
        cmd.addAll(List.of(args));
        ExternalTools.Result r = ExternalTools.run(cmd, null);
        assertEquals(0, r.exitCode(), () -> cmd + "\n" + r.stdout() + r.stderr());
        return r.stdout() + r.stderr();
    }
}
