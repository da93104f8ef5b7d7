package dev.certsd.ui;

import javafx.scene.Node;

/**
 * Marks the nodes that show data rather than words: file names, paths, subjects, fingerprints, numbers, a client's
 * own error text. Everything else a view shows comes from a resource bundle; a test holds every view to that in
 * Japanese, and trusts this mark, set where the data is displayed, instead of a list of exceptions.
 */
public final class DataNodes {
    /** The style class that says "data"; it has no look of its own. */
    public static final String STYLE_CLASS = "certsd-data";

    private DataNodes() {
    }

    public static <T extends Node> T mark(T node) {
        if (!node.getStyleClass().contains(STYLE_CLASS)) {
            node.getStyleClass().add(STYLE_CLASS);
        }
        return node;
    }

    /** Marks or unmarks a node that shows data at some times and words at others (a reused cell, say). */
    public static <T extends Node> T mark(T node, boolean data) {
        if (data) {
            return mark(node);
        }
        node.getStyleClass().remove(STYLE_CLASS);
        return node;
    }

    /** A tooltip that shows data only (a path). */
    public static javafx.scene.control.Tooltip mark(javafx.scene.control.Tooltip tooltip) {
        if (!tooltip.getStyleClass().contains(STYLE_CLASS)) {
            tooltip.getStyleClass().add(STYLE_CLASS);
        }
        return tooltip;
    }

    public static boolean isData(Node node) {
        return node.getStyleClass().contains(STYLE_CLASS);
    }
}
