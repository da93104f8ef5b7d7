package dev.certsd.ui.changes;

import dev.certsd.files.FileOp;
import dev.certsd.files.JournalEntry;
import dev.certsd.ui.UiText;
import java.nio.file.Path;
import java.util.List;

/**
 * A change in a few words, for the Edit menu ("Undo Rename ca.cert to ca.crt") and the history: its main step with
 * file names rather than paths. A fix's own description is a whole sentence with its reason, too long for a menu.
 */
public final class ChangeLabels {
    private ChangeLabels() {
    }

    public static String of(JournalEntry entry, UiText text) {
        if (entry.description().bundle().equals(UiText.BUNDLE)) {
            return entry.description().render(text.locale()); // our own descriptions are short already
        }
        return of(entry.forward(), text);
    }

    static String of(List<FileOp> ops, UiText text) {
        FileOp main = main(ops);
        String one = step(main, text);
        return ops.size() == 1 ? one : text.fmt("change.label.more", one, ops.size() - 1);
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

    private static String step(FileOp op, UiText text) {
        if (op instanceof FileOp.Rename r) {
            return text.fmt("change.label.rename", name(r.from()), name(r.to()));
        }
        if (op instanceof FileOp.WriteFile w) {
            return text.fmt(w.overwrites() ? "change.label.overwrite" : "change.label.create", name(w.path()));
        }
        if (op instanceof FileOp.Delete d) {
            return text.fmt("change.label.delete", name(d.path()));
        }
        if (op instanceof FileOp.ChangeMode c) {
            return text.fmt("change.label.chmod", name(c.path()));
        }
        return text.fmt("change.label.mkdir", name(((FileOp.MakeDirectory) op).path()));
    }

    private static String name(Path p) {
        return p.getFileName() == null ? p.toString() : p.getFileName().toString();
    }
}
