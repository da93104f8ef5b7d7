package dev.certsd.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * What is at a path right now, read without following symbolic links: a change never writes through a link
 * into a file elsewhere.
 *
 * @param bytes  a regular file's content, else null
 * @param sha256 its SHA-256, else null
 * @param mode   the permissions, or null when absent or unknown
 * @param reason why the path could not be read ({@link Kind#UNREADABLE}), or why a file's content is unknown
 */
public record PathState(Kind kind, byte[] bytes, String sha256, Set<PosixFilePermission> mode, String reason) {
    /** Files larger than this are not certs.d material; reading them whole would only hurt. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    /** What a path is, as far as changing it goes. */
    public enum Kind { ABSENT, FILE, DIRECTORY, SYMLINK, OTHER, UNREADABLE }

    public static PathState absent() {
        return new PathState(Kind.ABSENT, null, null, null, null);
    }

    public static PathState file(byte[] bytes, Set<PosixFilePermission> mode) {
        return new PathState(Kind.FILE, bytes, Sha256.hex(bytes), mode, null);
    }

    public static PathState directory(Set<PosixFilePermission> mode) {
        return new PathState(Kind.DIRECTORY, null, null, mode, null);
    }

    public static PathState read(Path path) {
        PosixFileAttributes a;
        try {
            a = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return absent();
        } catch (IOException e) {
            return unreadable(e);
        }
        PathState decided = byAttributes(a);
        if (decided != null) {
            return decided;
        }
        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) { // grew since its attributes were read
                return new PathState(Kind.UNREADABLE, null, null, a.permissions(), "larger than " + MAX_BYTES + " bytes");
            }
            return file(bytes, a.permissions());
        } catch (AccessDeniedException e) {
            // A regular file this user may not read (a root-owned key): its content is for root to check.
            return new PathState(Kind.FILE, null, null, a.permissions(), "permission denied");
        } catch (IOException e) {
            return unreadable(e);
        }
    }

    /** What the attributes alone say (a link, a directory, a special or too large file); null for a file to read. */
    private static PathState byAttributes(PosixFileAttributes a) {
        if (a.isSymbolicLink()) {
            return new PathState(Kind.SYMLINK, null, null, null, null);
        }
        if (a.isDirectory()) {
            return directory(a.permissions());
        }
        if (!a.isRegularFile()) {
            return new PathState(Kind.OTHER, null, null, a.permissions(), null);
        }
        if (a.size() > MAX_BYTES) {
            return new PathState(Kind.UNREADABLE, null, null, a.permissions(), "larger than " + MAX_BYTES + " bytes");
        }
        return null;
    }

    /**
     * What is at {@code name} in an opened directory, read relative to it without following a link; the attributes
     * read (file key, owner) go to {@code attrs[0]}. A name that changes while it is read reads as unreadable.
     */
    static PathState readIn(OpenedDir dir, String name, PosixFileAttributes[] attrs) {
        PosixFileAttributes a;
        try {
            a = dir.attributes(name);
        } catch (IOException e) {
            return unreadable(e);
        }
        attrs[0] = a;
        if (a == null) {
            return absent();
        }
        PathState decided = byAttributes(a);
        if (decided != null) {
            return decided;
        }
        byte[] bytes;
        try (InputStream in = Channels.newInputStream(dir.stream().newByteChannel(Path.of(name),
                Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)))) {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        } catch (AccessDeniedException e) {
            return new PathState(Kind.FILE, null, null, a.permissions(), "permission denied");
        } catch (IOException e) {
            return unreadable(e);
        }
        try {
            PosixFileAttributes after = dir.attributes(name);
            if (after == null || !a.fileKey().equals(after.fileKey()) || bytes.length > MAX_BYTES) {
                return new PathState(Kind.UNREADABLE, null, null, a.permissions(), "changed while it was read");
            }
        } catch (IOException e) {
            return unreadable(e);
        }
        return file(bytes, a.permissions());
    }

    private static PathState unreadable(IOException e) {
        String reason = e instanceof AccessDeniedException ? "permission denied" : String.valueOf(e.getMessage());
        return new PathState(Kind.UNREADABLE, null, null, null, reason);
    }

    /** False for a regular file this user may not read: only its kind and mode are known. */
    public boolean contentKnown() {
        return kind != Kind.FILE || sha256 != null;
    }

    public PathState withMode(Set<PosixFilePermission> m) {
        return new PathState(kind, bytes, sha256, m, reason);
    }
}
