package dev.certsd.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.geom.PathIterator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.IkonHandler;

/**
 * icons.txt holds exactly the icons the code names, each the outline of its glyph in the Material Design Icons font
 * (Ikonli's pack, a test dependency only). {@code mvn test -Dtest=IconOutlinesTest -Dicons.write=true} rewrites it
 * after the code names a new icon.
 */
class IconOutlinesTest {
    private static final Map<String, Font> FONTS = new ConcurrentHashMap<>();
    static final Path FILE = Path.of("src/main/resources/dev/certsd/ui/icons.txt");
    /** Marks the 24-unit square's corners (no area, nothing drawn) so a region scales the square, not the glyph. */
    static final String CORNERS = "M0 0L0 0ZM24 24L24 24Z";

    @Test
    void iconsTxtHoldsTheFontsOutlineOfEveryIconTheCodeNames() throws Exception {
        Set<String> codes = codesInTheSources();
        assertTrue(codes.size() > 20, "found only " + codes);
        StringBuilder expected = new StringBuilder();
        for (String code : codes) {
            expected.append(code).append(' ').append(CORNERS).append(outline(code)).append('\n');
        }
        if (Boolean.getBoolean("icons.write")) {
            Files.writeString(FILE, expected, StandardCharsets.US_ASCII);
        }
        assertEquals(expected.toString(), Files.readString(FILE, StandardCharsets.US_ASCII),
                "icons.txt differs from the font: rewrite it with -Dicons.write=true");
    }

    @Test
    void anUnknownIconFailsByItsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Icons.outline("mdi2x-nope"));
        assertTrue(e.getMessage().contains("mdi2x-nope"), e.getMessage());
    }

    /** Every {@code "mdi2…"} literal under src/main/java. */
    static Set<String> codesInTheSources() throws IOException {
        Pattern icon = Pattern.compile("\"(mdi2[a-z]-[a-z0-9-]+)\"");
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = icon.matcher(Files.readString(f));
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        }
        return codes;
    }

    /** The glyph's outline at 24 px with its baseline 21 units down, as SVG path commands rounded to 1/100. */
    static String outline(String code) throws IOException, FontFormatException {
        Font font = font(code).deriveFont((float) Icons.EM);
        PathIterator it = font.createGlyphVector(new FontRenderContext(null, true, true), glyph(code)).getOutline()
                .getPathIterator(null);
        assertEquals(PathIterator.WIND_NON_ZERO, it.getWindingRule(), code);
        StringBuilder out = new StringBuilder();
        double[] c = new double[6];
        for (; !it.isDone(); it.next()) {
            int type = it.currentSegment(c);
            switch (type) {
                case PathIterator.SEG_MOVETO -> points(out.append('M'), c, 1);
                case PathIterator.SEG_LINETO -> points(out.append('L'), c, 1);
                case PathIterator.SEG_QUADTO -> points(out.append('Q'), c, 2);
                case PathIterator.SEG_CUBICTO -> points(out.append('C'), c, 3);
                default -> out.append('Z');
            }
        }
        return out.toString();
    }

    /** The font of the pack that has {@code code} (Material Design Icons), at 1 pt; read once per pack. */
    static Font font(String code) throws IOException, FontFormatException {
        String url = handler(code).getFontResource().toExternalForm();
        Font font = FONTS.get(url);
        if (font == null) {
            try (InputStream in = handler(code).getFontResource().openStream()) {
                font = Font.createFont(Font.TRUETYPE_FONT, in);
            }
            FONTS.put(url, font);
        }
        return font;
    }

    /** {@code code}'s character in that font. */
    static String glyph(String code) {
        Ikon ikon = handler(code).resolve(code);
        return new String(Character.toChars(ikon.getCode()));
    }

    private static IkonHandler handler(String code) {
        return ServiceLoader.load(IkonHandler.class).stream().map(ServiceLoader.Provider::get)
                .filter(h -> h.supports(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no icon pack has " + code));
    }

    private static void points(StringBuilder out, double[] c, int n) {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            numbers.add(number(c[2 * i]));
            numbers.add(number(c[2 * i + 1] + Icons.ASCENT));
        }
        out.append(String.join(" ", numbers));
    }

    private static String number(double v) {
        double r = Math.round(v * 100) / 100.0 + 0.0;
        String s = Double.toString(r);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
