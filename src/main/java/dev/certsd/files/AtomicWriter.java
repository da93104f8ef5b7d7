package dev.certsd.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes whole files so that a reader (a {@code docker pull} at any instant) sees the old content or the new, never
 * a mix, an empty file or a key readable by others: a temporary file is created exclusively in the same directory
 * already with its final mode, written, synced, renamed over the target, and the directory is synced.
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
        Path dir = target.toAbsolutePath().getParent();
        removeStaleTemporaryFiles(dir);
        Path temp = dir.resolve(temporaryName(target.getFileName().toString()));
        // O_CREAT|O_EXCL with the final mode: the umask can only take bits away, never make a key readable.
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(mode));
        boolean renamed = false;
        try {
            Files.setPosixFilePermissions(temp, mode); // exactly the mode asked, whatever the umask
            if (owner != null) {
                owner.applyTo(temp);
            }
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (replace) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } else {
                createWithoutReplacing(temp, target);
            }
            renamed = true;
        } finally {
            if (!renamed) {
                deleteQuietly(temp);
            }
        }
        syncDirectory(dir);
    }

    /**
     * rename(2) replaces silently; link(2) refuses an existing name atomically, so a file that appeared since the
     * check is never overwritten. File systems without hard links fall back to check-then-rename.
     */
    private static void createWithoutReplacing(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Files.delete(temp);
    }

    /** Makes a rename or a new entry durable; where a directory cannot be opened for sync, the rename is still atomic. */
    public static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not supported on this platform or file system (e.g. Windows); nothing more can be done.
        }
    }

    /** Syncs a file's data and metadata (after a mode change). */
    static void syncFile(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // A directory or an unreadable file: the change itself is done, only its durability is left to the OS.
        }
    }

    /**
     * Removes temporary files of writers that no longer run (killed, crashed, powered off). Files of running writers
     * are left alone.
     *
     * @return how many were removed
     */
    public static int removeStaleTemporaryFiles(Path dir) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, ".*.certsd-*.tmp")) {
            for (Path p : entries) {
                Matcher m = TEMP.matcher(p.getFileName().toString());
                if (m.matches() && !alive(m.group(1)) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        Files.delete(p);
                        removed++;
                    } catch (NoSuchFileException e) {
                        // another writer cleaned it up first
                    }
                }
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

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // the temporary name is ours and recognisable; the next writer removes it
        }
    }
}
