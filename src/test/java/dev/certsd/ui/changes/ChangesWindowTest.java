package dev.certsd.ui.changes;

import static dev.certsd.testing.FxStudio.waitUntil;
import static dev.certsd.testing.Fixtures.CLIENT_CA;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.change.ChangeReport;
import dev.certsd.diagnose.FindingCode;
import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.testing.Fixtures;
import dev.certsd.testing.FxStudio;
import dev.certsd.testing.TestPki;
import dev.certsd.ui.findings.FindingItem;
import dev.certsd.ui.shell.MainWindow;
import dev.certsd.ui.shell.Startup;
import dev.certsd.ui.shell.StudioContext;
import dev.certsd.ui.workspace.NodeKey;
import dev.certsd.ui.workspace.TreeRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real window (headless by default) on a root with a CA saved as {@code .cert}: fix it from the details
 * pane and the findings list, undo with Ctrl+Z, delete and undo, and a file changed on disk after it was shown.
 */
@ExtendWith(ApplicationExtension.class)
class ChangesWindowTest {
    private static final String HOST = "registry.example.com";
    @TempDir
    Path home;
    private Path root;
    private Path dir;
    @RegisterExtension
    final FxStudio studio = new FxStudio();
    private StudioContext context;
    private MainWindow window;
    private Stage primary;

    @Start
    void start(Stage stage) throws Exception {
        root = home.resolve("certs.d");
        dir = Fixtures.healthy(root.resolve(HOST));
        TestPki.write(dir, "myca.cert", CLIENT_CA.certPem());
        primary = stage;
        context = studio.on(home).roots(List.of(CertsRoot.custom(root, Client.DOCKER))).open();
        window = new MainWindow(context);
        window.show(stage, Startup.NONE);
    }

    @BeforeEach
    void scanned() throws Exception {
        waitUntil(() -> window.roots().node(file("myca.cert")).isPresent(), 20);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).stream().filter(w -> w != primary)
                .forEach(Window::hide));
    }

    @Test
    void fixingACaSavedAsCertFromTheDetailsPaneRenamesItAndTheTreeFollows(FxRobot robot) throws Exception {
        select(robot, file("myca.cert"));
        Button fix = fixButton(robot);
        assertEquals(FindingCode.CA_SAVED_AS_CERT, ((dev.certsd.diagnose.Finding) fix.getProperties().get("finding"))
                .code());
        robot.clickOn(fix);
        waitForPreview(robot);
        List<String> steps = labels(robot, "#preview-steps");
        assertEquals(List.of("• Rename " + dir.resolve("myca.cert") + " to " + dir.resolve("myca.crt")), steps);
        assertTrue(Files.exists(dir.resolve("myca.cert")), "nothing changes before Apply");

        robot.clickOn("#preview-apply");
        waitUntil(() -> TreeRows.item(robot, file("myca.crt")) != null && TreeRows.item(robot, file("myca.cert")) == null, 5);
        assertFalse(Files.exists(dir.resolve("myca.cert")));
        waitUntil(() -> file("myca.crt").equals(window.roots().selectedKeyProperty().get()), 5);
        assertEquals("myca.crt", robot.lookup("#details-title").queryAs(Label.class).getText());
        assertEquals("Done: Rename myca.cert to myca.crt", window.roots().noticeProperty().get());
    }

    @Test
    void ctrlZUndoesTheFixAndTheFileIsBackByteForByte(FxRobot robot) throws Exception {
        byte[] before = Files.readAllBytes(dir.resolve("myca.cert"));
        select(robot, file("myca.cert"));
        robot.clickOn(fixButton(robot));
        waitForPreview(robot);
        robot.clickOn("#preview-apply");
        waitUntil(() -> TreeRows.item(robot, file("myca.crt")) != null, 5);
        MenuItem undo = editItem(robot, "menu-undo");
        waitUntil(() -> undo.getText().equals("Undo Rename myca.cert to myca.crt") && !undo.isDisable(), 5);

        robot.clickOn("#roots-tree");
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitUntil(() -> Files.exists(dir.resolve("myca.cert")), 5);
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("myca.cert")));
        assertFalse(Files.exists(dir.resolve("myca.crt")));
        waitUntil(() -> TreeRows.item(robot, file("myca.cert")) != null && TreeRows.item(robot, file("myca.crt")) == null, 5);
        waitUntil(() -> editItem(robot, "menu-redo").getText().equals("Redo Rename myca.cert to myca.crt"), 5);

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        waitUntil(() -> Files.exists(dir.resolve("myca.crt")) && !Files.exists(dir.resolve("myca.cert")), 5);
    }

    @Test
    void deletingAFileWithTheDeleteKeyAndUndoingItBringsItBack(FxRobot robot) throws Exception {
        Path key = dir.resolve("client.key");
        byte[] before = Files.readAllBytes(key);
        select(robot, file("client.key"));
        robot.clickOn("#roots-tree");
        robot.push(KeyCode.DELETE);
        waitForPreview(robot);
        assertEquals(List.of("• Remove " + key + "; its content goes to the undo journal"),
                labels(robot, "#preview-steps"));
        robot.clickOn("#preview-apply");
        waitUntil(() -> !Files.exists(key) && TreeRows.item(robot, file("client.key")) == null, 5);
        assertEquals(NodeKey.ofHost(root, HOST), window.roots().selectedKeyProperty().get());

        robot.clickOn("#roots-tree");
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitUntil(() -> Files.exists(key) && TreeRows.item(robot, file("client.key")) != null, 5);
        assertArrayEquals(before, Files.readAllBytes(key));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(key)));
    }

    @Test
    void aFileChangedOnDiskAfterItWasShownIsNotFixedAndTheAppSaysSo(FxRobot robot) throws Exception {
        select(robot, file("myca.cert"));
        robot.clickOn(fixButton(robot));
        waitForPreview(robot);
        Files.writeString(dir.resolve("myca.cert"), CLIENT_CA.certPem() + "# edited by someone else\n");
        byte[] edited = Files.readAllBytes(dir.resolve("myca.cert"));

        robot.clickOn("#preview-apply");
        waitUntil(() -> robot.lookup("#change-message").tryQuery().isPresent(), 5);
        DialogPane message = robot.lookup("#change-message").queryAs(DialogPane.class);
        assertEquals("Nothing was changed", message.getHeaderText());
        assertTrue(message.getContentText().startsWith(dir.resolve("myca.cert")
                + " changed on disk since it was shown, so it was not touched."), message.getContentText());
        assertArrayEquals(edited, Files.readAllBytes(dir.resolve("myca.cert")));
        assertFalse(Files.exists(dir.resolve("myca.crt")));
    }

    @Test
    void theFindingsListFixesTheSelectedFindingAndTheHistoryListsIt(FxRobot robot) throws Exception {
        TableView<FindingItem> table = robot.lookup("#findings-table").queryTableView();
        assertTrue(robot.lookup("#findings-fix").queryButton().isDisable(), "nothing selected, nothing to fix");
        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(i -> i.code() == FindingCode.CA_SAVED_AS_CERT).findFirst().orElseThrow()));
        assertFalse(robot.lookup("#findings-fix").queryButton().isDisable());
        robot.clickOn("#findings-fix");
        waitForPreview(robot);
        robot.clickOn("#preview-apply");
        waitUntil(() -> Files.exists(dir.resolve("myca.crt")), 5);

        robot.interact(() -> window.changes().showHistory());
        TableView<HistoryRow> history = robot.lookup("#history-table").queryTableView();
        waitUntil(() -> history.getItems().size() == 1, 5);
        assertEquals("Rename myca.cert to myca.crt", history.getItems().get(0).label());
        assertEquals("done", history.getItems().get(0).statusText());
    }

    @Test
    void ctrlPeriodOnAFileInTheTreePreviewsTheFixOfItsFinding(FxRobot robot) throws Exception {
        select(robot, file("myca.cert"));
        robot.clickOn("#roots-tree");
        robot.push(KeyCode.CONTROL, KeyCode.PERIOD);
        waitForPreview(robot);
        assertEquals(List.of("• Rename " + dir.resolve("myca.cert") + " to " + dir.resolve("myca.crt")),
                labels(robot, "#preview-steps"));
    }

    @Test
    void aChangeForAnAdministratorShowsTheScriptToCopy(FxRobot robot) throws Exception {
        var h = Fixtures.scan(dir);
        var cs = dev.certsd.fix.Fixes.forFinding(h.findings().stream()
                .filter(f -> f.code() == FindingCode.CA_SAVED_AS_CERT).findFirst().orElseThrow(), h).get(0).plan();
        ChangeResult pending = ChangeResult.of(ChangeReport.of(ChangeReport.Action.APPLY, context.changes().prepare(cs)),
                new dev.certsd.ui.UiText(Locale.ENGLISH));
        robot.interact(() -> window.changes().present(pending));
        waitUntil(() -> robot.lookup("#privileged-script").tryQuery().isPresent(), 5);
        assertEquals(pending.prepared().scriptText(), robot.lookup("#privileged-script").queryAs(TextArea.class)
                .getText());
        assertEquals(context.administrator().available(), robot.lookup("#privileged-pkexec").tryQuery().isPresent());
        robot.clickOn("#privileged-copy");
        assertEquals(pending.prepared().scriptText(), WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get());
        assertTrue(Files.exists(dir.resolve("myca.cert")), "nothing is applied by showing the script");
    }

    // ---- helpers ----

    @Test
    void enterInTheFixPreviewAppliesEvenWithTheFocusOnCancel(FxRobot robot) throws Exception {
        select(robot, file("myca.cert"));
        robot.clickOn(fixButton(robot));
        waitForPreview(robot);
        Button apply = robot.lookup("#preview-apply").queryButton();
        Button cancel = robot.lookup("#preview-cancel").queryButton();
        assertTrue(apply.isDefaultButton());
        assertFalse(cancel.isDefaultButton());
        waitUntil(apply::isFocused, 5);
        robot.interact(cancel::requestFocus);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> Files.exists(dir.resolve("myca.crt")), 10);
        assertFalse(Files.exists(dir.resolve("myca.cert")));
    }

    @Test
    void escapeInTheFixPreviewCancelsAndNothingChanges(FxRobot robot) throws Exception {
        select(robot, file("myca.cert"));
        robot.clickOn(fixButton(robot));
        waitForPreview(robot);
        Window preview = robot.lookup("#change-preview").query().getScene().getWindow();
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !preview.isShowing(), 5);
        assertTrue(Files.exists(dir.resolve("myca.cert")));
        assertFalse(Files.exists(dir.resolve("myca.crt")));
    }

    @Test
    void escapeCtrlWAndTheCloseButtonCloseTheHistory(FxRobot robot) throws Exception {
        for (Runnable how : List.<Runnable>of(() -> robot.type(KeyCode.ESCAPE),
                () -> robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL),
                () -> robot.clickOn("#history-close"))) {
            robot.interact(() -> window.changes().showHistory());
            Window history = robot.lookup("#history").query().getScene().getWindow();
            assertTrue(history.isShowing());
            robot.clickOn("#history-table");
            how.run();
            waitUntil(() -> !history.isShowing(), 5);
        }
    }

    private NodeKey file(String name) {
        return NodeKey.ofFile(root, HOST, name);
    }

    private void select(FxRobot robot, NodeKey key) {
        robot.interact(() -> window.roots().selectedKeyProperty().set(key));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The finding's Fix button in the details pane, scrolled into view (findings come after the certificate). */
    private static Button fixButton(FxRobot robot) {
        Button fix = robot.lookup("#details .fix-button").queryButton();
        robot.interact(() -> {
            javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) robot.lookup("#details")
                    .query().getParent().getParent().getParent();
            double y = fix.localToScene(fix.getBoundsInLocal()).getMinY()
                    - scroll.getContent().localToScene(scroll.getContent().getBoundsInLocal()).getMinY();
            double extra = scroll.getContent().getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(extra <= 0 ? 0 : Math.min(1, y / extra));
        });
        WaitForAsyncUtils.waitForFxEvents();
        return fix;
    }

    private static void waitForPreview(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#preview-apply").tryQuery().map(n -> !n.isDisable()).orElse(false), 5);
    }

    private static List<String> labels(FxRobot robot, String query) {
        return robot.lookup(query).queryAll().iterator().next().lookupAll(".label").stream()
                .map(n -> ((Label) n).getText()).toList();
    }

    private static MenuItem editItem(FxRobot robot, String id) {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId()))
                .findFirst().orElseThrow();
    }
}
