package dev.certsd.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.function.Function;

/**
 * Applies single steps on disk, each checking again, right before it acts, that the path still holds what the step
 * expects: the window for a concurrent change is one step, not the whole preview.
 */
final class Applier {
    /** Who should own new files; null everywhere for the ordinary user's writes. */
    private final Function<Path, Owner> owners;

    Applier(Function<Path, Owner> owners) {
        this.owners = owners;
    }

    /**
     * The user's own writes. Run as root (sudo) in a directory that belongs to someone else, a replaced file keeps
     * its owner and a new file or directory takes its directory's, as the privileged helper does: otherwise a fix or
     * an undo made with sudo would leave root-owned keys the user can no longer read.
     */
    static Applier asCurrentUser() {
        return CurrentUser.isRoot() ? new Applier(Applier::inheritedOwner) : new Applier(p -> null);
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

    void apply(FileOp op) throws ChangeException {
        Path at = op.paths().get(0);
        try {
            if (op instanceof FileOp.WriteFile w) {
                verify(w.path(), w.before());
                AtomicWriter.write(w.path(), w.content(), w.mode(), w.overwrites(), owners.apply(w.path()));
            } else if (op instanceof FileOp.Rename r) {
                verify(r.from(), r.source());
                at = r.to();
                verify(r.to(), Expected.absent());
                Files.move(r.from(), r.to(), StandardCopyOption.ATOMIC_MOVE);
                AtomicWriter.syncDirectory(r.to().getParent());
                if (!r.to().getParent().equals(r.from().getParent())) {
                    AtomicWriter.syncDirectory(r.from().getParent());
                }
            } else if (op instanceof FileOp.Delete d) {
                verify(d.path(), d.before());
                Files.delete(d.path());
                AtomicWriter.syncDirectory(d.path().getParent());
            } else if (op instanceof FileOp.MakeDirectory m) {
                Owner owner = owners.apply(m.path()); // asked before it exists: the owner of where it goes
                Files.createDirectory(m.path(), PosixFilePermissions.asFileAttribute(m.mode()));
                Files.setPosixFilePermissions(m.path(), m.mode()); // the umask must not decide
                if (owner != null) {
                    owner.applyTo(m.path());
                }
                AtomicWriter.syncDirectory(m.path().getParent());
            } else if (op instanceof FileOp.ChangeMode c) {
                verify(c.path(), c.before());
                Files.setPosixFilePermissions(c.path(), c.mode());
                AtomicWriter.syncFile(c.path());
            }
        } catch (ChangeException e) {
            throw e;
        } catch (IOException e) {
            throw new ChangeException(problemOf(at, e), e);
        }
    }

    private static void verify(Path path, Expected expected) throws ChangeException {
        Problem p = States.mismatch(path, expected, PathState.read(path));
        if (p != null) {
            throw new ChangeException(p);
        }
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
