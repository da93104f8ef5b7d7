package dev.certsd.fix;

import dev.certsd.diagnose.FileEntry;
import dev.certsd.diagnose.Finding;
import dev.certsd.diagnose.FindingCode;
import dev.certsd.files.ChangeSet;
import dev.certsd.files.Expected;
import dev.certsd.files.FileModes;
import dev.certsd.files.FileOp;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ORPHAN_KEY and ORPHAN_CERT: set the file aside in a sub-directory (clients do not descend into directories, and
 * a directory without a role extension is ignored without a word), or remove it into the undo journal.
 */
final class OrphanFixes {
    static final String SET_ASIDE_DIR = "disabled";

    private OrphanFixes() {
    }

    static List<Fix> of(Finding f, HostFiles h) {
        Optional<FileEntry> e = h.readable(f.file());
        if (e.isEmpty()) {
            return List.of();
        }
        Path file = h.dir().resolve(f.file());
        List<FileOp> setAside = new ArrayList<>();
        Expected moved = HostFiles.shown(e.get());
        if (f.code() == FindingCode.ORPHAN_KEY && e.get().perms() != null && !FileModes.KEY.equals(e.get().perms())) {
            // Out of the clients' sight is not out of other users' sight: a key set aside is still a key.
            setAside.add(new FileOp.ChangeMode(file, FileModes.KEY, moved));
            moved = Expected.file(e.get().bytes(), FileModes.KEY);
        }
        Path aside = h.dir().resolve(SET_ASIDE_DIR);
        if (!Files.isDirectory(aside, LinkOption.NOFOLLOW_LINKS)) {
            aside = h.dir().resolve(h.freeName(SET_ASIDE_DIR, ""));
            setAside.add(new FileOp.MakeDirectory(aside, FileModes.DIRECTORY));
        }
        Path target = aside.resolve(f.file());
        for (int i = 2; Files.exists(target, LinkOption.NOFOLLOW_LINKS); i++) {
            target = aside.resolve(f.file() + "." + i);
        }
        setAside.add(new FileOp.Rename(file, target, moved));
        String where = h.dir().relativize(target).toString();
        return List.of(
                Fix.ready(FixKind.SET_ASIDE, f, h.dir(), new ChangeSet(FixText.of("fix.setAside", f.file(), where), setAside)),
                Fix.ready(FixKind.REMOVE, f, h.dir(), ChangeSet.of(FixText.of("fix.remove", f.file()),
                        new FileOp.Delete(file, HostFiles.shown(e.get())))));
    }
}
