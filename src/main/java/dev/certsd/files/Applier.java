package dev.certsd.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Locale;
import java.util.function.Function;

/**
 * Applies single steps on disk, each checking again, right before it acts, that the path still holds what the step
 * expects: the window for a concurrent change is one step, not the whole preview. Every step works relative to its
 * directory opened once ({@link OpenedDir}: walked from {@code /} without following links, refused as root where
 * another user could steer it), reads what it checks through that handle and re-checks the file key (the inode)
 * right before it renames, removes or replaces anything, so what is changed is what was checked.
 */
final class Applier {
    /** Who should own new files; null everywhere for the ordinary user's writes. */
    private final Function<Path, Owner> owners;
    /** Root's own writes: owners taken from the opened directory (see {@link #asCurrentUser()}). */
    private final boolean inherit;

    Applier(Function<Path, Owner> owners) {
        this(owners, false);
    }

    private Applier(Function<Path, Owner> owners, boolean inherit) {
        this.owners = owners;
        this.inherit = inherit;
    }

    /**
     * The user's own writes. Run as root (sudo) in a directory that belongs to someone else, a replaced file keeps
     * its owner and a new file or directory takes its directory's, as the privileged helper does: otherwise a fix or
     * an undo made with sudo would leave root-owned keys the user can no longer read.
     */
    static Applier asCurrentUser() {
        return CurrentUser.isRoot() ? new Applier(p -> null, true) : new Applier(p -> null, false);
    }

    /**
     * The privileged helper's writes: {@code owners} names the owner where the helper decided one (the user's own
     * roots); elsewhere a replaced file keeps its owner and a new one takes its directory's, as for root's own writes.
     */
    static Applier forPrivileged(Function<Path, Owner> owners) {
        return new Applier(owners, CurrentUser.isRoot());
    }

    /** The owner of what is at {@code path}, else of the nearest existing directory above it; null if unknown. */
    static Owner inheritedOwner(Path path) {
        try {
            Path from = path;
            while (from != null && !Files.exists(from, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                from = from.getParent();
            }
            return from == null ? null : Owner.of(from).optional();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** What a step found at a name: the state it checks, and the attributes (file key, owner) it acts on. */
    private record Seen(PathState state, PosixFileAttributes attrs) {
        Object key() {
            return attrs == null ? null : attrs.fileKey();
        }
    }

    void apply(FileOp op) throws ChangeException {
        Path at = op.paths().get(0);
        try {
            if (op instanceof FileOp.WriteFile w) {
                try (OpenedDir d = OpenedDir.open(w.path().getParent())) {
                    String name = name(w.path());
                    Seen cur = verify(d, name, w.path(), w.before());
                    Owner owner = owners.apply(w.path());
                    if (owner == null && inherit) {
                        owner = inherited(d, cur);
                    }
                    AtomicWriter.write(d, name, w.content(), w.mode(), w.overwrites(), cur.key(), owner);
                }
            } else if (op instanceof FileOp.Rename r) {
                rename(r);
            } else if (op instanceof FileOp.Delete del) {
                try (OpenedDir d = OpenedDir.open(del.path().getParent())) {
                    String name = name(del.path());
                    Seen cur = verify(d, name, del.path(), del.before());
                    sameFile(d, name, del.path(), cur);
                    if (cur.state().kind() == PathState.Kind.DIRECTORY) {
                        d.stream().deleteDirectory(Path.of(name));
                    } else {
                        d.stream().deleteFile(Path.of(name));
                    }
                    AtomicWriter.syncDirectory(d);
                }
            } else if (op instanceof FileOp.MakeDirectory m) {
                makeDirectory(m);
            } else if (op instanceof FileOp.ChangeMode c) {
                changeMode(c);
            }
        } catch (ChangeException e) {
            throw e;
        } catch (IOException e) {
            throw new ChangeException(problemOf(at, e), e);
        }
    }

    private void rename(FileOp.Rename r) throws IOException {
        try (OpenedDir from = OpenedDir.open(r.from().getParent());
             OpenedDir other = r.to().getParent().equals(r.from().getParent()) ? null
                     : OpenedDir.open(r.to().getParent())) {
            OpenedDir to = other == null ? from : other;
            String fromName = name(r.from());
            String toName = name(r.to());
            Seen src = verify(from, fromName, r.from(), r.source());
            verify(to, toName, r.to(), Expected.absent());
            sameFile(from, fromName, r.from(), src);
            if (to.attributes(toName) != null) {
                throw new ChangeException(Problem.of(Problem.Code.ALREADY_EXISTS, r.to()));
            }
            from.stream().move(Path.of(fromName), to.stream(), Path.of(toName));
            AtomicWriter.syncDirectory(to);
            if (other != null) {
                AtomicWriter.syncDirectory(from);
            }
        }
    }

    private void makeDirectory(FileOp.MakeDirectory m) throws IOException {
        try (OpenedDir d = OpenedDir.open(m.path().getParent())) {
            String name = name(m.path());
            verify(d, name, m.path(), Expected.absent());
            // asked before it exists: the owner of where it goes
            Owner owner = owners.apply(m.path());
            if (owner == null && inherit) {
                owner = inherited(d, new Seen(PathState.absent(), null));
            }
            AtomicWriter.makeDirectory(d, name, m.mode());
            try (OpenedDir made = AtomicWriter.ownChild(d, name)) {
                PosixFileAttributeView v = made.stream().getFileAttributeView(PosixFileAttributeView.class);
                v.setPermissions(m.mode()); // the umask must not decide
                if (owner != null) {
                    owner.applyTo(v);
                }
            }
            AtomicWriter.syncDirectory(d);
        }
    }

    /**
     * As root, a file's mode is changed by writing the checked content anew with the new mode and renaming it over
     * the old (no chmod by name, which a swapped name could aim at another file); a directory's through its own
     * handle. Other users change their own files' modes through a handle opened without following links.
     */
    private void changeMode(FileOp.ChangeMode c) throws IOException {
        try (OpenedDir d = OpenedDir.open(c.path().getParent())) {
            String name = name(c.path());
            Seen cur = verify(d, name, c.path(), c.before());
            if (cur.state().kind() == PathState.Kind.DIRECTORY) {
                try (OpenedDir dir = d.openChild(name)) {
                    if (!dir.key().equals(cur.key())) {
                        throw new ChangeException(Problem.of(Problem.Code.CHANGED_SINCE_SHOWN, c.path()));
                    }
                    dir.stream().getFileAttributeView(PosixFileAttributeView.class).setPermissions(c.mode());
                }
            } else if (CurrentUser.isRoot() && cur.state().contentKnown()) {
                PosixFileAttributes a = cur.attrs();
                AtomicWriter.write(d, name, cur.state().bytes(), c.mode(), true, cur.key(),
                        new Owner(a.owner().getName(), a.group().getName()));
            } else {
                sameFile(d, name, c.path(), cur);
                d.stream().getFileAttributeView(Path.of(name), PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                        .setPermissions(c.mode());
                sameFile(d, name, c.path(), cur);
            }
            AtomicWriter.syncDirectory(d);
        }
    }

    /** Root's inheritance: a replaced file keeps its owner, a new one takes the directory's. */
    private static Owner inherited(OpenedDir d, Seen cur) throws IOException {
        PosixFileAttributes a = cur.attrs() != null && cur.state().kind() == PathState.Kind.FILE ? cur.attrs()
                : d.stream().getFileAttributeView(PosixFileAttributeView.class).readAttributes();
        return new Owner(a.owner().getName(), a.group().getName()).optional();
    }

    private static Seen verify(OpenedDir d, String name, Path path, Expected expected) throws ChangeException {
        PosixFileAttributes[] attrs = new PosixFileAttributes[1];
        PathState state = PathState.readIn(d, name, attrs);
        Problem p = States.mismatch(path, expected, state);
        if (p != null) {
            throw new ChangeException(p);
        }
        return new Seen(state, attrs[0]);
    }

    /** The inode re-check right before acting: the name must still be the file that was checked. */
    private static void sameFile(OpenedDir d, String name, Path path, Seen cur) throws IOException {
        Object now = d.keyOf(name);
        if (cur.key() != null && !cur.key().equals(now)) {
            throw new ChangeException(Problem.of(now == null ? Problem.Code.MISSING : Problem.Code.CHANGED_SINCE_SHOWN,
                    path));
        }
    }

    private static String name(Path p) {
        return p.getFileName().toString();
    }

    /** Names the usual failures specifically: a full disk and a denied write are things people can act on. */
    static Problem problemOf(Path path, IOException e) {
        if (e instanceof AccessDeniedException) {
            return Problem.of(Problem.Code.PERMISSION_DENIED, path);
        }
        if (e instanceof FileAlreadyExistsException) {
            return Problem.of(Problem.Code.ALREADY_EXISTS, path);
        }
        if (e instanceof NoSuchFileException) {
            return Problem.of(Problem.Code.MISSING, path);
        }
        if (e instanceof DirectoryNotEmptyException) {
            return Problem.of(Problem.Code.DIRECTORY_NOT_EMPTY, path);
        }
        String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        String lower = String.valueOf(reason).toLowerCase(Locale.ROOT);
        if (lower.contains("no space left") || lower.contains("disk quota exceeded")) {
            return Problem.of(Problem.Code.NO_SPACE, path);
        }
        if (lower.contains("permission denied") || lower.contains("operation not permitted")
                || lower.contains("read-only file system")) {
            return Problem.of(Problem.Code.PERMISSION_DENIED, path);
        }
        return Problem.of(Problem.Code.IO_ERROR, path, reason);
    }
}
