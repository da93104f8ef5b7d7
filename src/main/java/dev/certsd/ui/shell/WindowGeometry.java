package dev.certsd.ui.shell;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Where the main window goes and how big, from what was remembered; and what to remember of it now. */
final class WindowGeometry {
    private WindowGeometry() {
    }

    /** The remembered size and place, centred instead when that place is on no screen now. */
    static void place(Stage s, Settings settings) {
        s.setWidth(settings.width());
        s.setHeight(settings.height());
        boolean onScreen = !Double.isNaN(settings.x()) && !Screen.getScreensForRectangle(
                new Rectangle2D(settings.x(), settings.y(), 100, 100)).isEmpty();
        if (onScreen) {
            s.setX(settings.x());
            s.setY(settings.y());
        } else {
            s.centerOnScreen();
        }
        s.setMaximized(settings.maximized());
    }

    /**
     * {@code next} with the window's place and size, once it has one; a maximized window keeps the size it had
     * before ({@code before}'s), to come back to.
     */
    static Settings remember(Stage stage, Settings before, Settings next) {
        if (stage == null || !stage.isShowing() && stage.getWidth() <= 0) {
            return next;
        }
        return stage.isMaximized() ? next.withWindow(before.x(), before.y(), before.width(), before.height(), true)
                : next.withWindow(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
    }
}
