package dev.certsd.ui.help;

import static dev.certsd.testing.FxStudio.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.ui.UiText;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Help › User guide (bundled, in the window's language), Keyboard shortcuts (from the menus), About. */
@ExtendWith(ApplicationExtension.class)
class HelpWindowsTest {
    private Stage owner;
    private MenuBar bar;

    @Start
    void start(Stage stage) {
        owner = stage;
        MenuItem add = new MenuItem("Add folder…");
        add.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        bar = new MenuBar(new Menu("File", null, add, new MenuItem("No key")));
        stage.setScene(new javafx.scene.Scene(new StackPane(bar), 400, 200));
        stage.show();
    }

    private HelpWindows help(Locale l) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            HelpWindows h = new HelpWindows(new UiText(l), owner,
                    Path.of("/home/ann/.config/certsd-studio/settings.json"),
                    Path.of("/home/ann/.local/share/certsd-studio"));
            h.installIn(bar);
            return h;
        }).get();
    }

    @Test
    void theGuideIsBundledInBothLanguagesAndShownWithItsChapters(FxRobot robot) throws Exception {
        HelpWindows en = help(Locale.ENGLISH);
        assertTrue(en.guideText().startsWith("# Certs.d Studio — user guide"));
        assertTrue(help(Locale.JAPANESE).guideText().contains("ユーザーガイド"));
        robot.interact(() -> {
            en.showGuide();
        });
        Stage guide = findShowing("Certs.d Studio — user guide");
        ListView<?> toc = robot.lookup("#guide-toc").queryAs(ListView.class);
        List<String> chapters = toc.getItems().stream().map(h -> ((Label) h).getText()).toList();
        assertTrue(chapters.contains("1. Installing"), chapters.toString());
        assertTrue(chapters.size() >= 5, chapters.toString());
        // inline marks are rendered, not shown: no ** or ` in the text
        String all = robot.lookup("#guide-body .text").queryAll().stream()
                .map(n -> ((javafx.scene.text.Text) n).getText()).reduce("", String::concat);
        assertFalse(all.contains("**"), "bold marks rendered");
        robot.clickOn("#guide-toc");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !guide.isShowing(), 5);
    }

    @Test
    void theShortcutsSheetListsTheMenusAcceleratorsAndTheOtherKeys(FxRobot robot) throws Exception {
        HelpWindows h = help(Locale.ENGLISH);
        List<String> rows = h.rows().stream().map(r -> r[0] + " = " + r[1]).toList();
        assertTrue(rows.contains("File = null"), rows.toString());
        assertTrue(rows.contains("Add folder = Ctrl+O"), rows.toString());
        assertTrue(rows.contains("User guide = F1"), rows.toString());
        assertFalse(rows.stream().anyMatch(r -> r.startsWith("No key")), "items without a key are not listed");
        assertTrue(rows.contains("Search the findings = Ctrl+F"), rows.toString());
        robot.interact(() -> {
            h.showShortcuts();
        });
        Stage sheet = findShowing("Keyboard shortcuts");
        assertTrue(robot.lookup("#shortcuts .shortcut-key").queryAll().size() >= 10);
        robot.clickOn("#help-shortcuts-title-close");
        waitUntil(() -> !sheet.isShowing(), 5);
    }

    @Test
    void aboutShowsTheVersionTheLicencesAndWhereSettingsAndTheJournalLive(FxRobot robot) throws Exception {
        HelpWindows h = help(Locale.ENGLISH);
        robot.interact(() -> {
            h.showAbout();
        });
        Stage about = findShowing("About Certs.d Studio");
        assertEquals(HelpWindows.version(), robot.lookup("#about-version").queryAs(Label.class).getText());
        List<String> shown = robot.lookup("#about .label").queryAllAs(Label.class).stream().map(Label::getText)
                .toList();
        assertTrue(shown.contains("/home/ann/.config/certsd-studio/settings.json"), shown.toString());
        assertTrue(shown.contains("/home/ann/.local/share/certsd-studio/journal"), shown.toString());
        assertTrue(shown.contains("Bouncy Castle") && shown.contains("OpenJFX"), shown.toString());
        robot.clickOn("#about-version");
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        waitUntil(() -> !about.isShowing(), 5);
    }

    private static Stage findShowing(String title) {
        return javafx.stage.Window.getWindows().stream().filter(w -> w instanceof Stage s && title.equals(s.getTitle())
                && s.isShowing()).map(w -> (Stage) w).findFirst().orElseThrow(() -> new AssertionError(title));
    }
}
