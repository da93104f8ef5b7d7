package dev.certsd.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.certsd.sample.SampleRoot;
import dev.certsd.testing.Fixtures;
import dev.certsd.ui.Truncations;
import dev.certsd.ui.workspace.NodeKey;
import dev.certsd.ui.workspace.RootWatcher;
import dev.certsd.ui.work.FxBackground;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window (welcome state, then the sample with a root, a directory and a file selected), the fix preview,
 * the history and the Help windows at the app's default size (1200×760) and at 1024×700, in English and in
 * Japanese: no visible text is cut short unless marked abbreviated with a tooltip.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowLayoutTest {
    static final double[][] SIZES = {{1200, 760}, {1024, 700}};
    @TempDir
    Path home;
    private StudioContext context;
    private MainWindow window;
    private Stage stage;

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).forEach(Window::hide));
        if (context != null) {
            context.watcher().close();
            ((FxBackground) context.background()).close();
        }
    }

    @Test
    void everythingFitsInEnglish(FxRobot robot) throws Exception {
        assertFits(robot, Locale.ENGLISH);
    }

    @Test
    void everythingFitsInJapanese(FxRobot robot) throws Exception {
        assertFits(robot, Locale.JAPANESE);
    }

    private void assertFits(FxRobot robot, Locale locale) throws Exception {
        context = new StudioContext(List::of, new AppDirs(home.resolve("config"), home.resolve("data")), locale,
                Clock.systemUTC(), new FxBackground(), new RootWatcher(), r -> Fixtures.options(r.client()));
        robot.interact(() -> {
            stage = new Stage();
            window = new MainWindow(context);
            window.show(stage, Startup.NONE);
        });
        Set<String> cut = new LinkedHashSet<>();
        check(robot, stage, "welcome", cut);

        robot.interact(() -> window.roots().openSample());
        Path sample = SampleRoot.location(home.resolve("data")).toAbsolutePath().normalize();
        waitUntil(() -> window.roots().model(sample).map(m -> m.report() != null).orElse(false), 20);
        for (NodeKey key : List.of(NodeKey.ofRoot(sample), NodeKey.ofHost(sample, "expired.example.com:5000"),
                NodeKey.ofFile(sample, "expired.example.com:5000", "client.cert"),
                NodeKey.ofHost(sample, "der-ca.example.com"))) {
            robot.interact(() -> window.roots().selectedKeyProperty().set(key));
            waitUntil(() -> !robot.lookup("#findings-table").queryTableView().getItems().isEmpty(), 5);
            WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS); // the details land a few pulses later
            check(robot, stage, key.toString(), cut);
        }

        NodeKey caAsCert = NodeKey.ofFile(sample, "ca-saved-as-cert.example.com", "ca.cert");
        robot.interact(() -> window.roots().selectedKeyProperty().set(caAsCert));
        waitUntil(() -> robot.lookup("#details .fix-button").tryQuery().isPresent(), 10);
        robot.interact(() -> robot.lookup("#details .fix-button").queryButton().fire());
        waitUntil(() -> robot.lookup("#preview-apply").tryQuery().map(n -> !n.isDisable()).orElse(false), 10);
        Stage preview = (Stage) robot.lookup("#change-preview").query().getScene().getWindow();
        check(robot, preview, "fix preview", cut);
        robot.interact(() -> robot.lookup("#preview-apply").queryButton().fire());
        waitUntil(() -> !preview.isShowing(), 5);

        robot.interact(() -> window.changes().showHistory());
        waitUntil(() -> !robot.lookup("#history-table").queryTableView().getItems().isEmpty(), 5);
        robot.interact(() -> robot.lookup("#history-table").queryTableView().getSelectionModel().select(0));
        check(robot, (Stage) robot.lookup("#history").query().getScene().getWindow(), "history", cut);

        robot.interact(() -> {
            window.help().showShortcuts();
        });
        check(robot, (Stage) robot.lookup("#shortcuts").query().getScene().getWindow(), "shortcuts", cut);
        robot.interact(() -> {
            window.help().showAbout();
        });
        check(robot, (Stage) robot.lookup("#about").query().getScene().getWindow(), "about", cut);
        robot.interact(() -> {
            window.help().showGuide();
        });
        check(robot, (Stage) robot.lookup("#guide").query().getScene().getWindow(), "guide", cut);
        assertEquals(List.of(), List.copyOf(cut), "texts cut short in " + locale);
    }

    /** Checks the window at each size; what is cut is remembered with where and at which size. */
    static void check(FxRobot robot, Stage s, String where, Set<String> cut) {
        for (double[] size : SIZES) {
            robot.interact(() -> {
                s.setWidth(size[0]);
                s.setHeight(size[1]);
            });
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.sleep(150, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            List<String> found = new ArrayList<>();
            robot.interact(() -> found.addAll(Truncations.in(s.getScene())));
            found.forEach(f -> cut.add(where + " at " + (int) size[0] + "×" + (int) size[1] + ": " + f));
        }
    }

    private static void waitUntil(Callable<Boolean> condition, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.call();
        });
    }
}
