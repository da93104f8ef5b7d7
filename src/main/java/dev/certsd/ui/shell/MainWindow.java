package dev.certsd.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.certsd.diagnose.Messages;
import dev.certsd.sample.SampleRoot;
import dev.certsd.ui.changes.ChangeActions;
import dev.certsd.ui.UiText;
import dev.certsd.ui.probe.ProbeWindows;
import dev.certsd.ui.workspace.Node;
import dev.certsd.ui.workspace.RootModel;
import dev.certsd.ui.workspace.RootsTreeView;
import dev.certsd.ui.workspace.RootsViewModel;
import dev.certsd.ui.wizard.launch.WizardCommands;
import dev.certsd.ui.wizard.launch.Wizards;
import java.io.IOException;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;

/** Builds the main window from its parts, restores what it remembers, and saves it again on close. */
public final class MainWindow {
    private final StudioContext context;
    private final UiText text;
    private final SettingsStore store;
    private Settings settings;
    private final RootsViewModel roots;
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private Stage stage;
    private ProbeWindows probes;
    private Wizards wizards;
    private ChangeActions changes;
    private dev.certsd.ui.help.HelpWindows help;
    private RootsTreeView tree;
    private Workspace workspace;
    private boolean firstFrameShown;
    private boolean saveWhenShown;

    public MainWindow(StudioContext context) {
        this.context = context;
        this.text = new UiText(context.locale());
        this.store = new SettingsStore(context.dirs().config());
        this.settings = store.load();
        Path data = context.dirs().data();
        this.roots = new RootsViewModel(context.discovery(), settings.roots(), context.scanOptions(),
                context.background(), context.watcher(), () -> new SampleRoot(context.clock()).generate(data),
                SampleRoot.location(data), text);
        roots.hide(settings.hidden().stream().map(Path::of).toList());
    }

    public RootsViewModel roots() {
        return roots;
    }

    public void show(Stage s, Startup startup) {
        this.stage = s;
        // the theme before the first control: that control's class would load JavaFX's own stylesheet (Modena), only
        // for AtlantaFX's to replace it (about 30 ms of the first frame, docs/performance.md)
        dark.set(startup.dark() != null ? startup.dark() : settings.dark());
        applyTheme(dark.get());
        Messages messages = new Messages(context.locale());
        probes = new ProbeWindows(context.probes(), context.background(), text, s, dark, this::copy);
        Actions actions = new Actions(roots, text, this::chooseFolder, dark, this::testConnection);
        wizards = new Wizards(roots, context.scanOptions(), context.background(), text, context.clock(),
                context.dirs().data(), context.probes(), s, dark, this::copy);
        wizards.useChanges(context.changes());
        wizards.usePrivilegedRunner(context.administrator());
        WizardCommands wizardCommands = new WizardCommands(wizards, text,
                () -> roots.node(roots.selectedKeyProperty().get()));
        actions.addWizards(wizardCommands);
        changes = new ChangeActions(context.changes(), context.administrator(), roots, context.background(), text, s,
                this::copy);
        ContextMenu treeMenu = actions.contextMenu();
        new RootMenu(roots, text).installIn(treeMenu);
        treeMenu.getItems().addAll(new SeparatorMenuItem(), changes.deleteItem("context-delete"));
        workspace = Workspace.of(roots, text, messages, context.clock(), treeMenu, changes);
        workspace.placeDividers(settings.treeDivider(), settings.findingsDivider());
        tree = workspace.tree();

        EmptyStateView empty = new EmptyStateView(text, roots::openSample, this::chooseFolder);
        empty.offerNewRegistry(wizardCommands.setup());
        wizards.useProbeWindows(probes::open);
        probes.useShowFile((dir, file) -> {
            roots.selectedKeyProperty().set(dev.certsd.ui.workspace.NodeKey.ofFile(dir.getParent(), dir.getFileName()
                    .toString(), file));
            s.toFront();
        });
        StackPane center = new StackPane(workspace.view(), empty.view());
        workspace.view().visibleProperty().bind(roots.emptyProperty().not());
        empty.view().visibleProperty().bind(roots.emptyProperty());

        BorderPane layout = new BorderPane(center);
        layout.setTop(new VBox(menuBar(actions, s), actions.toolBar()));
        layout.setBottom(new StatusBarView(roots, context.background(), text).view());
        FolderDrop.install(layout, roots);

        Scene scene = new Scene(layout, settings.width(), settings.height());
        scene.getStylesheets().add(MainWindow.class.getResource("/dev/certsd/ui/studio.css").toExternalForm());
        actions.installShortcuts(scene, workspace.findings().view().lookup("#findings-search"));
        dark.addListener((o, a, d) -> applyTheme(d));

        dress(s, scene);
        holdUntilFirstFrame(scene);
        roots.start();
        if (startup.open() != null) {
            open(startup.open());
        }
        s.show();
    }

    /** The stage as this window: title, icon, scene, size and place, and its settings saved when it closes. */
    private void dress(Stage s, Scene scene) {
        s.getProperties().put(MainWindow.class, this);
        s.setTitle(text.get("app.title"));
        s.getIcons().setAll(WindowIcon.images());
        s.setScene(scene);
        s.setMinWidth(720);
        s.setMinHeight(480);
        WindowGeometry.place(s, settings);
        s.setOnHidden(e -> {
            saveSettings();
            workspace.close();
        });
    }

    /** The menus of {@link Actions}, with the fleet, the changes, the language and Help added to them. */
    private MenuBar menuBar(Actions actions, Stage s) {
        MenuBar menuBar = actions.menuBar();
        dev.certsd.ui.fleet.FleetMenu.install(menuBar.getMenus().get(0), context.background(), text, s,
                () -> roots.roots().stream().map(m -> m.root().path().toString()).toList());
        menu(menuBar, "menu-edit").ifPresent(changes::installIn);
        menu(menuBar, "menu-view").ifPresent(v -> v.getItems().addAll(new SeparatorMenuItem(), LanguageMenu.of(text,
                Language.fromTag(settings.language()).orElse(Language.SYSTEM), this::switchLanguage)));
        help = new dev.certsd.ui.help.HelpWindows(text, s, store.file(), context.dirs().data());
        help.installIn(menuBar);
        return menuBar;
    }

    /**
     * The roots are listed at once, but scanned once the first frame is laid out: measured on two cores, a
     * 2,500-file scan running alongside the window's start made the first frame 0.7 s later and the full tree no
     * sooner (docs/performance.md). Watching them for changes and saving the list (a file written on the FX thread)
     * wait for that frame too.
     */
    private void holdUntilFirstFrame(Scene scene) {
        roots.holdScans();
        roots.roots().addListener((ListChangeListener<RootModel>) c -> {
            if (firstFrameShown) {
                saveSettings();
            } else {
                saveWhenShown = true;
            }
        });
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(() -> {
                roots.releaseScans();
                firstFrameShown = true;
                if (saveWhenShown) {
                    saveSettings();
                }
            });
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** The main window shown in a stage (a new one after the language changed). */
    public static MainWindow of(Stage stage) {
        return (MainWindow) stage.getProperties().get(MainWindow.class);
    }

    /**
     * View › Language: the choice is remembered and the window is built again in that language at once, with the
     * same roots, geometry and selection. Connection-test and history windows close (they reopen in the new
     * language); nothing is lost, as changes are in the journal and roots on disk.
     */
    public MainWindow switchLanguage(Language choice) {
        if (choice.tag().equals(settings.language())) {
            return this;
        }
        settings = settings.withLanguage(choice.tag());
        saveSettings();
        dev.certsd.ui.workspace.NodeKey selected = roots.selectedKeyProperty().get();
        probes.closeAll();
        changes.closeWindows();
        roots.unwatchAll();
        java.util.Set<dev.certsd.ui.workspace.NodeKey> open = tree.expandedKeys();
        workspace.close();
        MainWindow next = new MainWindow(context.withLocale(choice.locale()));
        next.show(stage, Startup.NONE);
        next.tree.expand(open);
        next.roots().selectedKeyProperty().set(selected);
        next.roots().notice(next.text.fmt("notice.language", next.text.get(Language.fromLocale(next.text.locale())
                .textKey())));
        return next;
    }

    /** Fix, delete, undo, redo and the history of this window. */
    public ChangeActions changes() {
        return changes;
    }

    private static java.util.Optional<Menu> menu(MenuBar bar, String id) {
        return bar.getMenus().stream().filter(m -> id.equals(m.getId())).findFirst();
    }

    /** Help › User guide, Keyboard shortcuts, About. */
    public dev.certsd.ui.help.HelpWindows help() {
        return help;
    }

    /** The connection-test windows opened from this window. */
    public ProbeWindows probes() {
        return probes;
    }

    /** The wizards opened from this window. */
    public Wizards wizards() {
        return wizards;
    }

    private void testConnection(Node node) {
        if (node instanceof Node.HostNode h) {
            probes.open(h.root(), h.host().hostDir().dirName());
        } else if (node instanceof Node.FileNode f) {
            probes.open(f.root(), f.host().hostDir().dirName());
        }
    }

    private void copy(String s) {
        ClipboardContent c = new ClipboardContent();
        c.putString(s);
        Clipboard.getSystemClipboard().setContent(c);
        roots.notice(text.get("notice.copied"));
    }

    /** Opens a root, host directory or file given on the command line and selects it. */
    void open(Path path) {
        OpenTarget target = OpenTarget.of(path, roots);
        roots.addRoot(target.root());
        roots.selectedKeyProperty().set(target.key());
    }

    private void applyTheme(boolean isDark) {
        Application.setUserAgentStylesheet(isDark ? new PrimerDark().getUserAgentStylesheetBSS()
                : new PrimerLight().getUserAgentStylesheetBSS());
        if (stage != null && stage.getScene() != null) {
            stage.getScene().getRoot().getStyleClass().removeAll("theme-dark", "theme-light");
            stage.getScene().getRoot().getStyleClass().add(isDark ? "theme-dark" : "theme-light");
        }
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(text.get("action.addFolder.title"));
        var dir = chooser.showDialog(stage);
        if (dir != null) {
            addFolder(dir.toPath());
        }
    }

    /** Add folder's second step: which client reads it (the path's guess chosen), then the root is added. */
    void addFolder(Path dir) {
        ClientQuestion.ask(stage, text, dir).ifPresent(c -> roots.addRoot(dir, c));
    }

    /** Remembers geometry, dividers, theme and the user's roots; a failure to save must not stop the app. */
    void saveSettings() {
        Settings s = settings.withRoots(roots.userRoots()).withDark(dark.get())
                .withHidden(roots.hiddenRoots().stream().map(Path::toString).toList());
        s = WindowGeometry.remember(stage, settings, s);
        if (workspace != null) {
            s = workspace.rememberDividers(s);
        }
        settings = s;
        try {
            store.save(s);
        } catch (IOException e) {
            roots.notice(text.fmt("notice.settingsNotSaved", store.file(), String.valueOf(e.getMessage())));
        }
    }
}
