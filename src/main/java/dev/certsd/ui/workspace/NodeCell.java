package dev.certsd.ui.workspace;

import atlantafx.base.theme.Styles;
import dev.certsd.diagnose.Badge;
import dev.certsd.diagnose.Finding;
import dev.certsd.diagnose.Messages;
import dev.certsd.diagnose.Verdict;
import dev.certsd.ui.Abbreviated;
import dev.certsd.ui.DataNodes;
import dev.certsd.ui.Icon;
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

    /**
     * The nodes of host and file rows, kept from one item to the next: a new label costs a skin and a full match of
     * the stylesheet, and the tree refills its visible cells at every step of a large root's fill. Only texts, icons
     * and style classes change (and those only when they differ); the root's row is built anew.
     */
    private final Icon hostIcon = icon("mdi2c-check-circle");
    private final Label hostName = DataNodes.mark(new Label(null, hostIcon));
    private final Label verdictWords = Abbreviated.markInsideTooltip(new Label());
    private final Label fileName = DataNodes.mark(new Label(null, icon("mdi2f-file-document-outline")));
    private final List<Label> chips = new ArrayList<>();

    NodeCell(UiText text, Messages messages) {
        this.text = text;
        this.look = new VerdictLook(text);
        this.messages = messages;
        row.setAlignment(Pos.CENTER_LEFT);
        verdictWords.setMinWidth(0);
        verdictWords.setMaxWidth(360);
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
        if (!row.getChildren().equals(parts)) { // the same nodes again would be styled again
            row.getChildren().setAll(parts);
        }
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
        hostIcon.setCode(VerdictLook.icon(v));
        classes(hostIcon, v.level() == Verdict.Level.FAILS_LATER ? List.of("ikonli-font-icon", "warning-icon")
                : List.of("ikonli-font-icon", "node-icon", VerdictLook.style(v.level())));
        hostName.setText(h.host().hostDir().dirName());
        verdictWords.setText(look.shortText(v));
        List<String> words = new ArrayList<>(List.of("label", Styles.TEXT_SMALL, VerdictLook.style(v.level())));
        if (VerdictLook.clientWords(v)) { // the client's own words
            words.add(DataNodes.STYLE_CLASS);
        }
        classes(verdictWords, words);
        row.add(hostName);
        row.add(verdictWords);
        if (v.level() != Verdict.Level.IGNORED && v.warnings() > 0) {
            row.add(chip(0, text.fmt("count.warnings", v.warnings()), "mdi2a-alert", "badge-warning", null));
        }
        StringBuilder tip = new StringBuilder(look.longText(v));
        if (v.errors() + v.warnings() > 0) {
            tip.append("\n").append(text.fmt("tooltip.hostCounts", v.errors(), v.warnings()));
        }
        return tip.toString();
    }

    private String file(Node.FileNode f, List<javafx.scene.Node> row) {
        fileName.setText(f.file().name());
        row.add(fileName);
        int n = 0;
        for (Badge b : f.file().badges().stream().sorted(BadgeLook.ORDER).toList()) {
            BadgeLook look = BadgeLook.of(b);
            row.add(chip(n++, text.get(look.textKey()), look.icon(), look.styleClass(), b));
        }
        if (f.file().findings().isEmpty()) {
            return text.get("role.explain." + f.file().role().name());
        }
        String dir = f.host().hostDir().dirName();
        return f.file().findings().stream().map((Finding x) -> text.fmt("list.item", messages.render(x, dir)))
                .collect(Collectors.joining("\n"));
    }

    /** This cell's n-th chip, showing {@code word} (and {@code badge} in its properties, for the tests). */
    private Label chip(int n, String word, String iconCode, String styleClass, Badge badge) {
        while (chips.size() <= n) {
            chips.add(chip("", "mdi2a-alert", "badge-warning"));
        }
        Label l = chips.get(n);
        l.setText(word);
        ((Icon) l.getGraphic()).setCode(iconCode);
        classes(l, List.of("label", "badge", styleClass));
        if (badge == null) {
            l.getProperties().remove("badge");
        } else {
            l.getProperties().put("badge", badge);
        }
        return l;
    }

    /** Sets a node's style classes when they differ: any change to the list styles the node again. */
    private static void classes(javafx.scene.Node node, List<String> wanted) {
        if (!node.getStyleClass().equals(wanted)) {
            node.getStyleClass().setAll(wanted);
        }
    }

    static Label chip(String word, String iconCode, String styleClass) {
        Label l = new Label(word, icon(iconCode));
        l.getStyleClass().addAll("badge", styleClass);
        return l;
    }

    static Icon icon(String code) {
        Icon i = Icons.of(code);
        i.getStyleClass().add("node-icon");
        return i;
    }
}
