package dev.certsd.ui.workspace;

import atlantafx.base.theme.Styles;
import dev.certsd.diagnose.Badge;
import dev.certsd.diagnose.Finding;
import dev.certsd.diagnose.Messages;
import dev.certsd.diagnose.Verdict;
import dev.certsd.ui.DataNodes;
import dev.certsd.ui.Icons;
import dev.certsd.ui.UiText;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/** One row of the tree: icon, name, and what the client makes of it (verdict, badges, counts), with a tooltip. */
final class NodeCell extends TreeCell<Node> {
    private final UiText text;
    private final Messages messages;
    private final VerdictLook look;

    /** One tooltip per cell, its text changed as the cell is reused: creating a Tooltip is costly. */
    private final Tooltip tooltip = new Tooltip();

    /**
     * The host or file node this cell's graphic was built for. The tree updates every visible cell whenever rows
     * are added or removed, mostly with the same item: building and styling the row again each time is what made
     * the window stall after a large scan. Host and file nodes are immutable (a rescan makes new ones), so the
     * same instance needs nothing new. Root nodes show live counts and are always built again.
     */
    private Node shown;

    /**
     * The cell's graphic for good; each item fills it anew, and an empty row leaves it empty. A new graphic makes the
     * tree cell's skin apply CSS at once, from the highest ancestor that still waits for it
     * (TreeCellSkin.updateDisclosureNode): 0.4 s of the FX thread while a 500-directory root filled the tree, as
     * the tree empties and refills its visible cells at each step. New children get their styles in the next pulse.
     */
    private final HBox row = new HBox(6);

    NodeCell(UiText text, Messages messages) {
        this.text = text;
        this.look = new VerdictLook(text);
        this.messages = messages;
        row.setAlignment(Pos.CENTER_LEFT);
        setGraphic(row);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(520);
        tooltip.setShowDelay(Duration.millis(400));
    }

    @Override
    protected void updateItem(Node node, boolean empty) {
        super.updateItem(node, empty);
        setText(null);
        if (empty || node == null) {
            shown = null;
            row.getChildren().clear();
            // the skin leaves the last item's arrow on an empty row unless the graphic changes; it shows the arrow
            // again (TreeCellSkin.updateDisclosureNode) once the cell has an item with children
            if (getDisclosureNode() != null) {
                getDisclosureNode().setVisible(false);
            }
            setTooltip(null);
            return;
        }
        if (node == shown && !row.getChildren().isEmpty()) {
            return;
        }
        shown = node instanceof Node.RootNode ? null : node;
        List<javafx.scene.Node> parts = new ArrayList<>();
        String tip;
        if (node instanceof Node.RootNode r) {
            tip = root(r, parts);
        } else if (node instanceof Node.HostNode h) {
            tip = host(h, parts);
        } else {
            tip = file((Node.FileNode) node, parts);
        }
        row.getChildren().setAll(parts);
        tooltip.setText(tip);
        if (getTooltip() != tooltip) {
            setTooltip(tooltip);
        }
    }

    private String root(Node.RootNode r, List<javafx.scene.Node> row) {
        RootModel m = r.model();
        Label kind = new Label(m.label(text), icon(m.sample() ? "mdi2s-school" : "mdi2f-folder-network"));
        kind.getStyleClass().add(Styles.TEXT_BOLD);
        Label path = DataNodes.mark(new Label(m.root().path().toString()));
        path.getStyleClass().add(Styles.TEXT_MUTED);
        row.addAll(List.of(kind, path));
        if (m.problemProperty().get() != null) {
            row.add(chip(text.get("root.problem." + m.problemProperty().get().name()),
                    "mdi2a-alert-circle", "badge-danger"));
        } else if (m.report() != null) {
            Counts c = m.counts();
            if (c.errors() > 0) {
                row.add(chip(text.fmt("count.errors", c.errors()), "mdi2c-close-circle", "badge-danger"));
            }
            if (c.warnings() > 0) {
                row.add(chip(text.fmt("count.warnings", c.warnings()), "mdi2a-alert", "badge-warning"));
            }
        }
        return text.fmt("tooltip.root", m.label(text), m.root().path(),
                m.root().client().id());
    }

    private String host(Node.HostNode h, List<javafx.scene.Node> row) {
        Verdict v = h.verdict();
        FontIcon icon = icon(VerdictLook.icon(v));
        if (v.level() == Verdict.Level.FAILS_LATER) {
            icon.getStyleClass().setAll("ikonli-font-icon", "warning-icon");
        } else {
            icon.getStyleClass().add(VerdictLook.style(v.level()));
        }
        Label name = DataNodes.mark(new Label(h.host().hostDir().dirName(), icon));
        Label verdict = new Label(look.shortText(v));
        DataNodes.mark(verdict, VerdictLook.clientWords(v)); // the client's own words
        verdict.getStyleClass().addAll(Styles.TEXT_SMALL, VerdictLook.style(v.level()));
        verdict.setMinWidth(0);
        verdict.setMaxWidth(360);
        dev.certsd.ui.Abbreviated.markInsideTooltip(verdict); // the row's tooltip has the whole verdict
        row.addAll(List.of(name, verdict));
        if (v.level() != Verdict.Level.IGNORED && v.warnings() > 0) {
            row.add(chip(text.fmt("count.warnings", v.warnings()), "mdi2a-alert", "badge-warning"));
        }
        StringBuilder tip = new StringBuilder(look.longText(v));
        if (v.errors() + v.warnings() > 0) {
            tip.append("\n").append(text.fmt("tooltip.hostCounts", v.errors(), v.warnings()));
        }
        return tip.toString();
    }

    private String file(Node.FileNode f, List<javafx.scene.Node> row) {
        row.add(DataNodes.mark(new Label(f.file().name(), icon("mdi2f-file-document-outline"))));
        for (Badge b : f.file().badges().stream().sorted(BadgeLook.ORDER).toList()) {
            BadgeLook look = BadgeLook.of(b);
            Label chip = chip(text.get(look.textKey()), look.icon(), look.styleClass());
            chip.getProperties().put("badge", b);
            row.add(chip);
        }
        if (f.file().findings().isEmpty()) {
            return text.get("role.explain." + f.file().role().name());
        }
        String dir = f.host().hostDir().dirName();
        return f.file().findings().stream().map((Finding x) -> text.fmt("list.item", messages.render(x, dir)))
                .collect(Collectors.joining("\n"));
    }

    static Label chip(String word, String iconCode, String styleClass) {
        Label l = new Label(word, icon(iconCode));
        l.getStyleClass().addAll("badge", styleClass);
        return l;
    }

    static FontIcon icon(String code) {
        FontIcon i = Icons.of(code);
        i.getStyleClass().add("node-icon");
        return i;
    }
}
