package dev.certsd.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.scene.shape.SVGPath;

/**
 * The icons the window names ({@code "mdi2k-key-variant"}: Material Design Icons, as Ikonli named them), as outlines
 * read from {@code icons.txt}. That file holds, for every name the code uses, the glyph's outline from the Material
 * Design Icons font in a 24-unit square; {@code IconOutlinesTest} writes it from the font and fails when it differs.
 */
public final class Icons {
    /** The font's em square and ascent, in the units of the outlines. */
    static final double EM = 24;
    static final double ASCENT = 21;

    private static final Map<String, SVGPath> SHAPES = new ConcurrentHashMap<>();

    private Icons() {
    }

    /** A new icon node for {@code code}; an unknown code fails. */
    public static Icon of(String code) {
        return new Icon(code);
    }

    /** {@code code}'s outline as a shape, one per icon for every node that shows it (a region only reads it). */
    static SVGPath shape(String code) {
        return SHAPES.computeIfAbsent(code, c -> {
            SVGPath shape = new SVGPath();
            shape.setContent(outline(c));
            return shape;
        });
    }

    /** The SVG path of {@code code}'s glyph in a 24-unit square, its corners marked so a region scales it whole. */
    static String outline(String code) {
        String path = Outlines.BY_CODE.get(code);
        if (path == null) {
            throw new IllegalArgumentException("no icon " + code + " in icons.txt");
        }
        return path;
    }

    /** Read once, on the first icon: one line per icon, its name, a space and its path. */
    private static final class Outlines {
        static final Map<String, String> BY_CODE = read();

        private static Map<String, String> read() {
            String text;
            try (InputStream in = Icons.class.getResourceAsStream("icons.txt")) {
                if (in == null) {
                    throw new IllegalStateException("icons.txt is missing from the class path");
                }
                text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, String> out = new HashMap<>();
            int at = 0;
            while (at < text.length()) {
                int end = text.indexOf('\n', at);
                if (end < 0) {
                    end = text.length();
                }
                int space = text.indexOf(' ', at);
                if (space > at && space < end) {
                    out.put(text.substring(at, space), text.substring(space + 1, end));
                }
                at = end + 1;
            }
            return out;
        }
    }
}
