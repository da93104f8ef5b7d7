package dev.certsd.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Every icon the code names draws as Java2D fills the same glyph from the Material Design Icons font in a square of the
 * icon's size (as Ikonli's FontIcon placed it): same place, same size, the same pixels up to antialiasing, at the
 * sizes the window uses. A wrong glyph, offset or scale differs widely (the second test shows the measure sees it).
 */
@ExtendWith(ApplicationExtension.class)
class IconLooksTest {
    private static final int[] SIZES = {12, 16, 18, 48};

    @Test
    void eachIconDrawsLikeItsGlyphInTheFont(FxRobot robot) throws Exception {
        Set<String> codes = IconOutlinesTest.codesInTheSources();
        List<String> unlike = new ArrayList<>();
        robot.interact(() -> {
            for (String code : codes) {
                for (int size : SIZES) {
                    double d = difference(font(code, size), ours(code, size), size);
                    if (d > 0.03) {
                        unlike.add(code + " at " + size + " px: " + Math.round(d * 100) + "% of its ink differs");
                    }
                }
            }
        });
        assertTrue(unlike.isEmpty(), String.join("\n", unlike));
    }

    @Test
    void theMeasureTellsTwoGlyphsApartAndAShiftedOne(FxRobot robot) {
        double[] d = new double[3];
        robot.interact(() -> {
            d[0] = difference(font("mdi2k-key-variant", 48), ours("mdi2c-certificate", 48), 48);
            Icon shifted = ours("mdi2k-key-variant", 48);
            shifted.setTranslateY(3);
            d[1] = difference(font("mdi2k-key-variant", 48), shifted, 48);
            Icon smaller = ours("mdi2k-key-variant", 48);
            smaller.setSize(44);
            d[2] = difference(font("mdi2k-key-variant", 48), smaller, 48);
        });
        assertTrue(d[0] > 0.4 && d[1] > 0.25 && d[2] > 0.2, "other " + d[0] + ", shifted " + d[1] + ", smaller " + d[2]);
    }

    /** The glyph as Java2D fills its outline from the font, in an icon-sized square centred in twice its size. */
    private static BufferedImage font(String code, int size) {
        try {
            BufferedImage image = new BufferedImage(size * 2, size * 2, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, size * 2, size * 2);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(java.awt.Color.BLACK);
            // the outline filled where the text would sit (drawString would round the baseline to a whole pixel)
            g.fill(IconOutlinesTest.font(code).deriveFont((float) size).createGlyphVector(
                    new FontRenderContext(null, true, true), IconOutlinesTest.glyph(code))
                    .getOutline(size / 2f, size / 2f + (float) (size * Icons.ASCENT / Icons.EM)));
            g.dispose();
            return image;
        } catch (Exception e) {
            throw new IllegalStateException(code, e);
        }
    }

    private static Icon ours(String code, int size) {
        Icon icon = Icons.of(code);
        icon.setSize(size);
        icon.setColor(Color.BLACK);
        return icon;
    }

    /** The share of the two drawings' ink (darkness on white) that is not common to both. */
    private static double difference(BufferedImage a, Node b, int size) {
        PixelReader pb = draw(b, size).getPixelReader();
        double differ = 0;
        double ink = 0;
        for (int y = 0; y < size * 2; y++) {
            for (int x = 0; x < size * 2; x++) {
                double da = 1 - (a.getRGB(x, y) & 0xff) / 255.0;
                double db = 1 - pb.getColor(x, y).getRed();
                differ += Math.abs(da - db);
                ink += Math.max(da, db);
            }
        }
        return ink == 0 ? 1 : differ / ink;
    }

    private static WritableImage draw(Node icon, int size) {
        StackPane pane = new StackPane(icon);
        pane.setStyle("-fx-background-color: white;");
        pane.setMinSize(size * 2, size * 2);
        pane.setMaxSize(size * 2, size * 2);
        pane.resize(size * 2, size * 2);
        pane.layout();
        return pane.snapshot(null, null);
    }
}
