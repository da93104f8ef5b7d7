package dev.certsd.ui.help;

import atlantafx.base.theme.Styles;
import dev.certsd.ui.DataNodes;
import dev.certsd.ui.Icons;
import dev.certsd.ui.SecondaryWindow;
import dev.certsd.ui.UiText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The Help menu: the user guide (bundled, in the window's language), the keyboard shortcuts (read from the menu
 * bar itself, so the sheet never drifts from the menus), and About (version, the bundled libraries' licences,
 * where settings and the journal live).
 */
public final class HelpWindows {
    /** The libraries the app ships, with their licences (what an About box owes its users). */
    static final List<String[]> LIBRARIES = List.of(
            new String[] {"OpenJFX", "GPL-2.0 with Classpath Exception"},
            new String[] {"AtlantaFX", "MIT"},
            new String[] {"ControlsFX", "BSD-3-Clause"},
            new String[] {"Material Design Icons (outlines from Ikonli's font pack)", "Apache-2.0"},
            new String[] {"Bouncy Castle", "MIT (Bouncy Castle Licence)"},
            new String[] {"picocli", "Apache-2.0"},
            new String[] {"Jackson jr, Jackson TOML", "Apache-2.0"});

    private final UiText text;
    private final Window owner;
    private final Path settingsFile;
    private final Path journal;
    private final Path data;
    private MenuBar bar;
    private Stage guide;
    private Stage shortcuts;
    private Stage about;

    public HelpWindows(UiText text, Window owner, Path settingsFile, Path data) {
        this.text = text;
        this.owner = owner;
        this.settingsFile = settingsFile;
        this.data = data;
        this.journal = data.resolve("journal");
    }

    /** The Help menu, last in {@code bar}; the shortcuts sheet lists what {@code bar} holds when it opens. */
    public Menu installIn(MenuBar menuBar) {
        this.bar = menuBar;
        MenuItem guideItem = item("help-guide", "help.guide", "mdi2b-book-open-variant", this::showGuide);
        guideItem.setAccelerator(new KeyCodeCombination(KeyCode.F1));
        MenuItem keys = item("help-shortcuts", "help.shortcuts", "mdi2k-keyboard", this::showShortcuts);
        keys.setAccelerator(new KeyCodeCombination(KeyCode.SLASH, javafx.scene.input.KeyCombination.SHORTCUT_DOWN));
        MenuItem aboutItem = item("help-about", "help.about", "mdi2i-information-outline", this::showAbout);
        Menu help = new Menu(text.get("menu.help"), null, guideItem, keys, new SeparatorMenuItem(), aboutItem);
        help.setId("menu-help");
        menuBar.getMenus().add(help);
        return help;
    }

    /** The guide in the window's language ({@code guide.ja.md} for Japanese). */
    public String guideText() {
        String name = "ja".equals(text.locale().getLanguage()) ? "guide.ja.md" : "guide.md";
        try (InputStream in = HelpWindows.class.getResourceAsStream("/dev/certsd/ui/help/" + name)) {
            if (in == null) {
                throw new IOException("not bundled: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Stage showGuide() {
        if (guide == null) {
            MarkdownView.Rendered r = MarkdownView.render(guideText());
            ScrollPane scroll = new ScrollPane(r.body());
            scroll.setFitToWidth(true);
            scroll.setId("guide");
            ListView<Label> toc = new ListView<>();
            toc.setId("guide-toc");
            toc.getItems().setAll(r.headings());
            toc.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
                @Override
                protected void updateItem(Label h, boolean empty) {
                    super.updateItem(h, empty);
                    setText(empty || h == null ? null : h.getText());
                    DataNodes.mark(this, !empty);
                }
            });
            toc.getSelectionModel().selectedItemProperty().addListener((o, a, h) -> {
                if (h != null) {
                    double y = h.getBoundsInParent().getMinY();
                    double extra = r.body().getHeight() - scroll.getViewportBounds().getHeight();
                    scroll.setVvalue(extra <= 0 ? 0 : Math.min(1, y / extra));
                }
            });
            SplitPane split = new SplitPane(toc, scroll);
            split.setDividerPositions(0.26);
            SplitPane.setResizableWithParent(toc, false);
            guide = stage("help.guide.title", split, 1000, 720);
        }
        return present(guide);
    }

    public Stage showShortcuts() {
        if (shortcuts != null) {
            shortcuts.close();
        }
        GridPane grid = new GridPane();
        grid.setId("shortcuts");
        grid.setHgap(24);
        grid.setVgap(6);
        grid.setPadding(new Insets(16, 22, 16, 22));
        int row = 0;
        for (String[] s : rows()) {
            if (s[1] == null) {
                Label section = new Label(s[0]);
                section.getStyleClass().addAll(Styles.TEXT_CAPTION, "section-title");
                GridPane.setMargin(section, new Insets(row == 0 ? 0 : 10, 0, 0, 0));
                grid.add(section, 0, row++, 2, 1);
                continue;
            }
            Label what = new Label(s[0]);
            what.setWrapText(true);
            what.setMinHeight(Region.USE_PREF_SIZE);
            Label key = DataNodes.mark(new Label(s[1]));
            key.getStyleClass().add("shortcut-key");
            key.setMinWidth(Region.USE_PREF_SIZE);
            grid.add(key, 0, row);
            grid.add(what, 1, row++);
        }
        javafx.scene.layout.ColumnConstraints keys = new javafx.scene.layout.ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints words = new javafx.scene.layout.ColumnConstraints();
        words.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(keys, words);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        shortcuts = stage("help.shortcuts.title", scroll, 660, 740);
        return present(shortcuts);
    }

    /** Section headings ({@code [title, null]}) and [what, keys] rows: the menus' accelerators, then the keys
     * that belong to no menu item. */
    List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        if (bar != null) {
            for (Menu m : bar.getMenus()) {
                List<String[]> in = new ArrayList<>();
                collect(m.getItems(), in);
                if (!in.isEmpty()) {
                    rows.add(new String[] {m.getText(), null});
                    rows.addAll(in);
                }
            }
        }
        rows.add(new String[] {text.get("help.shortcuts.elsewhere"), null});
        for (String k : List.of("findSearch", "fix", "delete", "tree", "wizardEnter", "wizardBack", "escape",
                "close")) {
            rows.add(new String[] {text.get("help.key." + k), text.get("help.key." + k + ".keys")});
        }
        return rows;
    }

    private static void collect(List<MenuItem> items, List<String[]> into) {
        for (MenuItem i : items) {
            if (i instanceof Menu sub) {
                collect(sub.getItems(), into);
            } else if (i.getAccelerator() != null && i.getText() != null) {
                into.add(new String[] {i.getText().replace("…", "").strip(), i.getAccelerator().getDisplayText()});
            }
        }
    }

    public Stage showAbout() {
        if (about == null) {
            Label name = new Label(text.get("app.title"), Icons.of("mdi2c-certificate-outline"));
            name.getStyleClass().add(Styles.TITLE_2);
            Label version = DataNodes.mark(new Label(version()));
            version.setId("about-version");
            Label what = wrapped(text.get("help.about.what"));
            GridPane places = new GridPane();
            places.setHgap(16);
            places.setVgap(6);
            int row = 0;
            for (String[] p : new String[][] {{"help.about.settings", settingsFile.toString()},
                    {"help.about.journal", journal.toString()}, {"help.about.data", data.toString()}}) {
                places.add(new Label(text.get(p[0])), 0, row);
                Label v = DataNodes.mark(new Label(p[1]));
                v.setWrapText(true);
                v.setMinHeight(Region.USE_PREF_SIZE);
                places.add(v, 1, row++);
            }
            GridPane libs = new GridPane();
            libs.setId("about-licences");
            libs.setHgap(16);
            libs.setVgap(4);
            row = 0;
            for (String[] l : LIBRARIES) {
                libs.add(DataNodes.mark(new Label(l[0])), 0, row);
                libs.add(DataNodes.mark(new Label(l[1])), 1, row++);
            }
            Label own = wrapped(text.get("help.about.licence"));
            VBox box = new VBox(12, name, version, what, section("help.about.places"), places,
                    section("help.about.libraries"), libs, own);
            box.setId("about");
            box.setPadding(new Insets(18, 22, 18, 22));
            ScrollPane scroll = new ScrollPane(box);
            scroll.setFitToWidth(true);
            about = stage("help.about.title", scroll, 620, 560);
        }
        return present(about);
    }

    /** "Certs.d Studio 0.1.0", from the jar's manifest ("development" when run from classes). */
    static String version() {
        String v = HelpWindows.class.getPackage().getImplementationVersion();
        return v != null ? v : "development";
    }

    private Label section(String key) {
        Label l = new Label(text.get(key));
        l.getStyleClass().addAll(Styles.TEXT_CAPTION, "section-title");
        return l;
    }

    private static Label wrapped(String s) {
        Label l = new Label(s);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private Stage stage(String titleKey, Parent content, double w, double h) {
        Stage s = new Stage();
        if (owner != null) {
            s.initOwner(owner);
            if (owner instanceof Stage o) {
                s.getIcons().setAll(o.getIcons());
            }
        }
        s.setTitle(text.get(titleKey));
        BorderPane frame = new BorderPane(content);
        frame.setBottom(SecondaryWindow.closeRow(s, text, titleKey.replace('.', '-')));
        Scene scene = new Scene(frame, w, h);
        scene.getStylesheets().add(HelpWindows.class.getResource("/dev/certsd/ui/studio.css").toExternalForm());
        if (owner != null && owner.getScene() != null) {
            scene.getRoot().getStyleClass().addAll(owner.getScene().getRoot().getStyleClass().filtered(
                    c -> c.startsWith("theme-")));
        }
        SecondaryWindow.closeOnKeys(s, scene);
        s.setScene(scene);
        return s;
    }

    private static Stage present(Stage s) {
        s.show();
        s.toFront();
        return s;
    }

    private MenuItem item(String id, String key, String icon, Runnable action) {
        MenuItem i = new MenuItem(text.get(key), Icons.of(icon));
        i.setId(id);
        i.setOnAction(e -> action.run());
        return i;
    }
}
