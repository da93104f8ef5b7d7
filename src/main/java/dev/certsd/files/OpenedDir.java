// over 300 lines: the one root-safe directory handle; every relative operation and its link checks belong together
package dev.certsd.files;

import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.FileSystemLoopException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * A directory opened by walking from {@code /} one component at a time, never following a symbolic link it was not
 * allowed to follow, and then used only relative to that open handle (openat semantics through
 * {@link SecureDirectoryStream}): once opened, nobody can redirect what is read, written, renamed or removed in it by
 * swapping a component of its path.
 *
 * <p>Run as root, the walk also refuses a directory another user could steer: every directory on the way must belong
 * to root or to the target directory's owner, and nobody else may write it (a world-writable directory with the
 * sticky bit, such as {@code /tmp}, is fine: others cannot rename what is not theirs in it); a symbolic link on the way
 * is followed only when root made it in a directory only root controls. Root also needs the platform's open-directory
 * access ({@code /proc/self/fd}); without it changes as root are refused.
 */
final class OpenedDir implements Closeable {
    private static final int MAX_LINKS = 40;
    private static final int S_ISVTX = 01000;
    private static final int GROUP_OR_OTHER_WRITE = 0022;

    private final Path path;
    private final SecureDirectoryStream<Path> sds;
    private final Object key;

    private OpenedDir(Path path, SecureDirectoryStream<Path> sds, Object key) {
        this.path = path;
        this.sds = sds;
        this.key = key;
    }

    /** The path it was reached by (for messages; never used to reach it again). */
    Path path() {
        return path;
    }

    SecureDirectoryStream<Path> stream() {
        return sds;
    }

    Object key() {
        return key;
    }

    /** Opens {@code dir} for changes by this process's user; see the class comment for what root refuses. */
    static OpenedDir open(Path dir) throws ChangeException {
        return open(dir, CurrentUser.isRoot());
    }

    static OpenedDir open(Path dir, boolean asRoot) throws ChangeException {
        Path target = dir.toAbsolutePath().normalize();
        for (int hops = 0; ; hops++) {
            Walk w = walk(target, asRoot);
            if (w.link == null) {
                return w.opened;
            }
            if (hops >= MAX_LINKS) {
                throw new ChangeException(Problem.of(Problem.Code.IO_ERROR, dir, "too many levels of symbolic links"));
            }
            target = w.link;
        }
    }

    /**
     * Why root may not change files in {@code dir} (or, while it does not exist yet, in the nearest directory above it
     * that does), or null when it may, or when this process does not run as root.
     */
    static Problem rootRefusal(Path dir) {
        if (!CurrentUser.isRoot()) {
            return null;
        }
        Path d = dir.toAbsolutePath().normalize();
        while (d != null) {
            try (OpenedDir ignored = open(d, true)) {
                return null;
            } catch (ChangeException e) {
                if (e.problem().code() != Problem.Code.MISSING) {
                    return e.problem();
                }
            } catch (IOException e) {
                return Problem.of(Problem.Code.IO_ERROR, d, e.getMessage());
            }
            d = d.getParent();
        }
        return null;
    }

    /** One pass from {@code /}: the opened directory, or the path to start again from after a followed link. */
    private record Walk(OpenedDir opened, Path link) {
    }

    private static Walk walk(Path target, boolean asRoot) throws ChangeException {
        Path at = target.getRoot();
        OpenedDir cur;
        try {
            cur = rootDirectory(at);
        } catch (IOException e) {
            throw new ChangeException(Problem.of(Problem.Code.UNSAFE_PLATFORM, target), e);
        }
        List<Dir> seen = new ArrayList<>();
        try {
            seen.add(cur.describe(asRoot));
            Deque<Path> rest = new ArrayDeque<>();
            target.forEach(rest::add);
            while (!rest.isEmpty()) {
                Path name = rest.removeFirst();
                Path next = at.resolve(name);
                PosixFileAttributes a = cur.attributes(name);
                if (a == null) {
                    throw new ChangeException(Problem.of(Problem.Code.MISSING, next));
                }
                if (a.isSymbolicLink()) {
                    Dir holder = seen.get(seen.size() - 1);
                    Path linkTarget = cur.readLink(name);
                    if (asRoot && !(a.owner().equals(Principals.root()) && holder.rootOnly())) {
                        throw new ChangeException(Problem.of(Problem.Code.UNSAFE_SYMLINK, next, a.owner().getName(),
                                linkTarget));
                    }
                    Path restPath = linkTarget.isAbsolute() ? linkTarget : at.resolve(linkTarget);
                    for (Path r : rest) {
                        restPath = restPath.resolve(r);
                    }
                    cur.close();
                    return new Walk(null, restPath.normalize());
                }
                if (!a.isDirectory()) {
                    throw new ChangeException(Problem.of(Problem.Code.NOT_A_DIRECTORY, next));
                }
                OpenedDir child = cur.openChild(name, next);
                cur.close();
                cur = child;
                at = next;
                seen.add(cur.describe(asRoot));
            }
            if (asRoot) {
                checkTrusted(seen);
            }
            return new Walk(cur, null);
        } catch (ChangeException e) {
            closeQuietly(cur);
            throw e;
        } catch (IOException e) {
            closeQuietly(cur);
            throw new ChangeException(Applier.problemOf(at, e), e);
        }
    }

    /** What the trust rule needs of one directory on the way. */
    private record Dir(Path path, long uid, int mode) {
        boolean rootOnly() {
            return uid == 0 && ((mode & GROUP_OR_OTHER_WRITE) == 0 || (mode & S_ISVTX) != 0);
        }
    }

    /**
     * Root changes files only where no one but root and the target directory's owner could have steered the way to
     * them: each directory on the way is theirs, and nobody else may add or rename names in it.
     */
    private static void checkTrusted(List<Dir> seen) throws ChangeException {
        long owner = seen.get(seen.size() - 1).uid();
        for (Dir d : seen) {
            if (d.uid() != 0 && d.uid() != owner) {
                throw new ChangeException(Problem.of(Problem.Code.UNSAFE_OWNER, d.path(), Principals.name(d.uid())));
            }
            if ((d.mode() & GROUP_OR_OTHER_WRITE) != 0 && (d.mode() & S_ISVTX) == 0) {
                throw new ChangeException(Problem.of(Problem.Code.UNSAFE_WRITABLE, d.path(),
                        String.format("%04o", d.mode() & 07777)));
            }
        }
    }

    private Dir describe(boolean asRoot) throws IOException {
        Path fd = fdPath();
        if (fd == null) {
            if (asRoot) {
                throw new ChangeException(Problem.of(Problem.Code.UNSAFE_PLATFORM, path));
            }
            return new Dir(path, -1, 0);
        }
        // The open directory's own inode, through the kernel's link to the descriptor: no name is looked up again.
        return new Dir(path, ((Number) Files.getAttribute(fd, "unix:uid")).longValue(),
                ((Number) Files.getAttribute(fd, "unix:mode")).intValue());
    }

    @SuppressWarnings("unchecked")
    private static OpenedDir rootDirectory(Path root) throws IOException {
        DirectoryStream<Path> ds = Files.newDirectoryStream(root);
        if (!(ds instanceof SecureDirectoryStream<?>)) {
            ds.close();
            throw new IOException("no SecureDirectoryStream on this platform");
        }
        SecureDirectoryStream<Path> s = (SecureDirectoryStream<Path>) ds;
        return new OpenedDir(root, s, ownKey(s));
    }

    private static Object ownKey(SecureDirectoryStream<Path> s) throws IOException {
        return s.getFileAttributeView(PosixFileAttributeView.class).readAttributes().fileKey();
    }

    /** The attributes of {@code name} in this directory, without following a link; null when absent. */
    PosixFileAttributes attributes(Path name) throws IOException {
        try {
            return sds.getFileAttributeView(name, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .readAttributes();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    PosixFileAttributes attributes(String name) throws IOException {
        return attributes(Path.of(name));
    }

    /** The file key of {@code name} (its inode), or null when absent. */
    Object keyOf(String name) throws IOException {
        PosixFileAttributes a = attributes(name);
        return a == null ? null : a.fileKey();
    }

    /** Opens a subdirectory without following a link. */
    OpenedDir openChild(Path name, Path as) throws IOException {
        SecureDirectoryStream<Path> child;
        try {
            child = sds.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS);
        } catch (FileSystemLoopException e) {
            throw new ChangeException(Problem.of(Problem.Code.NOT_A_DIRECTORY, as), e);
        } catch (NotDirectoryException e) {
            throw new ChangeException(Problem.of(Problem.Code.NOT_A_DIRECTORY, as), e);
        } catch (IOException e) {
            if (isLoop(e)) {
                throw new ChangeException(Problem.of(Problem.Code.NOT_A_DIRECTORY, as), e);
            }
            throw e;
        }
        try {
            return new OpenedDir(as, child, ownKey(child));
        } catch (IOException e) {
            child.close();
            throw e;
        }
    }

    OpenedDir openChild(String name) throws IOException {
        return openChild(Path.of(name), path.resolve(name));
    }

    /** ELOOP: O_NOFOLLOW met a symbolic link. */
    static boolean isLoop(IOException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return m.contains("too many levels of symbolic links") || m.contains("not a directory");
    }

    private Path readLink(Path name) throws IOException {
        Path fd = fdPath();
        return Files.readSymbolicLink(fd != null ? fd.resolve(name) : path.resolve(name));
    }

    /**
     * A path that reaches this very directory through the kernel ({@code /proc/self/fd/N}), for the few operations
     * {@link SecureDirectoryStream} lacks (mkdir, link); null where the platform has no such path.
     */
    Path fdPath() {
        return FdPaths.of(sds, key);
    }

    @Override
    public void close() throws IOException {
        sds.close();
    }

    static void closeQuietly(Closeable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (IOException e) {
            // closing a directory handle: nothing to recover
        }
    }

    @Override
    public String toString() {
        return Objects.toString(path);
    }
}
