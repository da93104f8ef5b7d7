package dev.certsd.ui.shell;

import dev.certsd.ui.Icons;
import dev.certsd.ui.UiText;
import dev.certsd.ui.wizard.launch.WizardCommands;
import dev.certsd.ui.workspace.Node;
import dev.certsd.ui.workspace.NodeActions;
import dev.certsd.ui.workspace.RootsViewModel;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The window's commands, once each, shown in the menu bar (with their shortcuts), the toolbar and the tree's
 * context menu. Commands on the selection are disabled while nothing fitting is selected.
 */
final class Actions {
    private static final KeyCombination COPY_PATH = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final KeyCombination COPY_PEM = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final KeyCombination PROBE = new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REVEAL = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private final RootsViewModel roots;
    private final UiText text;
    private final Runnable addFolder;
    private final BooleanProperty dark;
    private final BooleanBinding noSelection;
    private final BooleanBinding noPem;
    private final BooleanBinding noHost;
    private final Consumer<Node> testConnection;
    private WizardCommands wizards;

    /** {@code testConnection} opens the connection test of a host directory (or of a file's directory). */
    Actions(RootsViewModel roots, UiText text, Runnable addFolder, BooleanProperty dark, Consumer<Node> testConnection) {
        this.roots = roots;
        this.text = text;
        this.addFolder = addFolder;
        this.dark = dark;
        this.testConnection = testConnection;
        this.noHost = Bindings.createBooleanBinding(() -> selected().filter(n -> !(n instanceof Node.RootNode))
                .isEmpty(), roots.selectedKeyProperty(), roots.revisionProperty());
        this.noSelection = Bindings.createBooleanBinding(() -> selected().isEmpty(), roots.selectedKeyProperty(),
                roots.revisionProperty());
        this.noPem = Bindings.createBooleanBinding(() -> selected().flatMap(NodeActions::pem).isEmpty(),
                roots.selectedKeyProperty(), roots.revisionProperty());
    }

    /** Adds the wizards to the menu bar, the toolbar and the context menu built after this call. */
    void addWizards(WizardCommands commands) {
        this.wizards = commands;
    }

    MenuBar menuBar() {
        MenuItem add = item("action.addFolder.menu", "mdi2f-folder-plus", addFolder);
        add.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        MenuItem sample = item("action.openSample", "mdi2s-school", roots::openSample);
        MenuItem refresh = item("action.refresh", "mdi2r-refresh", roots::refresh);
        refresh.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        MenuItem quit = item("action.quit", null, Platform::exit);
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        Menu file = new Menu(text.get("menu.file"), null, add, sample, refresh, new SeparatorMenuItem(), quit);
        if (wizards != null) {
            file.getItems().addAll(3, wizards.menuItems());
            file.getItems().add(3, new SeparatorMenuItem());
        }
        Menu edit = new Menu(text.get("menu.edit"), null, copyPath(), copyPem(), reveal());
        edit.setId("menu-edit");
        CheckMenuItem darkItem = new CheckMenuItem(text.get("action.darkTheme"));
        darkItem.selectedProperty().bindBidirectional(dark);
        darkItem.setAccelerator(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        Menu view = new Menu(text.get("menu.view"), null, darkItem);
        view.setId("menu-view");
        Menu registry = new Menu(text.get("menu.registry"), null, probe("action.probe.menu"));
        MenuBar bar = new MenuBar(file, edit, registry, view);
        bar.setId("menu-bar");
        return bar;
    }

    ToolBar toolBar() {
        Button add = new Button(text.get("action.addFolder"), Icons.of("mdi2f-folder-plus"));
        add.setId("add-folder");
        add.setOnAction(e -> addFolder.run());
        Button refresh = new Button(text.get("action.refresh"), Icons.of("mdi2r-refresh"));
        refresh.setId("refresh");
        refresh.setOnAction(e -> roots.refresh());
        refresh.setTooltip(new Tooltip(text.get("action.refresh.tip")));
        ToggleButton theme = new ToggleButton();
        theme.setId("theme-toggle");
        theme.selectedProperty().bindBidirectional(dark);
        theme.graphicProperty().bind(Bindings.createObjectBinding(() -> Icons.of(dark.get()
                ? "mdi2w-white-balance-sunny" : "mdi2w-weather-night"), dark));
        theme.textProperty().bind(Bindings.createStringBinding(() -> text.get(dark.get()
                ? "action.lightTheme" : "action.darkTheme"), dark));
        Button probe = new Button(text.get("action.probe"), Icons.of("mdi2l-lan-connect"));
        probe.setId("probe-open");
        probe.setOnAction(e -> openProbe());
        probe.disableProperty().bind(noHost);
        probe.setTooltip(new Tooltip(text.get("action.probe.tip")));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar bar = new ToolBar(add, refresh, probe, spacer, theme);
        if (wizards != null) {
            bar.getItems().add(3, wizards.toolbarButton());
        }
        return bar;
    }

    ContextMenu contextMenu() {
        MenuItem probe = probe("action.probe.menu");
        probe.setId("context-probe");
        ContextMenu menu = new ContextMenu(probe, new SeparatorMenuItem(), copyPath(), copyPem(),
                new SeparatorMenuItem(), reveal());
        if (wizards != null) {
            menu.getItems().addAll(0, wizards.contextItems());
            menu.getItems().add(wizards.contextItems().size(), new SeparatorMenuItem());
        }
        return menu;
    }

    /** Ctrl+F jumps to the findings search. */
    void installShortcuts(Scene scene, javafx.scene.Node search) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                () -> search.requestFocus());
    }

    /** The same command in the menu bar and the context menu: a host directory, or the directory of a file. */
    private MenuItem probe(String key) {
        MenuItem i = item(key, "mdi2l-lan-connect", this::openProbe);
        i.setAccelerator(PROBE);
        i.disableProperty().bind(noHost);
        return i;
    }

    private void openProbe() {
        selected().filter(n -> !(n instanceof Node.RootNode)).ifPresent(testConnection);
    }

    private MenuItem copyPath() {
        MenuItem i = item("action.copyPath", "mdi2c-content-copy", () -> selected()
                .ifPresent(n -> copy(n.key().path().toString())));
        i.setAccelerator(COPY_PATH);
        i.disableProperty().bind(noSelection);
        return i;
    }

    private MenuItem copyPem() {
        MenuItem i = item("action.copyPem", "mdi2c-certificate-outline", () -> selected().flatMap(NodeActions::pem)
                .ifPresent(this::copy));
        i.setAccelerator(COPY_PEM);
        i.disableProperty().bind(noPem);
        return i;
    }

    private MenuItem reveal() {
        MenuItem i = item("action.reveal", "mdi2f-folder-open", () -> selected().ifPresent(n -> {
            try {
                NodeActions.reveal(n.key().path());
            } catch (IOException e) {
                roots.notice(text.fmt("notice.revealFailed", n.key().path(), String.valueOf(e.getMessage())));
            }
        }));
        i.setAccelerator(REVEAL);
        i.disableProperty().bind(noSelection);
        return i;
    }

    private Optional<Node> selected() {
        return roots.node(roots.selectedKeyProperty().get());
    }

    private void copy(String s) {
        ClipboardContent c = new ClipboardContent();
        c.putString(s);
        Clipboard.getSystemClipboard().setContent(c);
        roots.notice(text.get("notice.copied"));
    }

    private MenuItem item(String key, String icon, Runnable action) {
        MenuItem i = new MenuItem(text.get(key), icon == null ? null : Icons.of(icon));
        i.setOnAction(e -> action.run());
        return i;
    }
}
