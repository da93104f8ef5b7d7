package dev.certsd.ui.shell;

import dev.certsd.roots.Client;
import dev.certsd.ui.Icons;
import dev.certsd.ui.UiText;
import dev.certsd.ui.workspace.Node;
import dev.certsd.ui.workspace.NodeActions;
import dev.certsd.ui.workspace.RootsViewModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;

/**
 * What the tree's context menu offers on a root: which client reads it, refresh it, reveal it in the file manager,
 * take it off the list. Shown only while a root is selected.
 */
final class RootMenu {
    private final RootsViewModel roots;
    private final UiText text;
    private final Menu readBy;
    private final List<MenuItem> items;

    RootMenu(RootsViewModel roots, UiText text) {
        this.roots = roots;
        this.text = text;
        readBy = new Menu(text.get("root.menu.readBy"), Icons.of("mdi2a-account-switch"));
        readBy.setId("root-read-by");
        MenuItem refresh = item("root-refresh", "root.menu.refresh", "mdi2r-refresh", roots::refreshRoot);
        MenuItem reveal = item("root-reveal", "root.menu.reveal", "mdi2f-folder-open", this::reveal);
        MenuItem remove = item("root-remove", "root.menu.remove", "mdi2c-close", roots::remove);
        items = List.of(readBy, refresh, reveal, remove, new SeparatorMenuItem());
    }

    /** Puts the root's items first in {@code menu}, shown only when a root is selected as the menu opens. */
    void installIn(ContextMenu menu) {
        menu.getItems().addAll(0, items);
        javafx.event.EventHandler<javafx.stage.WindowEvent> before = menu.getOnShowing();
        menu.setOnShowing(e -> {
            boolean onRoot = selectedRoot().isPresent();
            items.forEach(i -> i.setVisible(onRoot));
            if (onRoot) {
                fillReadBy();
            }
            if (before != null) {
                before.handle(e);
            }
        });
    }

    private void fillReadBy() {
        Path root = selectedRoot().orElseThrow();
        Client current = roots.model(root).orElseThrow().root().client();
        ToggleGroup group = new ToggleGroup();
        readBy.getItems().clear();
        for (Client c : Client.values()) {
            RadioMenuItem r = new RadioMenuItem(text.get("client." + c.name()));
            r.setId("root-read-by-" + c.name());
            r.setToggleGroup(group);
            r.setSelected(c == current);
            r.setOnAction(e -> roots.changeClient(root, c));
            readBy.getItems().add(r);
        }
    }

    private Optional<Path> selectedRoot() {
        return roots.node(roots.selectedKeyProperty().get()).filter(n -> n instanceof Node.RootNode)
                .map(n -> n.key().root());
    }

    private void reveal(Path p) {
        try {
            NodeActions.reveal(p);
        } catch (IOException e) {
            roots.notice(text.fmt("notice.revealFailed", p, String.valueOf(e.getMessage())));
        }
    }

    private MenuItem item(String id, String key, String icon, java.util.function.Consumer<Path> action) {
        MenuItem i = new MenuItem(text.get(key), Icons.of(icon));
        i.setId(id);
        i.setOnAction(e -> selectedRoot().ifPresent(action));
        return i;
    }
}
