package dev.certsd.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Screenshots taken by GUI tests from the scene itself ({@code Scene.snapshot}, headless too): written only when
 * {@code -Dcertsd.shots=DIR} is given (docs/screenshots.sh fleet passes {@code docs}). Call on the FX thread.
 */
public final class Shots {
    private Shots() {
    }

    public static void save(Scene scene, String name) throws IOException {
        String dir = System.getProperty("certsd.shots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        WritableImage image = scene.snapshot(null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, r.getArgb(x, y));
            }
        }
        Path d = Files.createDirectories(Path.of(dir));
        ImageIO.write(out, "png", d.resolve(name + ".png").toFile());
    }
}
