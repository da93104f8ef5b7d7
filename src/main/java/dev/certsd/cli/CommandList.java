package dev.certsd.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import picocli.CommandLine;

/**
 * The command list of {@code certsd-studio --help}, wrapped as a reader expects: between words, or between two
 * Japanese characters, never inside a token ({@code 10.0.0.5:5000}, {@code NAME.key} stay whole; picocli's own
 * wrapping breaks after a colon or a dot), never with a closing mark first on a line nor an opening one last; and with {@code gui}, which
 * the launcher handles before picocli, listed last.
 */
final class CommandList implements CommandLine.IHelpSectionRenderer {
    static final int WIDTH = 80;
    private static final int INDENT = 2;
    private static final int NAME_COLUMN = 18;
    private static final String CLOSING = "、。）」：，";
    private static final String OPENING = "（「『【";

    @Override
    public String render(CommandLine.Help help) {
        Map<String, CommandLine.Help> subs = help.subcommands();
        if (subs.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        ResourceBundle bundle = help.commandSpec().resourceBundle();
        for (Map.Entry<String, CommandLine.Help> e : subs.entrySet()) {
            String[] d = e.getValue().commandSpec().usageMessage().description();
            row(out, e.getKey(), d.length == 0 ? "" : String.format(d[0]).replace(System.lineSeparator(), " "));
        }
        if (bundle != null && bundle.containsKey("certsd-studio.gui.usage.description")) {
            row(out, "gui", bundle.getString("certsd-studio.gui.usage.description"));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String name, String description) {
        String pad = " ".repeat(INDENT + NAME_COLUMN);
        List<String> lines = wrap(description, WIDTH - pad.length());
        String head = " ".repeat(INDENT) + name;
        for (int i = 0; i < lines.size(); i++) {
            if (i == 0) {
                out.append(head.length() < pad.length() ? head + " ".repeat(pad.length() - head.length())
                        : head + "\n" + pad);
            } else {
                out.append(pad);
            }
            out.append(lines.get(i)).append('\n');
        }
        if (lines.isEmpty()) {
            out.append(head).append('\n');
        }
    }

    /** Lines of at most {@code width} columns (a Japanese character counts two). */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int col = 0;
        for (String piece : pieces(text)) {
            int w = columns(piece);
            if (col + w > width && line.length() > 0) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
                col = 0;
                piece = piece.stripLeading();
                w = columns(piece);
            }
            line.append(piece);
            col += w;
        }
        if (!line.toString().isBlank()) {
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /**
     * The unbreakable pieces: a run of non-space Latin text with the space before it, or one Japanese character
     * with the closing marks that follow it (so no line opens with one).
     */
    private static List<String> pieces(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int start = i;
            do {
                while (i < text.length() && text.charAt(i) == ' ') {
                    i++;
                }
                if (i < text.length() && wide(text.charAt(i))) {
                    i++;
                } else {
                    while (i < text.length() && text.charAt(i) != ' ' && !wide(text.charAt(i))) {
                        i++;
                    }
                }
                while (i < text.length() && CLOSING.indexOf(text.charAt(i)) >= 0) {
                    i++;
                }
                // an opening mark never ends a line: it goes with what it opens
            } while (i < text.length() && OPENING.indexOf(text.charAt(i - 1)) >= 0);
            out.add(text.substring(start, i));
        }
        return out;
    }

    private static boolean wide(char c) {
        return c >= '\u3000' && c <= '\u30ff' || c >= '\u4e00' && c <= '\u9fff' || c >= '\uff01' && c <= '\uff60';
    }

    static int columns(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            n += wide(s.charAt(i)) ? 2 : 1;
        }
        return n;
    }
}
