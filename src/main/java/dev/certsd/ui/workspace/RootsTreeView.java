package dev.certsd.ui.workspace;

import dev.certsd.diagnose.HostReport;
import dev.certsd.diagnose.Messages;
import dev.certsd.diagnose.RootReport;
import dev.certsd.ui.UiText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/**
 * The tree of roots, host directories and files. Items are kept per {@link NodeKey} and updated in place when a
 * rescan arrives, so expanded branches and the selection stay where the user left them.
 */
public final class RootsTreeView {
    private final RootsViewModel model;
    private final TreeView<Node> tree = new TreeView<>();
    private final TreeItem<Node> invisibleRoot = new TreeItem<>();
    private final Map<NodeKey, TreeItem<Node>> items = new HashMap<>();
    private boolean syncing;
    /** Rows to open as they appear (the same window in another language keeps what the user had open). */
    private final Set<NodeKey> toExpand = new HashSet<>();

    public RootsTreeView(RootsViewModel model, UiText text, Messages messages, ContextMenu menu) {
        this.model = model;
        tree.setId("roots-tree");
        tree.setRoot(invisibleRoot);
        tree.setShowRoot(false);
        tree.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        tree.setCellFactory(t -> new NodeCell(text, messages));
        tree.setContextMenu(menu);
        model.roots().addListener((ListChangeListener<RootModel>) c -> sync());
        model.revisionProperty().addListener((o, a, b) -> sync());
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (!syncing && item != null && item.getValue() != null) {
                model.selectedKeyProperty().set(item.getValue().key());
            }
        });
        model.selectedKeyProperty().addListener((o, a, key) -> select(key));
        sync();
    }

    private boolean attached(TreeItem<Node> item) {
        TreeItem<Node> top = item;
        while (top.getParent() != null) {
            top = top.getParent();
        }
        return top == invisibleRoot;
    }

    /** The rows the user has open. */
    public Set<NodeKey> expandedKeys() {
        Set<NodeKey> open = new HashSet<>();
        items.forEach((k, i) -> {
            if (i.isExpanded()) {
                open.add(k);
            }
        });
        return open;
    }

    /** Opens these rows, now or as soon as they appear. */
    public void expand(Set<NodeKey> keys) {
        for (NodeKey k : keys) {
            TreeItem<Node> i = items.get(k);
            if (i != null) {
                i.setExpanded(true);
            } else {
                toExpand.add(k);
            }
        }
    }

    public TreeView<Node> view() {
        return tree;
    }

    private void sync() {
        syncing = true;
        try {
            Set<NodeKey> alive = new HashSet<>();
            List<TreeItem<Node>> rootItems = new ArrayList<>();
            for (RootModel m : model.roots()) {
                TreeItem<Node> rootItem = item(new Node.RootNode(m), alive);
                if (rootItem.getParent() == null) {
                    rootItem.setExpanded(true);
                }
                rootItems.add(rootItem);
                RootReport r = m.report();
                List<TreeItem<Node>> hostItems = new ArrayList<>();
                if (r != null) {
                    for (HostReport h : r.hosts()) {
                        TreeItem<Node> hostItem = item(new Node.HostNode(m.root(), h), alive);
                        hostItems.add(hostItem);
                        List<TreeItem<Node>> fileItems = new ArrayList<>();
                        h.files().forEach(f -> fileItems.add(item(new Node.FileNode(m.root(), h, f), alive)));
                        reconcile(hostItem.getChildren(), fileItems);
                    }
                }
                reconcile(rootItem.getChildren(), hostItems);
            }
            reconcile(invisibleRoot.getChildren(), rootItems);
            items.keySet().retainAll(alive);
        } finally {
            syncing = false;
        }
        select(model.selectedKeyProperty().get());
    }

    private TreeItem<Node> item(Node node, Set<NodeKey> alive) {
        NodeKey key = node.key();
        alive.add(key);
        TreeItem<Node> item = items.computeIfAbsent(key, k -> {
            TreeItem<Node> fresh = new TreeItem<>();
            fresh.setExpanded(toExpand.remove(k));
            return fresh;
        });
        if (!node.equals(item.getValue())) {
            item.setValue(node);
        }
        return item;
    }

    /**
     * Removes what went away and inserts what came, without touching the items that stay: both lists are in
     * load order, so a single pass keeps their relative order.
     */
    private static void reconcile(ObservableList<TreeItem<Node>> children, List<TreeItem<Node>> wanted) {
        if (children.equals(wanted)) {
            return;
        }
        if (children.isEmpty() || wanted.isEmpty()) {
            // a root's first scan: one change for 500 directories, not 500 (each would make the tree and its
            // selection model walk the rows again)
            children.setAll(wanted);
            return;
        }
        Set<TreeItem<Node>> keep = new HashSet<>(wanted);
        children.removeIf(c -> !keep.contains(c));
        for (int i = 0; i < wanted.size(); i++) {
            if (i >= children.size() || children.get(i) != wanted.get(i)) {
                children.remove(wanted.get(i));
                children.add(i, wanted.get(i));
            }
        }
    }

    private void select(NodeKey key) {
        TreeItem<Node> item = key == null ? null : items.get(key);
        if (item == null || tree.getSelectionModel().getSelectedItem() == item || !attached(item)) {
            return; // an item that a first fill has yet to add is selected when its step comes
        }
        for (TreeItem<Node> p = item.getParent(); p != null; p = p.getParent()) {
            p.setExpanded(true);
        }
        tree.getSelectionModel().select(item);
        int row = tree.getRow(item);
        if (row >= 0) {
            tree.scrollTo(Math.max(0, row - 3));
        }
    }
}
