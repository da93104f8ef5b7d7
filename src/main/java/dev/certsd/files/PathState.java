package dev.certsd.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
            return file(in.readAllBytes(), a.permissions());
        } catch (AccessDeniedException e) {
            // A regular file this user may not read (a root-owned key): its content is for root to check.
            return new PathState(Kind.FILE, null, null, a.permissions(), "permission denied");
        } catch (IOException e) {
            return unreadable(e);
        }
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
