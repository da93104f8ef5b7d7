package dev.certsd.ui;

import dev.certsd.testing.FxStudio;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/**
 * Finds the visible labels, buttons and cells whose text the skin cut short (its rendered text differs from the
 * whole text: an ellipsis, or lines left out), unless marked {@link Abbreviated} with a tooltip.
 */
public final class Truncations {
    private Truncations() {
    }

    /** The sizes the layout tests check every window at: the app's default, and a small laptop screen. */
    public static final double[][] SIZES = {{1200, 760}, {1024, 700}};

    /** Sizes the window to each of {@link #SIZES} and adds what is cut there to {@code cut}. */
    public static void atEachSize(org.testfx.api.FxRobot robot, javafx.stage.Stage s, String where,
                                  java.util.Set<String> cut) throws Exception {
        for (double[] size : SIZES) {
            robot.interact(() -> {
                s.setWidth(size[0]);
                s.setHeight(size[1]);
            });
            // the scene takes the new size from the window, and a pulse lays it out
            FxStudio.waitUntil(() -> s.getScene().getWidth() == size[0] && s.getScene().getHeight() == size[1]
                    && !s.getScene().getRoot().isNeedsLayout(), 5);
            List<String> found = new ArrayList<>();
            robot.interact(() -> found.addAll(in(s.getScene())));
            found.forEach(f -> cut.add(where + " at " + (int) size[0] + "×" + (int) size[1] + ": " + f));
        }
    }

    /** One line per cut text: {@code "shown" instead of "whole" (id, style classes)}. */
    public static List<String> in(Scene scene) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        List<String> found = new ArrayList<>();
        walk(scene.getRoot(), found);
        return found;
    }

    private static void walk(Node n, List<String> found) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l) {
            check(l, found);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, found);
            }
        }
    }

    private static void check(Labeled l, List<String> found) {
        String whole = l.getText();
        if (whole == null || whole.isEmpty() || l.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY
                || l.getWidth() <= 0 || Abbreviated.isMarked(l)) {
            return;
        }
        if (l.isMnemonicParsing()) {
            whole = whole.replaceFirst("_(?=.)", "");
        }
        // a control laid out past the window's edge is cut too, ellipsis or not (a box that cannot shrink it)
        javafx.geometry.Bounds b = l.localToScene(l.getLayoutBounds());
        if (l.getScene() != null && b.getMaxX() > l.getScene().getWidth() + 1) {
            found.add("\"" + whole + "\" runs past the window's right edge (" + l.getClass().getSimpleName()
                    + (l.getId() != null ? " #" + l.getId() : "") + ", right edge " + Math.round(b.getMaxX())
                    + " of " + Math.round(l.getScene().getWidth()) + ")");
            return;
        }
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t && c.getClass().getSimpleName().equals("LabeledText")) {
                String shown = t.getText();
                if (shown != null && !shown.equals(whole)) {
                    found.add("\"" + shown + "\" instead of \"" + whole + "\" (" + l.getClass().getSimpleName()
                            + (l.getId() != null ? " #" + l.getId() : "") + " " + l.getStyleClass() + ", width "
                            + Math.round(l.getWidth()) + ")");
                }
            }
        }
    }
}
