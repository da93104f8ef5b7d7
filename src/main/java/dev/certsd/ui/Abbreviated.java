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

    /** Whether the node is marked and carries a tooltip. */
    public static boolean isMarked(Node node) {
        return Boolean.TRUE.equals(node.getProperties().get(KEY)) && node instanceof Labeled l
                && l.getTooltip() != null && l.getTooltip().getText() != null && !l.getTooltip().getText().isEmpty();
    }
}
