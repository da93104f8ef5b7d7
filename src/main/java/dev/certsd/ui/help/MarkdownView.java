package dev.certsd.ui.help;

import atlantafx.base.theme.Styles;
import dev.certsd.ui.DataNodes;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Shows the bundled user guide: the small part of Markdown it uses (headings, paragraphs, lists, code blocks,
 * tables, {@code `code`}, {@code **bold**}, links as their text). Images are left out; the guide reads without them.
 * The guide is a translated document of its own, so its nodes are marked as data.
 */
final class MarkdownView {
    private MarkdownView() {
    }

    /** The rendered document, with its headings (level 2) collected for the table of contents. */
    record Rendered(VBox body, List<Label> headings) {
    }

    static Rendered render(String markdown) {
        VBox body = new VBox(10);
        body.setId("guide-body");
        body.setPadding(new Insets(16, 22, 22, 22));
        List<Label> headings = new ArrayList<>();
        List<String> lines = markdown.lines().toList();
        StringBuilder paragraph = new StringBuilder();
        StringBuilder code = null;
        String bullet = null;
        for (String line : lines) {
            if (code != null) {
                if (line.strip().startsWith("```")) {
                    body.getChildren().add(codeBlock(code.toString().stripTrailing()));
                    code = null;
                } else {
                    code.append(line).append('\n');
                }
                continue;
            }
            String t = line.strip();
            boolean item = t.matches("([-*]|\\d+\\.) .*");
            boolean continues = !t.isEmpty() && !item && line.startsWith("  ") && bullet != null;
            if (continues) {
                paragraph.append(' ').append(t);
                continue;
            }
            flush(body, paragraph, bullet);
            bullet = null;
            if (t.startsWith("```")) {
                code = new StringBuilder();
            } else if (t.startsWith("#")) {
                int level = t.indexOf(' ');
                Label h = heading(inlinePlain(t.substring(level + 1)), level);
                if (level == 2) {
                    headings.add(h);
                }
                body.getChildren().add(h);
            } else if (t.startsWith("|")) {
                if (!t.matches("\\|[-:| ]+\\|?")) {
                    body.getChildren().add(codeBlock(inlinePlain(t)));
                }
            } else if (t.startsWith("![")) {
                continue; // an image: the viewer shows text only
            } else if (item) {
                bullet = t.startsWith("-") || t.startsWith("*") ? "•" : t.substring(0, t.indexOf(' '));
                paragraph.append(t.substring(t.indexOf(' ') + 1));
            } else if (!t.isEmpty()) {
                if (paragraph.length() > 0) {
                    paragraph.append(' ');
                }
                paragraph.append(t);
            }
        }
        flush(body, paragraph, bullet);
        if (code != null) {
            body.getChildren().add(codeBlock(code.toString().stripTrailing()));
        }
        return new Rendered(body, headings);
    }

    private static Label heading(String words, int level) {
        Label h = DataNodes.mark(new Label(words));
        h.setWrapText(true);
        h.setMinHeight(Region.USE_PREF_SIZE);
        h.getStyleClass().add(level <= 1 ? Styles.TITLE_2 : level == 2 ? Styles.TITLE_3 : Styles.TITLE_4);
        return h;
    }

    private static void flush(VBox body, StringBuilder paragraph, String bullet) {
        if (paragraph.length() == 0) {
            return;
        }
        TextFlow flow = inline(paragraph.toString());
        paragraph.setLength(0);
        if (bullet == null) {
            body.getChildren().add(flow);
            return;
        }
        Label mark = DataNodes.mark(new Label(bullet));
        mark.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(flow, Priority.ALWAYS);
        HBox row = new HBox(6, mark, flow);
        row.setPadding(new Insets(0, 0, 0, 12));
        body.getChildren().add(row);
    }

    private static Node codeBlock(String s) {
        Label l = DataNodes.mark(new Label(s));
        l.getStyleClass().add("code-block");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    /** `code`, **bold** and [text](link) as styled runs of text. */
    static TextFlow inline(String s) {
        TextFlow flow = new TextFlow();
        DataNodes.mark(flow);
        flow.getStyleClass().add("guide-text");
        int i = 0;
        StringBuilder plain = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i);
            int end;
            if (c == '`' && (end = s.indexOf('`', i + 1)) > i) {
                add(flow, plain, null);
                add(flow, new StringBuilder(s.substring(i + 1, end)), "guide-code");
                i = end + 1;
            } else if (s.startsWith("**", i) && (end = s.indexOf("**", i + 2)) > i) {
                add(flow, plain, null);
                add(flow, new StringBuilder(s.substring(i + 2, end)), "guide-bold");
                i = end + 2;
            } else if (c == '[' && (end = s.indexOf("](", i)) > i && s.indexOf(')', end) > end) {
                add(flow, plain, null);
                add(flow, new StringBuilder(s.substring(i + 1, end)), "guide-link");
                i = s.indexOf(')', end) + 1;
            } else {
                plain.append(c);
                i++;
            }
        }
        add(flow, plain, null);
        return flow;
    }

    private static void add(TextFlow flow, StringBuilder run, String style) {
        if (run.length() == 0) {
            return;
        }
        Text t = new Text(run.toString());
        t.getStyleClass().add("guide-run");
        if (style != null) {
            t.getStyleClass().add(style);
        }
        flow.getChildren().add(t);
        run.setLength(0);
    }

    /** The text a heading shows: the inline marks taken out. */
    static String inlinePlain(String s) {
        return s.replaceAll("\\*\\*(.+?)\\*\\*", "$1").replaceAll("`([^`]+)`", "$1")
                .replaceAll("\\[([^]]+)]\\([^)]*\\)", "$1");
    }
}
