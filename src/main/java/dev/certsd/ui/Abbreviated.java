package dev.certsd.ui;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;

/**
 * Marks a label, button or cell whose text may be cut short on purpose (a long path in a narrow column): it then
 * carries a tooltip with the whole text. The layout test accepts a cut text only on nodes marked so.
 */
public final class Abbreviated {
    private static final String KEY = "certsd.abbreviated";

    private Abbreviated() {
    }

    /** Marks {@code node}, with a tooltip showing {@code full} (a data tooltip when the node shows data). */
    public static <T extends Labeled> T mark(T node, String full) {
        node.getProperties().put(KEY, Boolean.TRUE);
        Tooltip t = node.getTooltip() != null ? node.getTooltip() : new Tooltip();
        t.setText(full);
        if (node.getStyleClass().contains(DataNodes.STYLE_CLASS)) {
            DataNodes.mark(t);
        }
        node.setTooltip(t);
        return node;
    }

    /** Marks a node whose tooltip is kept up to date by its owner (a table cell, a tree cell). */
    public static <T extends Labeled> T markWithOwnTooltip(T node) {
        node.getProperties().put(KEY, Boolean.TRUE);
        return node;
    }

    /** Marks a label inside a row (a tree cell) whose own tooltip tells the whole story. */
    public static <T extends Labeled> T markInsideTooltip(T node) {
        node.getProperties().put(KEY, Boolean.TRUE);
        return node;
    }

    /**
     * Whether the node is marked and a tooltip shows its whole text: its own, or that of the cell it sits in
     * (a tree row's tooltip spells out the verdict its row abbreviates).
     */
    public static boolean isMarked(Node node) {
        if (!Boolean.TRUE.equals(node.getProperties().get(KEY))) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.Control c && c.getTooltip() != null
                    && c.getTooltip().getText() != null && !c.getTooltip().getText().isEmpty()) {
                return true;
            }
            if (n != node && n instanceof javafx.scene.control.Cell<?>) {
                return false; // a cell's tooltip is the last that speaks for what it holds
            }
        }
        return false;
    }
}
