package dev.certsd.ui;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Icons by their Ikonli code ({@code "mdi2k-key-variant"}). Ikonli finds a code's glyph by walking every icon of
 * its pack, once per {@code new FontIcon(String)}; the tree, the findings and the details build many icons, so the
 * lookup is done once per code here.
 */
public final class Icons {
    private static final Map<String, Ikon> IKONS = new ConcurrentHashMap<>();

    private Icons() {
    }

    /** The icon of {@code code}, to set on an icon node that exists (a reused row). */
    public static Ikon ikon(String code) {
        Ikon ikon = IKONS.get(code);
        return ikon != null ? ikon : of(code).getIconCode();
    }

    /** A new icon node for {@code code}; an unknown code fails as {@code new FontIcon(code)} does. */
    public static FontIcon of(String code) {
        Ikon ikon = IKONS.get(code);
        if (ikon == null) {
            FontIcon resolved = new FontIcon(code);
            IKONS.put(code, resolved.getIconCode());
            return resolved;
        }
        return new FontIcon(ikon);
    }
}
