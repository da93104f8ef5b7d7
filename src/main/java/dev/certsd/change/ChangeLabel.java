package dev.certsd.change;

import dev.certsd.files.FileOp;
import dev.certsd.files.JournalEntry;
import dev.certsd.files.Message;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A change in a few words, for the Edit menu ("Undo Rename ca.cert to ca.crt") and the history: its main step with
 * file names rather than paths. A fix's own description is a whole sentence with its reason, too long for a menu.
 */
public final class ChangeLabel {
    private ChangeLabel() {
    }

    public static String of(JournalEntry entry, Locale locale) {
        if (entry.description().bundle().equals(ChangeReport.BUNDLE)) {
            return entry.description().render(locale); // the workflow's own descriptions are short already
        }
        return of(entry.forward(), locale);
    }

    /** The label of a list of steps: its main step, and how many more. */
    public static String of(List<FileOp> ops, Locale locale) {
        String one = step(main(ops)).render(locale);
        if (ops.size() == 1) {
            return one;
        }
        // a choice format needs the count as a number, which a Message (strings, for the journal) does not keep
        return new MessageFormat(ResourceBundle.getBundle(ChangeReport.BUNDLE, locale).getString("change.label.more"),
                locale).format(new Object[] {one, ops.size() - 1});
    }

    /** The step that says most about the change: a rename over a write, a write over a removal, and so on. */
    private static FileOp main(List<FileOp> ops) {
        for (Class<?> kind : List.of(FileOp.Rename.class, FileOp.WriteFile.class, FileOp.Delete.class,
                FileOp.ChangeMode.class, FileOp.MakeDirectory.class)) {
            for (FileOp op : ops) {
                if (kind.isInstance(op)) {
                    return op;
                }
            }
        }
        return ops.get(0);
    }

    private static Message step(FileOp op) {
        if (op instanceof FileOp.Rename r) {
            return label("change.label.rename", name(r.from()), name(r.to()));
        }
        if (op instanceof FileOp.WriteFile w) {
            return label(w.overwrites() ? "change.label.overwrite" : "change.label.create", name(w.path()));
        }
        if (op instanceof FileOp.Delete d) {
            return label("change.label.delete", name(d.path()));
        }
        if (op instanceof FileOp.ChangeMode c) {
            return label("change.label.chmod", name(c.path()));
        }
        return label("change.label.mkdir", name(((FileOp.MakeDirectory) op).path()));
    }

    private static Message label(String key, Object... args) {
        return Message.of(ChangeReport.BUNDLE, key, args);
    }

    private static String name(Path p) {
        return p.getFileName() == null ? p.toString() : p.getFileName().toString();
    }
}
