package dev.certsd.files;

import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** The modes certs.d files and directories should have, and their octal spelling for people and scripts. */
public final class FileModes {
    /** Private keys: never readable by anyone but the owner, not even for a moment. */
    public static final Set<PosixFilePermission> KEY = PosixFilePermissions.fromString("rw-------");
    /** Certificates: public by nature, and the daemon reads them as root anyway. */
    public static final Set<PosixFilePermission> CERTIFICATE = PosixFilePermissions.fromString("rw-r--r--");
    /** Host directories: the daemon reads them as root; users list them to see what is trusted. */
    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwxr-xr-x");
    /** The journal: it holds old private keys. */
    public static final Set<PosixFilePermission> PRIVATE_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private FileModes() {
    }

    /** The mode as {@code chmod} and {@code install -m} take it, e.g. {@code 0600}. */
    public static String octal(Set<PosixFilePermission> mode) {
        int bits = 0;
        for (PosixFilePermission p : mode) {
            bits |= 1 << (8 - p.ordinal());
        }
        return String.format("0%03o", bits);
    }

    /** Whether group or others may read, write or enter. */
    public static boolean isPrivate(Set<PosixFilePermission> mode) {
        return mode.stream().allMatch(p -> p.name().startsWith("OWNER_"));
    }
}
