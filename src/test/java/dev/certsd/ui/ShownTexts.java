package dev.certsd.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Walks what a window shows (labels, texts, tooltips, menu items, prompts, tabs, column headers, dialog header and
 * content, the title) and lists each visible text that is neither from a bundle nor on a node marked as data with
 * {@link DataNodes}. Call on the FX thread.
 */
public final class ShownTexts {
    private final BundleTexts bundles;
    private final List<String> strays = new ArrayList<>();
    private int checked;

    private ShownTexts(Locale locale) {
        this.bundles = new BundleTexts(locale);
    }

    /** The texts on screen in these windows that come from no bundle of {@code locale}, with where they are. */
    public static Result check(Locale locale, List<Window> windows) {
        ShownTexts t = new ShownTexts(locale);
        for (Window w : windows) {
            if (!w.isShowing() || w.getScene() == null) {
                continue;
            }
            if (w instanceof Stage s) {
                t.text(s.getTitle(), "title of " + s.getTitle());
            }
            t.walk(w.getScene().getRoot());
        }
        return new Result(List.copyOf(t.strays), t.checked);
    }

    /** @param checked how many texts were looked at (a scan that saw nothing proves nothing) */
    public record Result(List<String> strays, int checked) {
    }

    private void walk(Node n) {
        if (!n.isVisible()) {
            return;
        }
        boolean data = DataNodes.isData(n);
        if (n instanceof Labeled l && !data) {
            text(l.getText(), where(n));
        }
        if (n instanceof Text t && !data && !(n.getParent() instanceof Labeled)
                && !insideTextInput(n)) {
            text(t.getText(), where(n));
        }
        if (n instanceof TextInputControl t) {
            text(t.getPromptText(), "prompt of " + where(n));
        }
        if (n instanceof Control c) {
            tooltip(c.getTooltip(), n);
            if (c.getContextMenu() != null) {
                c.getContextMenu().getItems().forEach(i -> item(i, "context menu of " + where(n)));
            }
        }
        if (n instanceof TableView<?> tv) {
            tv.getColumns().forEach(col -> column(col, n));
        }
        if (n instanceof TreeTableView<?> tv) {
            tv.getColumns().forEach(col -> column(col, n));
        }
        if (n instanceof TabPane tp) {
            for (Tab tab : tp.getTabs()) {
                text(tab.getText(), "tab of " + where(n));
            }
        }
        if (n instanceof MenuBar mb) {
            mb.getMenus().forEach(m -> item(m, "menu bar"));
        }
        if (n instanceof DialogPane dp) {
            text(dp.getHeaderText(), "dialog header");
            text(dp.getContentText(), "dialog content");
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(this::walk);
        }
    }

    private void column(TableColumnBase<?, ?> col, Node table) {
        text(col.getText(), "column of " + where(table));
        col.getColumns().forEach(c -> column(c, table));
    }

    private void item(MenuItem i, String where) {
        text(i.getText(), where + " › " + i.getId());
        if (i instanceof Menu m) {
            m.getItems().forEach(x -> item(x, where + " › " + m.getText()));
        }
    }

    private void tooltip(Tooltip t, Node owner) {
        if (t != null && !t.getStyleClass().contains(DataNodes.STYLE_CLASS)) {
            text(t.getText(), "tooltip of " + where(owner));
        }
    }

    private void text(String s, String where) {
        if (s == null || s.isBlank()) {
            return;
        }
        checked++;
        if (!bundles.contains(s)) {
            strays.add(where + ": \"" + s + "\"");
        }
    }

    private static boolean insideTextInput(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof TextInputControl || p instanceof Labeled) {
                return true;
            }
        }
        return false;
    }

    private static String where(Node n) {
        StringBuilder s = new StringBuilder(n.getClass().getSimpleName());
        if (n.getId() != null) {
            s.append('#').append(n.getId());
        }
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p.getId() != null) {
                s.append(" in #").append(p.getId());
                break;
            }
        }
        return s.toString();
    }
}
