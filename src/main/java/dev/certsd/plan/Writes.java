package dev.certsd.plan;

import dev.certsd.certs.PkiException;
import dev.certsd.certs.PkiText;
import dev.certsd.files.ChangeSet;
import dev.certsd.files.Expected;
import dev.certsd.files.FileOp;
import dev.certsd.files.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the steps of one operation. A file that exists is replaced only when the caller said so, and then only
 * as it is now (a change on disk before applying is refused by {@code FileChanges}); missing directories are made,
 * parents first.
 */
public final class Writes {
    private final List<FileOp> ops = new ArrayList<>();
    private final Set<Path> dirs = new HashSet<>();

    /** Makes {@code dir} and every missing parent with {@code mode}. */
    public Writes directory(Path dir, Set<PosixFilePermission> mode) throws PkiException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = dir.toAbsolutePath().normalize(); p != null && !dirs.contains(p); p = p.getParent()) {
            if (Files.isDirectory(p)) {
                break; // there already (a link to a directory works as it is)
            }
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                throw PkiException.of("error.notDirectory", p);
            }
            missing.push(p);
        }
        while (!missing.isEmpty()) {
            Path p = missing.pop();
            dirs.add(p);
            ops.add(new FileOp.MakeDirectory(p, mode));
        }
        return this;
    }

    /** Writes a new file; an existing one only with {@code overwrite}, and never through a link. */
    public Writes file(Path path, byte[] content, Set<PosixFilePermission> mode, boolean overwrite) throws PkiException {
        Path p = path.toAbsolutePath().normalize();
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            ops.add(FileOp.WriteFile.create(p, content, mode));
            return this;
        }
        if (!overwrite) {
            throw PkiException.of("error.exists", p);
        }
        ops.add(FileOp.WriteFile.overwrite(p, current(p), content, mode));
        return this;
    }

    /** Removes a file as it is now (its content goes to the journal, so undo brings it back). */
    public Writes delete(Path path) throws PkiException {
        Path p = path.toAbsolutePath().normalize();
        ops.add(new FileOp.Delete(p, current(p)));
        return this;
    }

    public ChangeSet changeSet(Message description) {
        return new ChangeSet(description, ops);
    }

    private static Expected current(Path p) throws PkiException {
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            throw PkiException.of("error.notRegularFile", p);
        }
        try {
            Set<PosixFilePermission> mode = null;
            try {
                mode = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
            } catch (UnsupportedOperationException e) {
                // no POSIX modes here: the content alone identifies the file
            }
            try (java.io.InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
                return Expected.file(dev.certsd.material.InputFiles.read(in, p.toString()), mode);
            }
        } catch (dev.certsd.material.InputFiles.TooLarge e) {
            throw PkiException.tooLarge(p.toString(), e);
        } catch (IOException e) {
            throw PkiException.unreadable(p, e);
        }
    }
}
