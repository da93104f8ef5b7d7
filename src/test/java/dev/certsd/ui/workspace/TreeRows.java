package dev.certsd.ui.workspace;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.testfx.api.FxRobot;

/** The roots tree of a window under test: its rows by key, the cell showing one, what is selected. */
public final class TreeRows {
    private TreeRows() {
    }

    /** The tree's row for {@code key}, shown or scrolled away, or null. */
    public static TreeItem<Node> item(FxRobot robot, NodeKey key) {
        TreeView<Node> tree = robot.lookup("#roots-tree").query();
        List<TreeItem<Node>> todo = new ArrayList<>(tree.getRoot().getChildren());
        while (!todo.isEmpty()) {
            TreeItem<Node> i = todo.remove(todo.size() - 1);
            if (i.getValue() != null && i.getValue().key().equals(key)) {
                return i;
            }
            todo.addAll(i.getChildren());
        }
        return null;
    }

    /** The visible cell showing {@code key} now, or null. */
    @SuppressWarnings("unchecked")
    public static TreeCell<Node> cell(FxRobot robot, NodeKey key) {
        for (javafx.scene.Node n : robot.lookup(".tree-cell").queryAll()) {
            TreeCell<Node> c = (TreeCell<Node>) n;
            if (c.isVisible() && c.getItem() != null && c.getItem().key().equals(key)) {
                return c;
            }
        }
        return null;
    }

    /** The key of the row the tree selects, or null. */
    public static NodeKey selected(FxRobot robot) {
        TreeView<Node> tree = robot.lookup("#roots-tree").query();
        TreeItem<Node> item = tree.getSelectionModel().getSelectedItem();
        return item == null ? null : item.getValue().key();
    }
}
