package dev.certsd.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The privileged helper's own copy of a prepared change: the user's prepared directory is opened without following
 * links and must be the asking user's and closed to other writers; its manifest and contents are read through that
 * handle (no link followed, size capped, each a regular file of the user's with a single name) into a private
 * directory of root's, where they are checked. From then on the user's directory is not looked at again, so nothing
 * swapped in it afterwards reaches root.
 */
final class PreparedCopy implements AutoCloseable {
    /** A manifest is a few kilobytes; this leaves room for thousands of steps. */
    static final int MAX_MANIFEST = 1024 * 1024;
    /** Each prepared content: the size the change engine reads at most. */
    static final long MAX_BLOB = PathState.MAX_BYTES;
    private static final int GROUP_OR_OTHER_WRITE = 0022;

    private final Path dir;

    private PreparedCopy(Path dir) {
        this.dir = dir;
    }

    /** The private directory (0700, root's) holding {@code change.json} and {@code blobs/}. */
    Path dir() {
        return dir;
    }

    Blobs blobs() {
        return new Blobs(dir.resolve("blobs"));
    }

    /** Opens the user's prepared directory, checking that it is theirs, and copies its manifest. */
    static PreparedCopy start(Path prepared, SystemUser user) throws ChangeException {
        Path abs = prepared.toAbsolutePath().normalize();
        Path copy;
        try {
            copy = Files.createTempDirectory("certsd-apply-",
                    PosixFilePermissions.asFileAttribute(FileModes.PRIVATE_DIRECTORY));
            Files.createDirectory(copy.resolve("blobs"),
                    PosixFilePermissions.asFileAttribute(FileModes.PRIVATE_DIRECTORY));
        } catch (IOException e) {
            throw new ChangeException(Applier.problemOf(Path.of(System.getProperty("java.io.tmpdir")), e), e);
        }
        PreparedCopy c = new PreparedCopy(copy);
        try {
            try (Source s = Source.open(abs, user)) {
                c.store(Preparer.MANIFEST, s.read(Preparer.MANIFEST, MAX_MANIFEST));
            }
            return c;
        } catch (ChangeException e) {
            c.close();
            throw e;
        }
    }

    /** Copies the contents named by {@code sha256s} from the user's directory and checks each one's hash here. */
    void copyBlobs(Path prepared, SystemUser user, Set<String> sha256s) throws ChangeException {
        Path abs = prepared.toAbsolutePath().normalize();
        try (Source s = Source.open(abs, user); Source blobs = s.child("blobs")) {
            for (String sha : sha256s) {
                store("blobs/" + sha, blobs.read(sha, MAX_BLOB));
                if (storedBlob(sha) == null) {
                    throw new ChangeException(Problem.of(Problem.Code.PREPARED_BLOB_CHANGED,
                            abs.resolve("blobs").resolve(sha)));
                }
            }
        }
    }

    /** The stored copy, if it matches its SHA-256. */
    private byte[] storedBlob(String sha) throws ChangeException {
        try {
            return blobs().get(sha);
        } catch (IOException e) {
            throw new ChangeException(Applier.problemOf(dir, e), e);
        }
    }

    byte[] manifest() throws ChangeException {
        try {
            return Files.readAllBytes(dir.resolve(Preparer.MANIFEST));
        } catch (IOException e) {
            throw new ChangeException(Applier.problemOf(dir, e), e);
        }
    }

    private void store(String name, byte[] content) throws ChangeException {
        try {
            Files.write(dir.resolve(name), content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new ChangeException(Applier.problemOf(dir.resolve(name), e), e);
        }
    }

    /** Removes the private copy (it holds new private keys). */
    @Override
    public void close() {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // root's private directory in the temp directory: cleared at reboot
        }
    }

    /** A directory of the user's prepared change, opened once, read only relative to its handle. */
    private static final class Source implements AutoCloseable {
        private final OpenedDir dir;
        private final SystemUser user;

        private Source(OpenedDir dir, SystemUser user) {
            this.dir = dir;
            this.user = user;
        }

        static Source open(Path abs, SystemUser user) throws ChangeException {
            Path parent = abs.getParent();
            if (parent == null) {
                throw new ChangeException(Problem.of(Problem.Code.PREPARED_NOT_PRIVATE, abs, "-"));
            }
            try (OpenedDir p = OpenedDir.open(parent)) {
                return openIn(p, abs.getFileName().toString(), abs, user);
            } catch (ChangeException e) {
                throw e;
            } catch (IOException e) {
                throw new ChangeException(Applier.problemOf(abs, e), e);
            }
        }

        /** Work on the prepared directory's files, which may fail with an I/O error. */
        @FunctionalInterface
        private interface IoWork<T> {
            T run() throws IOException;
        }

        /** Runs {@code work}; an I/O error becomes the problem people are shown about {@code as}. */
        private static <T> T asProblem(Path as, IoWork<T> work) throws ChangeException {
            try {
                return work.run();
            } catch (ChangeException e) {
                throw e;
            } catch (IOException e) {
                throw new ChangeException(Applier.problemOf(as, e), e);
            }
        }

        Source child(String name) throws ChangeException {
            return openIn(dir, name, dir.path().resolve(name), user);
        }

        /** The directory {@code name} in {@code parent} (shown as {@code as}), opened and checked as the user's. */
        private static Source openIn(OpenedDir parent, String name, Path as, SystemUser user) throws ChangeException {
            return asProblem(as, () -> {
                PosixFileAttributes a = parent.attributes(name);
                if (a == null) {
                    throw new ChangeException(Problem.of(Problem.Code.MISSING, as));
                }
                if (!a.isDirectory()) {
                    throw new ChangeException(Problem.of(Problem.Code.PREPARED_ENTRY_UNSAFE, as));
                }
                Source s = new Source(parent.openChild(name), user);
                try {
                    s.checkDirectory(as);
                } catch (ChangeException e) {
                    s.close();
                    throw e;
                }
                return s;
            });
        }

        /** The opened directory itself (not its name): the user's, and nobody else may write in it. */
        private void checkDirectory(Path as) throws IOException {
            Path fd = dir.fdPath();
            Path self = fd != null ? fd : as;
            long uid = ((Number) Files.getAttribute(self, "unix:uid")).longValue();
            int mode = ((Number) Files.getAttribute(self, "unix:mode")).intValue();
            if (uid != user.uid()) {
                throw new ChangeException(Problem.of(Problem.Code.PREPARED_FOREIGN_OWNER, as, Principals.name(uid),
                        user));
            }
            if ((mode & GROUP_OR_OTHER_WRITE) != 0) {
                throw new ChangeException(Problem.of(Problem.Code.PREPARED_NOT_PRIVATE, as,
                        String.format("%04o", mode & 07777)));
            }
        }

        /**
         * A regular file of the user's with one name (a hard link to someone else's file is refused too), read
         * without following a link, at most {@code max} bytes, unchanged while read.
         */
        byte[] read(String name, long max) throws ChangeException {
            Path as = dir.path().resolve(name);
            return asProblem(as, () -> {
                PosixFileAttributes a = dir.attributes(name);
                if (a == null) {
                    throw new ChangeException(Problem.of(Problem.Code.MISSING, as));
                }
                if (!a.isRegularFile() || !owned(name)) {
                    throw new ChangeException(Problem.of(Problem.Code.PREPARED_ENTRY_UNSAFE, as));
                }
                if (a.size() > max) {
                    throw new ChangeException(Problem.of(Problem.Code.PREPARED_TOO_LARGE, as, max));
                }
                byte[] bytes;
                try (InputStream in = Channels.newInputStream(dir.stream().newByteChannel(Path.of(name),
                        Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)))) {
                    bytes = in.readNBytes((int) max + 1);
                } catch (IOException e) {
                    if (OpenedDir.isLoop(e)) {
                        throw new ChangeException(Problem.of(Problem.Code.PREPARED_ENTRY_UNSAFE, as), e);
                    }
                    throw e;
                }
                if (bytes.length > max) {
                    throw new ChangeException(Problem.of(Problem.Code.PREPARED_TOO_LARGE, as, max));
                }
                PosixFileAttributes after = dir.attributes(name);
                if (after == null || !after.fileKey().equals(a.fileKey())) {
                    throw new ChangeException(Problem.of(Problem.Code.PREPARED_ENTRY_UNSAFE, as));
                }
                return bytes;
            });
        }

        private boolean owned(String name) throws IOException {
            Path fd = dir.fdPath();
            Path p = (fd != null ? fd : dir.path()).resolve(name);
            long uid = ((Number) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
            int links = ((Number) Files.getAttribute(p, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue();
            return uid == user.uid() && links == 1;
        }

        @Override
        public void close() {
            OpenedDir.closeQuietly(dir);
        }
    }
}
