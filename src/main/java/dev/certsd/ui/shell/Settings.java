package dev.certsd.ui.shell;

import dev.certsd.roots.CertsRoot;
import java.util.List;

/**
 * What the window remembers between runs. Window geometry is NaN until the first run has ended, so the first
 * window is centred at its default size.
 *
 * @param treeDivider     position of the divider between the tree and the right-hand side (0..1)
 * @param findingsDivider position of the divider between details and findings (0..1)
 * @param roots           the roots the user added
 * @param language        the language chosen in View › Language ({@code en}, {@code ja}), or empty to follow the
 *                        system's
 * @param hidden          roots found on this machine that the user removed from the list (paths)
 */
public record Settings(double x, double y, double width, double height, boolean maximized, double treeDivider,
                       double findingsDivider, boolean dark, List<CertsRoot> roots, String language,
                       List<String> hidden) {
    public static final Settings DEFAULTS = new Settings(Double.NaN, Double.NaN, 1200, 760, false, 0.42, 0.62, false,
            List.of(), "");

    public Settings {
        roots = List.copyOf(roots);
        language = language == null ? "" : language;
        hidden = hidden == null ? List.of() : List.copyOf(hidden);
    }

    /** No root hidden. */
    public Settings(double x, double y, double width, double height, boolean maximized, double treeDivider,
                    double findingsDivider, boolean dark, List<CertsRoot> roots, String language) {
        this(x, y, width, height, maximized, treeDivider, findingsDivider, dark, roots, language, List.of());
    }

    public Settings withHidden(List<String> h) {
        return new Settings(x, y, width, height, maximized, treeDivider, findingsDivider, dark, roots, language, h);
    }

    /** Following the system's language. */
    public Settings(double x, double y, double width, double height, boolean maximized, double treeDivider,
                    double findingsDivider, boolean dark, List<CertsRoot> roots) {
        this(x, y, width, height, maximized, treeDivider, findingsDivider, dark, roots, "");
    }

    public Settings withLanguage(String l) {
        return new Settings(x, y, width, height, maximized, treeDivider, findingsDivider, dark, roots, l, hidden);
    }

    public Settings withRoots(List<CertsRoot> r) {
        return new Settings(x, y, width, height, maximized, treeDivider, findingsDivider, dark, r, language, hidden);
    }

    public Settings withDark(boolean d) {
        return new Settings(x, y, width, height, maximized, treeDivider, findingsDivider, d, roots, language, hidden);
    }

    public Settings withWindow(double nx, double ny, double w, double h, boolean max) {
        return new Settings(nx, ny, w, h, max, treeDivider, findingsDivider, dark, roots, language, hidden);
    }

    public Settings withDividers(double tree, double findings) {
        return new Settings(x, y, width, height, maximized, tree, findings, dark, roots, language, hidden);
    }
}
