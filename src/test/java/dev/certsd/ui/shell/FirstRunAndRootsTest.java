package dev.certsd.ui.shell;

import static dev.certsd.testing.FxStudio.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.diagnose.Verdict;
import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.roots.RootKind;
import dev.certsd.testing.Fixtures;
import dev.certsd.testing.FxStudio;
import dev.certsd.ui.workspace.Node;
import dev.certsd.ui.workspace.NodeKey;
import dev.certsd.ui.workspace.TreeRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.input.ContextMenuEvent;
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
import org.testfx.util.WaitForAsyncUtils;

/**
 * The first run on a machine whose certs.d folders exist but hold no registry (the welcome state, not a green
 * "nothing here"), and the roots the user manages: the client asked when a folder is added, and the root's
 * context menu changing the client, which changes the verdicts.
 */
@ExtendWith(ApplicationExtension.class)
class FirstRunAndRootsTest {
    @TempDir
    Path home;
    private Path podman;
    @RegisterExtension
    final FxStudio studio = new FxStudio();
    private StudioContext context;
    private MainWindow window;
    private Stage primary;

    @Start
    void start(Stage stage) throws Exception {
        podman = Files.createDirectories(home.resolve("etc/containers/certs.d"));
        primary = stage;
        context = studio.on(home).roots(List.of(new CertsRoot(podman, RootKind.PODMAN_SYSTEM, Client.CONTAINERS)))
                .open();
        window = new MainWindow(context);
        window.show(stage, Startup.NONE);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).stream().filter(w -> w != primary)
                .forEach(Window::hide));
    }

    @Test
    void anEmptyFoundRootShowsTheWelcomeUntilARegistryDirectoryAppears(FxRobot robot) throws Exception {
        waitUntil(() -> window.roots().roots().get(0).report() != null, 10);
        assertTrue(robot.lookup("#empty-state").query().isVisible());
        assertFalse(robot.lookup("#workspace").query().isVisible());
        assertEquals("Welcome to Certs.d Studio", robot.lookup("#welcome-title").queryAs(Label.class).getText());
        assertEquals(3, robot.lookup("#welcome-lines").lookup(".label").queryAll().size());
        assertTrue(robot.lookup("#empty-new-registry").queryButton().isDefaultButton());
        assertTrue(robot.lookup("#open-sample").query().isVisible());
        assertTrue(robot.lookup("#empty-add-folder").query().isVisible());

        Fixtures.healthy(podman.resolve("reg.example.com"));
        waitUntil(() -> robot.lookup("#workspace").query().isVisible(), 20);
        assertFalse(robot.lookup("#empty-state").query().isVisible());
    }

    @Test
    void anEmptyFolderTheUserAddedShowsAMutedBannerNotAGreenOne(FxRobot robot) throws Exception {
        Path mine = Files.createDirectories(home.resolve("mine/certs.d"));
        robot.interact(() -> { window.roots().addRoot(mine, Client.DOCKER); });
        waitUntil(() -> robot.lookup("#workspace").query().isVisible()
                && window.roots().model(mine).map(m -> m.report() != null).orElse(false), 10);
        robot.interact(() -> window.roots().selectedKeyProperty().set(NodeKey.ofRoot(mine)));
        waitUntil(() -> robot.lookup("#details-banner").tryQuery().isPresent(), 5);
        javafx.scene.Node banner = robot.lookup("#details-banner").query();
        assertFalse(banner.getStyleClass().contains("banner-success"), banner.getStyleClass().toString());
        List<String> words = robot.from(banner).lookup(".label").queryAllAs(Label.class).stream().map(Label::getText)
                .toList();
        assertTrue(words.stream().anyMatch(w -> w.startsWith("No registry directory here yet.")), words.toString());
    }

    @Test
    void addFolderAsksWhichClientReadsItWithThePathsGuessChosen(FxRobot robot) throws Exception {
        Path containerd = Files.createDirectories(home.resolve("etc/containerd/certs.d"));
        Fixtures.healthy(containerd.resolve("reg.example.com"));
        // the question waits for its answer (showAndWait): asked from a later pulse, as a menu item would
        javafx.application.Platform.runLater(() -> window.addFolder(containerd));
        waitUntil(() -> robot.lookup("#root-ask-CONTAINERD").tryQuery().isPresent(), 5);
        assertTrue(robot.lookup("#root-ask-CONTAINERD").queryAs(javafx.scene.control.RadioButton.class).isSelected());
        robot.clickOn("#root-ask-CONTAINERS");
        robot.clickOn("#root-ask-add");
        waitUntil(() -> window.roots().model(containerd).isPresent(), 5);
        assertEquals(Client.CONTAINERS, window.roots().model(containerd).orElseThrow().root().client());
    }

    @Test
    void theRootsContextMenuChangesTheClientAndTheVerdictsFollowAndRemoveTakesItOffTheList(FxRobot robot)
            throws Exception {
        Path mine = Files.createDirectories(home.resolve("mine/certs.d"));
        Fixtures.healthy(mine.resolve("localhost:5000"));
        robot.interact(() -> { window.roots().addRoot(mine, Client.DOCKER); });
        NodeKey host = NodeKey.ofHost(mine, "localhost:5000");
        waitUntil(() -> verdict(host).isPresent(), 10);
        // Docker never reads certs.d for a loopback registry; podman does
        assertEquals(Verdict.Level.IGNORED, verdict(host).orElseThrow());

        NodeKey rootKey = NodeKey.ofRoot(mine);
        robot.interact(() -> window.roots().selectedKeyProperty().set(rootKey));
        openContextMenu(robot, rootKey);
        robot.clickOn("#root-read-by");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("podman, skopeo, buildah (containers/image)");
        waitUntil(() -> window.roots().model(mine).orElseThrow().root().client() == Client.CONTAINERS
                && verdict(host).isPresent(), 10);
        assertEquals(Verdict.Level.OK, verdict(host).orElseThrow());
        assertEquals("Custom (podman/skopeo)", window.roots().model(mine).orElseThrow().label(
                new dev.certsd.ui.UiText(Locale.ENGLISH)));

        robot.interact(() -> window.roots().selectedKeyProperty().set(rootKey));
        openContextMenu(robot, rootKey);
        robot.clickOn("#root-remove");
        waitUntil(() -> window.roots().model(mine).isEmpty(), 5);
        assertTrue(Files.isDirectory(mine.resolve("localhost:5000")), "nothing on disk changes");
    }

    @Test
    void aFoundRootRemovedOrGivenAnotherClientStaysSoInTheNextRun(FxRobot robot) throws Exception {
        Fixtures.healthy(podman.resolve("localhost:5000"));
        waitUntil(() -> window.roots().model(podman).map(m -> m.report() != null).orElse(false), 10);
        robot.interact(() -> window.roots().changeClient(podman, Client.DOCKER));
        robot.interact(() -> window.saveSettings());
        Settings saved = new SettingsStore(home.resolve("config")).load();
        assertEquals(List.of(CertsRoot.custom(podman, Client.DOCKER)), saved.roots());
        robot.interact(() -> window.roots().remove(podman));
        robot.interact(() -> window.saveSettings());
        assertEquals(List.of(podman.toString()), new SettingsStore(home.resolve("config")).load().hidden());
    }

    @Test
    void aFolderOpenedAtStartIsRememberedOnceTheFirstFrameIsOut(FxRobot robot) throws Exception {
        Path folder = Files.createDirectories(home.resolve("mine/certs.d"));
        Fixtures.healthy(folder.resolve("localhost:5000"));
        SettingsStore store = new SettingsStore(home.resolve("config"));
        boolean[] savedWhileBuilt = new boolean[1];
        robot.interact(() -> {
            new MainWindow(context).show(new Stage(), new Startup(null, false, folder));
            savedWhileBuilt[0] = remembers(store, folder);
        });
        assertFalse(savedWhileBuilt[0], "no settings file is written before the first frame");
        waitUntil(() -> remembers(store, folder), 10);
    }

    private static boolean remembers(SettingsStore store, Path folder) {
        return store.load().roots().stream().anyMatch(r -> r.path().equals(folder));
    }

    @Test
    @SuppressWarnings("unchecked")
    void switchingTheLanguageKeepsTheRowsTheUserOpened(FxRobot robot) throws Exception {
        Path mine = Files.createDirectories(home.resolve("mine/certs.d"));
        Fixtures.healthy(mine.resolve("reg.example.com"));
        robot.interact(() -> {
            window.roots().addRoot(mine, Client.DOCKER);
        });
        NodeKey host = NodeKey.ofHost(mine, "reg.example.com");
        waitUntil(() -> TreeRows.item(robot, host) != null, 10);
        robot.interact(() -> TreeRows.item(robot, host).setExpanded(true));
        MainWindow[] next = new MainWindow[1];
        robot.interact(() -> next[0] = window.switchLanguage(Language.JAPANESE));
        window = next[0];
        waitUntil(() -> TreeRows.item(robot, host) != null, 10);
        assertTrue(TreeRows.item(robot, host).isExpanded(), "the directory the user opened is still open");
    }

    private Optional<Verdict.Level> verdict(NodeKey host) {
        return window.roots().node(host).filter(n -> n instanceof Node.HostNode)
                .map(n -> ((Node.HostNode) n).verdict().level());
    }

    private static void openContextMenu(FxRobot robot, NodeKey key) throws Exception {
        waitUntil(() -> TreeRows.cell(robot, key) != null, 5);
        TreeCell<Node> cell = TreeRows.cell(robot, key);
        robot.clickOn(cell);
        javafx.geometry.Bounds b = cell.localToScreen(cell.getBoundsInLocal());
        robot.interact(() -> cell.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 10, 10,
                b.getMinX() + 10, b.getMinY() + 10, false, null)));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
