package dev.certsd.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

/**
 * What every window beside the main one shares: Escape and Ctrl+W (Cmd+W) close it, and a Close button says so.
 */
public final class SecondaryWindow {
    /** Closes a secondary window, as in every desktop app. */
    public static final KeyCombination CLOSE = new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN);

    private SecondaryWindow() {
    }

    /** Escape and Ctrl+W hide the stage (its own on-hidden handlers cancel what it runs). */
    public static void closeOnKeys(Stage stage, Scene scene) {
        // a filter, not an accelerator: a focused list or table would take Escape for itself
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (CLOSE.match(e) || e.getCode() == KeyCode.ESCAPE && !e.isShortcutDown() && !e.isAltDown()) {
                e.consume();
                stage.hide();
            }
        });
    }

    /** A row with a Close button at its right (the cancel button, never the default), ids {@code idPrefix-close}. */
    public static HBox closeRow(Stage stage, UiText text, String idPrefix, javafx.scene.Node... left) {
        Button close = new Button(text.get("window.close"));
        close.setId(idPrefix + "-close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.hide());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(8);
        row.getChildren().addAll(left);
        row.getChildren().addAll(spacer, close);
        row.setAlignment(Pos.CENTER_RIGHT);
        row.setPadding(new Insets(8, 16, 10, 16));
        row.getStyleClass().add("window-buttons");
        return row;
    }
}
