package dev.certsd.ui.shell;

import dev.certsd.ui.Icon;
import dev.certsd.ui.Icons;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/** The window icon, drawn from the same icon font as the rest of the UI so no image files need maintaining. */
final class WindowIcon {
    private WindowIcon() {
    }

    /** The icon at the sizes window managers ask for; call on the FX thread. */
    static List<Image> images() {
        List<Image> out = new ArrayList<>();
        for (int size : new int[] {16, 32, 48, 64, 128}) {
            Rectangle back = new Rectangle(size, size, Color.web("#0969da"));
            back.setArcWidth(size / 3.0);
            back.setArcHeight(size / 3.0);
            Icon glyph = Icons.of("mdi2c-certificate");
            glyph.setSize((int) Math.round(size * 0.72));
            glyph.setColor(Color.WHITE);
            StackPane pane = new StackPane(back, glyph);
            pane.setAlignment(Pos.CENTER);
            pane.setStyle("-fx-background-color: transparent;");
            SnapshotParameters p = new SnapshotParameters();
            p.setFill(Color.TRANSPARENT);
            out.add(pane.snapshot(p, null));
        }
        return out;
    }
}
