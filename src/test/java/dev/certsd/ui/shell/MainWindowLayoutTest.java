package dev.certsd.ui.shell;

import static dev.certsd.testing.FxStudio.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.certsd.sample.SampleRoot;
import dev.certsd.testing.FxStudio;
import dev.certsd.ui.Truncations;
import dev.certsd.ui.UiText;
import dev.certsd.ui.workspace.NodeKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The main window (welcome state, then the sample with a root, a directory and a file selected), the fix preview,
 * the history and the Help windows at the app's default size (1200×760) and at 1024×700, in English and in
 * Japanese: no visible text is cut short unless marked abbreviated with a tooltip.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowLayoutTest {
    @TempDir
    Path home;
    @RegisterExtension
    final FxStudio studio = new FxStudio();
    private StudioContext context;
    private MainWindow window;
    private Stage stage;

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).forEach(Window::hide));
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
        context = studio.on(home).locale(locale).open();
        robot.interact(() -> {
            stage = new Stage();
            window = new MainWindow(context);
            window.show(stage, Startup.NONE);
        });
        Set<String> cut = new LinkedHashSet<>();
        Truncations.atEachSize(robot, stage, "welcome", cut);

        String[] around = new UiText(locale).fmt("rel.issuedBy.file.checking", "\u0000").split("\u0000");
        String checking = around[around.length - 1];
        robot.interact(() -> window.roots().openSample());
        Path sample = SampleRoot.location(home.resolve("data")).toAbsolutePath().normalize();
        waitUntil(() -> window.roots().model(sample).map(m -> m.report() != null).orElse(false), 20);
        for (NodeKey key : List.of(NodeKey.ofRoot(sample), NodeKey.ofHost(sample, "expired.example.com:5000"),
                NodeKey.ofFile(sample, "expired.example.com:5000", "client.cert"),
                NodeKey.ofHost(sample, "der-ca.example.com"))) {
            robot.interact(() -> window.roots().selectedKeyProperty().set(key));
            waitUntil(() -> !robot.lookup("#findings-table").queryTableView().getItems().isEmpty(), 5);
            // a signature shown as still being checked is replaced when the check ends
            waitUntil(() -> robot.lookup("#details .label").queryAllAs(Label.class).stream()
                    .noneMatch(l -> l.getText().endsWith(checking)), 10);
            Truncations.atEachSize(robot, stage, key.toString(), cut);
        }

        NodeKey caAsCert = NodeKey.ofFile(sample, "ca-saved-as-cert.example.com", "ca.cert");
        robot.interact(() -> window.roots().selectedKeyProperty().set(caAsCert));
        waitUntil(() -> robot.lookup("#details .fix-button").tryQuery().isPresent(), 10);
        robot.interact(() -> robot.lookup("#details .fix-button").queryButton().fire());
        waitUntil(() -> robot.lookup("#preview-apply").tryQuery().map(n -> !n.isDisable()).orElse(false), 10);
        Stage preview = (Stage) robot.lookup("#change-preview").query().getScene().getWindow();
        Truncations.atEachSize(robot, preview, "fix preview", cut);
        robot.interact(() -> robot.lookup("#preview-apply").queryButton().fire());
        waitUntil(() -> !preview.isShowing(), 5);

        robot.interact(() -> window.changes().showHistory());
        waitUntil(() -> !robot.lookup("#history-table").queryTableView().getItems().isEmpty(), 5);
        robot.interact(() -> robot.lookup("#history-table").queryTableView().getSelectionModel().select(0));
        Truncations.atEachSize(robot, windowOf(robot, "#history"), "history", cut);

        robot.interact(() -> {
            window.help().showShortcuts();
        });
        Truncations.atEachSize(robot, windowOf(robot, "#shortcuts"), "shortcuts", cut);
        robot.interact(() -> {
            window.help().showAbout();
        });
        Truncations.atEachSize(robot, windowOf(robot, "#about"), "about", cut);
        robot.interact(() -> {
            window.help().showGuide();
        });
        Truncations.atEachSize(robot, windowOf(robot, "#guide"), "guide", cut);
        assertEquals(List.of(), List.copyOf(cut), "texts cut short in " + locale);
    }

    private static Stage windowOf(FxRobot robot, String query) {
        return (Stage) robot.lookup(query).query().getScene().getWindow();
    }
}
