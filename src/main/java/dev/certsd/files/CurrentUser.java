package dev.certsd.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Who this process runs as, for deciding which changes need the privileged path. */
final class CurrentUser {
    private static final long UID = readUid();

    private CurrentUser() {
    }

    /** The numeric user id, or -1 where unknown. */
    static long uid() {
        return UID;
    }

    static boolean isRoot() {
        return UID == 0;
    }

    /** Only the owner (or root) may chmod a file. */
    static boolean owns(Path path) {
        if (isRoot()) {
            return true;
        }
        try {
            Object uid = Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            return UID >= 0 ? ((Number) uid).longValue() == UID
                    : Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Linux: /proc/self belongs to the process's user. Elsewhere unknown (-1). */
    private static long readUid() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return -1;
        }
    }
}
