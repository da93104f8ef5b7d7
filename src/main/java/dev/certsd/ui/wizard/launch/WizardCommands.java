package dev.certsd.ui.wizard.launch;

import dev.certsd.ui.Icons;
import dev.certsd.ui.UiText;
import dev.certsd.ui.workspace.Node;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The wizards as commands of the main window: File menu items with shortcuts, a toolbar menu button, and the tree's
 * context menu (which starts on the node clicked). The selection decides where each wizard starts.
 */
public final class WizardCommands {
    private final Wizards wizards;
    private final UiText text;
    private final Supplier<Optional<Node>> selection;

    public WizardCommands(Wizards wizards, UiText text, Supplier<Optional<Node>> selection) {
        this.wizards = wizards;
        this.text = text;
        this.selection = selection;
    }

    /** For the File menu: the guided setup and the five single-step wizards, with their shortcuts. */
    public List<MenuItem> menuItems() {
        MenuItem registry = item("wizard.action.registry", "mdi2f-folder-plus-outline", "menu-new-registry",
                () -> wizards.newRegistry(selection.get()));
        registry.setAccelerator(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        MenuItem client = item("wizard.action.client", "mdi2c-certificate-outline", "menu-new-client",
                () -> wizards.newClient(selection.get()));
        client.setAccelerator(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN));
        MenuItem ca = item("wizard.action.ca", "mdi2s-shield-check-outline", "menu-import-ca",
                () -> wizards.importCa(selection.get()));
        ca.setAccelerator(new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN));
        MenuItem signed = item("wizard.action.signed", "mdi2f-file-import-outline", "menu-import-signed",
                wizards::importSigned);
        signed.setAccelerator(new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        MenuItem testPki = item("wizard.action.testpki", "mdi2s-server-security", "menu-test-pki",
                () -> wizards.testPki(selection.get()));
        testPki.setAccelerator(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        MenuItem setup = item("wizard.action.setup", "mdi2r-rocket-launch-outline", "menu-setup",
                () -> wizards.setup(selection.get()));
        return List.of(setup, registry, client, ca, signed, testPki);
    }

    /** For the toolbar: one "New" button holding the guided setup and the five wizards. */
    public MenuButton toolbarButton() {
        MenuButton b = new MenuButton(text.get("wizard.action.new"), Icons.of("mdi2p-plus-circle-outline"));
        b.setId("wizards-button");
        b.setTooltip(new Tooltip(text.get("wizard.action.new.tip")));
        b.getItems().setAll(
                item("wizard.action.setup", "mdi2r-rocket-launch-outline", "tool-setup",
                        () -> wizards.setup(selection.get())),
                item("wizard.action.registry", "mdi2f-folder-plus-outline", "tool-new-registry",
                        () -> wizards.newRegistry(selection.get())),
                item("wizard.action.client", "mdi2c-certificate-outline", "tool-new-client",
                        () -> wizards.newClient(selection.get())),
                item("wizard.action.ca", "mdi2s-shield-check-outline", "tool-import-ca",
                        () -> wizards.importCa(selection.get())),
                item("wizard.action.signed", "mdi2f-file-import-outline", "tool-import-signed",
                        wizards::importSigned),
                item("wizard.action.testpki", "mdi2s-server-security", "tool-test-pki",
                        () -> wizards.testPki(selection.get())));
        return b;
    }

    /** For the tree's context menu: the wizards that start on the node clicked. */
    public List<MenuItem> contextItems() {
        return List.of(
                item("wizard.action.client", "mdi2c-certificate-outline", "context-new-client",
                        () -> wizards.newClient(selection.get())),
                item("wizard.action.ca", "mdi2s-shield-check-outline", "context-import-ca",
                        () -> wizards.importCa(selection.get())),
                item("wizard.action.testpki", "mdi2s-server-security", "context-test-pki",
                        () -> wizards.testPki(selection.get())),
                item("wizard.action.registry", "mdi2f-folder-plus-outline", "context-new-registry",
                        () -> wizards.newRegistry(selection.get())));
    }

    /** The welcome's offer: the guided setup of a first registry. */
    public Runnable setup() {
        return () -> wizards.setup(Optional.empty());
    }

    /** The empty state's offer: a registry directory, with no root yet. */
    public Runnable newRegistry() {
        return () -> wizards.newRegistry(Optional.empty());
    }

    private MenuItem item(String key, String icon, String id, Runnable action) {
        MenuItem i = new MenuItem(text.get(key), Icons.of(icon));
        i.setId(id);
        i.setOnAction(e -> action.run());
        return i;
    }
}
