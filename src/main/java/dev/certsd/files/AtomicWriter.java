package dev.certsd.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes whole files so that a reader (a {@code docker pull} at any instant) sees the old content or the new, never
 * a mix, an empty file or a key readable by others: the new file is created exclusively, already with its final
 * mode, in a private directory the writer makes next to the target (nobody else may enter it), given its owner,
 * written, synced and renamed into place, and the directory is synced. Everything happens relative to the opened
 * directory ({@link OpenedDir}): no path is resolved again, no link is followed.
 */
public final class AtomicWriter {
    /**
     * Temporary names start with a dot and end in {@code .tmp}: clients read only {@code .crt}, {@code .cert} and
     * {@code .key}, so a half-written temporary file is never taken for a certificate. The writer's process id is
     * in the name, so a temporary file left by a killed writer is recognised and removed by the next one.
     */
    private static final Pattern TEMP = Pattern.compile("\\..*\\.certsd-(\\d+)-[0-9a-f]+\\.tmp");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_BASE = 100;
    /** The new file's name inside the private staging directory. */
    private static final String STAGED = "new";

    private AtomicWriter() {
    }

    /**
     * Writes {@code content} to {@code target} with exactly {@code mode}.
     *
     * @param replace false: fail with {@link FileAlreadyExistsException} when anything is at {@code target}
     * @param owner   who should own the file, or null to leave it to the writing user
     */
    public static void write(Path target, byte[] content, Set<PosixFilePermission> mode, boolean replace, Owner owner)
            throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        try (OpenedDir dir = OpenedDir.open(abs.getParent())) {
            write(dir, abs.getFileName().toString(), content, mode, replace, null, owner);
        }
    }

    /**
     * Writes {@code name} in an opened directory. The new content is made in a private directory of the writer's,
     * created inside {@code dir} (only the writer may enter it, so its mode and owner are set where nobody can swap
     * the file), then renamed into place relative to the open handle.
     *
     * @param replacing for a replacement, the file key the name must still have right before the rename (the file
     *                  that was checked), or null to replace whatever file is there
     */
    static void write(OpenedDir dir, String name, byte[] content, Set<PosixFilePermission> mode, boolean replace,
                      Object replacing, Owner owner) throws IOException {
        removeStaleTemporaryFiles(dir);
        String staging = temporaryName(name);
        makeDirectory(dir, staging, FileModes.PRIVATE_DIRECTORY);
        try (OpenedDir s = ownChild(dir, staging)) {
            SecureDirectoryStream<Path> sds = s.stream();
            Path f = Path.of(STAGED);
            try (SeekableByteChannel ch = sds.newByteChannel(f, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(mode))) {
                PosixFileAttributeView v = sds.getFileAttributeView(f, PosixFileAttributeView.class,
                        LinkOption.NOFOLLOW_LINKS);
                v.setPermissions(mode); // exactly the mode asked, whatever the umask
                if (owner != null) {
                    owner.applyTo(v);
                }
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                if (ch instanceof FileChannel fc) {
                    fc.force(true);
                }
            }
            if (replace) {
                if (replacing != null && !replacing.equals(dir.keyOf(name))) {
                    throw new ChangeException(Problem.of(Problem.Code.CHANGED_SINCE_SHOWN, dir.path().resolve(name)));
                }
                sds.move(f, dir.stream(), Path.of(name));
            } else {
                createWithoutReplacing(s, dir, name);
            }
        } finally {
            removeStaging(dir, staging);
        }
        syncDirectory(dir);
    }

    /** mkdir relative to an opened directory (mkdirat through {@link OpenedDir#fdPath()}). */
    static void makeDirectory(OpenedDir dir, String name, Set<PosixFilePermission> mode) throws IOException {
        Path fd = dir.fdPath();
        if (fd == null && CurrentUser.isRoot()) {
            throw new ChangeException(Problem.of(Problem.Code.UNSAFE_PLATFORM, dir.path().resolve(name)));
        }
        Files.createDirectory((fd != null ? fd : dir.path()).resolve(name), PosixFilePermissions.asFileAttribute(mode));
    }

    /** A subdirectory this process has just made: opened without following links, and checked to be its own. */
    static OpenedDir ownChild(OpenedDir dir, String name) throws IOException {
        OpenedDir child = dir.openChild(name);
        Path fd = child.fdPath();
        try {
            if (fd != null && CurrentUser.uid() >= 0
                    && ((Number) Files.getAttribute(fd, "unix:uid")).longValue() != CurrentUser.uid()) {
                throw new ChangeException(Problem.of(Problem.Code.CHANGED_SINCE_SHOWN, child.path()));
            }
        } catch (IOException e) {
            child.close();
            throw e;
        }
        return child;
    }

    /**
     * link(2) refuses an existing name atomically, so a file that appeared since the check is never overwritten.
     * File systems without hard links fall back to check-then-rename.
     */
    private static void createWithoutReplacing(OpenedDir staging, OpenedDir dir, String name) throws IOException {
        Path from = staging.fdPath();
        Path to = dir.fdPath();
        if (from == null || to == null) {
            from = staging.path();
            to = dir.path();
        }
        try {
            Files.createLink(to.resolve(name), from.resolve(STAGED));
            return;
        } catch (FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(dir.path().resolve(name).toString());
        } catch (UnsupportedOperationException | FileSystemException e) {
            // no hard links here
        }
        if (dir.attributes(name) != null) {
            throw new FileAlreadyExistsException(dir.path().resolve(name).toString());
        }
        staging.stream().move(Path.of(STAGED), dir.stream(), Path.of(name));
    }

    /** Removes a private staging directory and what is left in it; never follows a link. */
    private static void removeStaging(OpenedDir dir, String staging) {
        try {
            PosixFileAttributes a = dir.attributes(staging);
            if (a == null || !a.isDirectory()) {
                return;
            }
            try (OpenedDir s = ownChild(dir, staging)) {
                List<Path> names = new ArrayList<>();
                for (Path p : s.stream()) {
                    names.add(p.getFileName());
                }
                for (Path n : names) {
                    PosixFileAttributes fa = s.attributes(n);
                    if (fa != null && !fa.isDirectory()) {
                        s.stream().deleteFile(n);
                    }
                }
            }
            dir.stream().deleteDirectory(Path.of(staging));
        } catch (IOException e) {
            // our private, recognisable name: the next writer removes it
        }
    }

    /** Makes a rename or a new entry durable; where a directory cannot be opened for sync, the rename is still atomic. */
    public static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not supported on this platform or file system (e.g. Windows); nothing more can be done.
        }
    }

    /** {@link #syncDirectory(Path)} for an opened directory, through its own handle. */
    static void syncDirectory(OpenedDir dir) {
        Path fd = dir.fdPath();
        syncDirectory(fd != null ? fd : dir.path());
    }

    /**
     * Removes temporary files of writers that no longer run (killed, crashed, powered off). Files of running writers
     * are left alone.
     *
     * @return how many were removed
     */
    public static int removeStaleTemporaryFiles(Path dir) throws IOException {
        try (OpenedDir d = OpenedDir.open(dir)) {
            return removeStaleTemporaryFiles(d);
        }
    }

    static int removeStaleTemporaryFiles(OpenedDir dir) throws IOException {
        List<String> stale = new ArrayList<>();
        for (Path p : dir.stream()) {
            String name = p.getFileName().toString();
            Matcher m = TEMP.matcher(name);
            if (m.matches() && !alive(m.group(1))) {
                stale.add(name);
            }
        }
        int removed = 0;
        for (String name : stale) {
            PosixFileAttributes a = dir.attributes(name);
            try {
                if (a != null && a.isRegularFile()) {
                    dir.stream().deleteFile(Path.of(name)); // a temporary file of an earlier version
                    removed++;
                } else if (a != null && a.isDirectory()) {
                    removeStaging(dir, name);
                    removed += dir.attributes(name) == null ? 1 : 0;
                }
            } catch (NoSuchFileException e) {
                // another writer cleaned it up first
            } catch (ChangeException e) {
                // not ours: left alone
            }
        }
        return removed;
    }

    /** Whether a name is one of our temporary files (the fault tests look for strays). */
    public static boolean isTemporaryName(String name) {
        return TEMP.matcher(name).matches();
    }

    private static boolean alive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true; // not ours to judge
        }
    }

    private static String temporaryName(String target) {
        String suffix = ".certsd-" + ProcessHandle.current().pid() + "-"
                + HexFormat.of().formatHex(randomBytes()) + ".tmp";
        // Names are limited to 255 bytes; a shortened base still tells people whose temporary file it is.
        String base = "." + (target.length() > MAX_BASE ? target.substring(0, MAX_BASE) : target);
        return base + suffix;
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return b;
    }
}
