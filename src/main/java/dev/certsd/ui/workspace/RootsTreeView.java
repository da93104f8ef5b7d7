package dev.certsd.ui.workspace;

import dev.certsd.diagnose.HostReport;
import dev.certsd.diagnose.Messages;
import dev.certsd.diagnose.RootReport;
import dev.certsd.ui.UiText;
import dev.certsd.ui.work.FrameSchedule;
import dev.certsd.ui.work.NextPulses;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
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
    /** Set while the next step of a first fill waits for its pulse. */
    private boolean stepPending;
    /** Roots whose first fill is still coming in steps. */
    private final Set<TreeItem<Node>> filling = new HashSet<>();
    private final BiConsumer<Integer, Runnable> later;

    public RootsTreeView(RootsViewModel model, UiText text, Messages messages, ContextMenu menu) {
        this(model, text, messages, menu, NextPulses::run);
    }

    /** @param later runs work at the start of the n-th pulse from now ({@link NextPulses#run}; a test's queue) */
    RootsTreeView(RootsViewModel model, UiText text, Messages messages, ContextMenu menu,
                  BiConsumer<Integer, Runnable> later) {
        this.later = later;
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
                if (filling.contains(rootItem) || rootItem.getChildren().isEmpty()
                        && hostItems.size() > FrameSchedule.TREE_STEP_ROWS) {
                    fillStep(rootItem, hostItems);
                } else {
                    reconcile(rootItem.getChildren(), hostItems);
                }
            }
            reconcile(invisibleRoot.getChildren(), rootItems);
            items.keySet().retainAll(alive);
            filling.retainAll(rootItems);
        } finally {
            syncing = false;
        }
        select(model.selectedKeyProperty().get());
    }

    /** One step of a root's first fill ({@link FrameSchedule}); a root changed meanwhile gets all its rows at once. */
    private void fillStep(TreeItem<Node> rootItem, List<TreeItem<Node>> wanted) {
        ObservableList<TreeItem<Node>> children = rootItem.getChildren();
        if (children.size() > wanted.size() || !children.equals(wanted.subList(0, children.size()))) {
            // the root changed on disk during its first fill: one change, as for the first step (the selection is
            // put back at the end of sync)
            filling.remove(rootItem);
            children.setAll(wanted);
            return;
        }
        int next = children.size() < FrameSchedule.TREE_SCREENFUL
                ? Math.min(wanted.size(), children.size() + FrameSchedule.TREE_STEP_ROWS) : wanted.size();
        if (children.isEmpty()) {
            children.setAll(wanted.subList(0, next));
        } else {
            children.addAll(wanted.subList(children.size(), next));
        }
        if (next < wanted.size()) {
            filling.add(rootItem);
            nextStepAfterThisPulse();
        } else {
            filling.remove(rootItem);
        }
    }

    /** Runs {@link #sync} again at the start of the pulse after the next one, which lays out this step. */
    private void nextStepAfterThisPulse() {
        if (stepPending) {
            return;
        }
        stepPending = true;
        later.accept(FrameSchedule.TREE_STEP_PULSES, () -> {
            stepPending = false;
            sync();
        });
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
