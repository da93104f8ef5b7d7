package dev.certsd.ui.wizard;

import static dev.certsd.testing.FxStudio.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.testing.ExternalTools;
import dev.certsd.testing.Fixtures;
import dev.certsd.ui.shell.MainWindow;
import dev.certsd.ui.workspace.NodeKey;
import dev.certsd.ui.workspace.TreeRows;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeCell;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the wizard tests do again and again: typing into fields, going on, applying, the tree's context menu, openssl. */
public final class WizardRobot {
    private WizardRobot() {
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

    /** Selects the node in the tree, right-clicks it and picks {@code item} from its context menu. */
    public static WizardWindow fromContextMenu(FxRobot robot, MainWindow window, NodeKey key, String item)
            throws Exception {
        robot.interact(() -> window.roots().selectedKeyProperty().set(key));
        waitUntil(() -> TreeRows.cell(robot, key) != null, 5);
        TreeCell<dev.certsd.ui.workspace.Node> cell = TreeRows.cell(robot, key);
        robot.clickOn(cell);
        // what the platform makes of a right click (Monocle has no platform to ask)
        javafx.geometry.Bounds b = cell.localToScreen(cell.getBoundsInLocal());
        robot.interact(() -> cell.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 10, 10,
                b.getMinX() + 10, b.getMinY() + 10, false, null)));
        robot.clickOn(item);
        waitUntil(() -> window.wizards().last() != null && window.wizards().last().stage().isShowing(), 5);
        return window.wizards().last();
    }

    /** Picks a key type in the client page's combo by its label. */
    public static void chooseKey(FxRobot robot, String label) {
        robot.clickOn("#client-key");
        robot.clickOn(label);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A PKCS#12 trust store holding the registry's CA and the clients' CA, protected by {@code password}. */
    public static byte[] trustStore(String password) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("registry", Fixtures.SERVER_CA.cert());
        ks.setCertificateEntry("clients", Fixtures.CLIENT_CA.cert());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ks.store(out, password.toCharArray());
        return out.toByteArray();
    }
}
