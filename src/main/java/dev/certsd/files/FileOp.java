package dev.certsd.files;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One step of a {@link ChangeSet}. Every step names the state it expects to find, so a file modified on disk since
 * it was shown is never overwritten, renamed or removed blindly. Paths are absolute.
 */
public sealed interface FileOp {
    /** The paths this step changes. */
    List<Path> paths();

    /**
     * Writes a whole file, atomically, born with {@code mode}. Expecting {@link Expected.Kind#ABSENT} creates a new
     * file and never replaces one; expecting a {@link Expected.Kind#FILE} is the explicit choice to overwrite that
     * very content.
     */
    record WriteFile(Path path, byte[] content, Set<PosixFilePermission> mode, Expected before) implements FileOp {
        public WriteFile {
            path = absolute(path);
            content = content.clone();
            mode = Set.copyOf(mode);
            Objects.requireNonNull(before, "before");
            if (before.kind() == Expected.Kind.DIRECTORY) {
                throw new IllegalArgumentException("a file write cannot replace a directory: " + path);
            }
        }

        public static WriteFile create(Path path, byte[] content, Set<PosixFilePermission> mode) {
            return new WriteFile(path, content, mode, Expected.absent());
        }

        public static WriteFile overwrite(Path path, Expected shown, byte[] content, Set<PosixFilePermission> mode) {
            return new WriteFile(path, content, mode, shown);
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        public boolean overwrites() {
            return before.kind() == Expected.Kind.FILE;
        }

        @Override
        public List<Path> paths() {
            return List.of(path);
        }
    }

    /** Renames a file or directory within its file system; never onto an existing name. */
    record Rename(Path from, Path to, Expected source) implements FileOp {
        public Rename {
            from = absolute(from);
            to = absolute(to);
            Objects.requireNonNull(source, "source");
            if (source.kind() == Expected.Kind.ABSENT) {
                throw new IllegalArgumentException("nothing to rename: " + from);
            }
        }

        @Override
        public List<Path> paths() {
            return List.of(from, to);
        }
    }

    /** Removes a file (its content goes to the journal first) or an empty directory. */
    record Delete(Path path, Expected before) implements FileOp {
        public Delete {
            path = absolute(path);
            Objects.requireNonNull(before, "before");
            if (before.kind() == Expected.Kind.ABSENT) {
                throw new IllegalArgumentException("nothing to delete: " + path);
            }
        }

        @Override
        public List<Path> paths() {
            return List.of(path);
        }
    }

    /** Creates one directory (its parent must exist) with {@code mode}. */
    record MakeDirectory(Path path, Set<PosixFilePermission> mode) implements FileOp {
        public MakeDirectory {
            path = absolute(path);
            mode = Set.copyOf(mode);
        }

        @Override
        public List<Path> paths() {
            return List.of(path);
        }
    }

    /** Changes the permissions of a file or directory. */
    record ChangeMode(Path path, Set<PosixFilePermission> mode, Expected before) implements FileOp {
        public ChangeMode {
            path = absolute(path);
            mode = Set.copyOf(mode);
            Objects.requireNonNull(before, "before");
            if (before.kind() == Expected.Kind.ABSENT) {
                throw new IllegalArgumentException("nothing to change: " + path);
            }
        }

        @Override
        public List<Path> paths() {
            return List.of(path);
        }
    }

    private static Path absolute(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
