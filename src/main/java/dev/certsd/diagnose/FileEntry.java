package dev.certsd.diagnose;

import dev.certsd.material.Content;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * One directory entry of a host directory, read safely: special files are never opened, symlinks are
 * followed once, sizes are bounded.
 *
 * @param bytes   the content when read (regular files within the size limit), else null
 * @param content what the bytes hold, else null
 * @param perms   POSIX permissions of the target, or null where the file system has none
 */
public record FileEntry(String name, Path path, Kind kind, boolean symlink, long size,
                        Set<PosixFilePermission> perms, byte[] bytes, Content content) {

    /** What the entry is, as far as reading it goes. */
    public enum Kind { REGULAR, DIRECTORY, MISSING, BROKEN_SYMLINK, SYMLINK_LOOP, SPECIAL, UNREADABLE, TOO_LARGE }

    public boolean readable() {
        return bytes != null;
    }

    /**
     * The error a Go client gets reading this entry with os.ReadFile, or null when it reads fine or would
     * block forever (special files).
     */
    public String goReadError() {
        return switch (kind) {
            case UNREADABLE -> "open " + path + ": permission denied";
            case MISSING, BROKEN_SYMLINK -> "open " + path + ": no such file or directory";
            case SYMLINK_LOOP -> "open " + path + ": too many levels of symbolic links";
            case DIRECTORY -> "read " + path + ": is a directory";
            default -> null;
        };
    }
}
