package dev.certsd.plan;

import dev.certsd.files.Message;
import java.util.List;
import java.util.Locale;

/**
 * The shell commands that do what an operation does with openssl, for people who want to learn them or script
 * them: comment lines (in the reader's language) and command lines.
 */
public record OpensslScript(List<Line> lines) {
    public OpensslScript {
        lines = List.copyOf(lines);
    }

    /** One line of the script. */
    public sealed interface Line {
    }

    /** A {@code #} comment. */
    public record Comment(Message text) implements Line {
    }

    /** A command for a POSIX shell. */
    public record Command(String text) implements Line {
    }

    /** The commands alone, in order. */
    public List<String> commands() {
        return lines.stream().filter(l -> l instanceof Command).map(l -> ((Command) l).text()).toList();
    }

    /** The script as text, one line each, comments in {@code locale}. */
    public String render(Locale locale) {
        StringBuilder b = new StringBuilder();
        for (Line l : lines) {
            b.append(l instanceof Comment c ? "# " + c.text().render(locale) : ((Command) l).text()).append('\n');
        }
        return b.toString();
    }
}
