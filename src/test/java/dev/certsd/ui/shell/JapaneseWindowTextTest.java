package dev.certsd.ui.shell;

import static dev.certsd.testing.FxStudio.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.diagnose.ScanOptions;
import dev.certsd.testing.FxStudio;
import dev.certsd.roots.Client;
import dev.certsd.roots.HostsFileResolver;
import dev.certsd.roots.InsecureRegistries;
import dev.certsd.roots.OsFamily;
import dev.certsd.sample.SampleRoot;
import dev.certsd.ui.ShownTexts;
import dev.certsd.ui.workspace.NodeKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.ToggleButton;
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
 * The main window in Japanese shows only texts from the bundles, or data on nodes marked as data: the empty state,
 * then the sample root with a root, a broken registry directory, a file and every kind of finding.
 */
@ExtendWith(ApplicationExtension.class)
class JapaneseWindowTextTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    @TempDir
    Path home;
    @RegisterExtension
    final FxStudio studio = new FxStudio();
    private StudioContext context;
    private MainWindow window;
    private Stage primary;

    @Start
    void start(Stage stage) throws Exception {
        ScanOptions options = new ScanOptions(Client.DOCKER, OsFamily.LINUX, CLOCK, 30,
                InsecureRegistries.defaults(HostsFileResolver.of(home.resolve("no-hosts"))), false,
                ScanOptions.DEFAULT_MAX_FILE_BYTES);
        context = studio.on(home).locale(Locale.JAPANESE).clock(CLOCK).scanOptions(root -> options).open();
        primary = stage;
        window = new MainWindow(context);
        window.show(stage, Startup.NONE);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).stream().filter(w -> w != primary)
                .forEach(Window::hide));
    }

    @Test
    void theEmptyStateIsAllFromTheBundles(FxRobot robot) throws Exception {
        assertAllFromBundles(robot, 10);
    }

    @Test
    void theSampleRootWithARootAHostAndAFileSelectedIsAllFromTheBundles(FxRobot robot) throws Exception {
        robot.clickOn("#open-sample");
        Path root = SampleRoot.location(home.resolve("data")).toAbsolutePath().normalize();
        waitUntil(() -> window.roots().model(root).map(m -> m.report() != null).orElse(false), 20);
        robot.clickOn("#filter-info"); // the notes too
        assertTrue(robot.lookup("#filter-info").queryAs(ToggleButton.class).isSelected());
        List<NodeKey> views = List.of(NodeKey.ofRoot(root),
                NodeKey.ofHost(root, "ca-saved-as-cert.example.com"),
                NodeKey.ofFile(root, "ca-saved-as-cert.example.com", "ca.cert"),
                NodeKey.ofHost(root, SampleRoot.HEALTHY),
                NodeKey.ofFile(root, "expired.example.com:5000", "client.cert"),
                NodeKey.ofFile(root, "encrypted-key.example.com", "client.key"),
                NodeKey.ofHost(root, "localhost:5000"));
        for (NodeKey k : views) {
            robot.interact(() -> window.roots().selectedKeyProperty().set(k));
            WaitForAsyncUtils.waitForFxEvents();
            assertAllFromBundles(robot, 40);
        }
    }

    @Test
    void switchingToJapaneseAndBackAppliesAtOnceAndIsRemembered(FxRobot robot) throws Exception {
        robot.clickOn("#open-sample");
        Path root = SampleRoot.location(home.resolve("data")).toAbsolutePath().normalize();
        waitUntil(() -> window.roots().model(root).map(m -> m.report() != null).orElse(false), 20);
        NodeKey selected = NodeKey.ofHost(root, SampleRoot.HEALTHY);
        robot.interact(() -> window.roots().selectedKeyProperty().set(selected));
        robot.interact(() -> languageItem(robot, "language-english").fire()); // View › Language › English
        MainWindow english = MainWindow.of(primary);
        assertTrue(english != window, "the window was built again");
        waitUntil(() -> english.roots().model(root).map(m -> m.report() != null).orElse(false), 20);
        assertEquals("File", menuBar(robot).getMenus().get(0).getText());
        assertEquals(selected, english.roots().selectedKeyProperty().get());
        assertEquals("en", new SettingsStore(home.resolve("config")).load().language());
        assertTrue(english.roots().noticeProperty().get().startsWith("The window is now in English"));

        robot.interact(() -> languageItem(robot, "language-japanese").fire());
        assertEquals("ファイル", menuBar(robot).getMenus().get(0).getText());
        assertEquals("ja", new SettingsStore(home.resolve("config")).load().language());
    }

    private static javafx.scene.control.MenuItem languageItem(FxRobot robot, String id) {
        javafx.scene.control.Menu view = menuBar(robot).getMenus().stream().filter(m -> "menu-view".equals(m.getId()))
                .findFirst().orElseThrow();
        javafx.scene.control.Menu language = (javafx.scene.control.Menu) view.getItems().stream()
                .filter(i -> "menu-language".equals(i.getId())).findFirst().orElseThrow();
        return language.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    private static javafx.scene.control.MenuBar menuBar(FxRobot robot) {
        return robot.lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class);
    }

    private static void assertAllFromBundles(FxRobot robot, int atLeast) throws Exception {
        ShownTexts.Result r = WaitForAsyncUtils.asyncFx(() -> ShownTexts.check(Locale.JAPANESE,
                new ArrayList<>(Window.getWindows()))).get();
        assertTrue(r.strays().isEmpty(), "not from a bundle:\n" + String.join("\n", r.strays()));
        assertTrue(r.checked() >= atLeast, "only " + r.checked() + " texts seen");
    }
}
