package dev.certsd.files;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.attribute.UserPrincipal;

/** Users as the trust rules need them. */
final class Principals {
    private static final UserPrincipal ROOT = lookup("root");

    private Principals() {
    }

    static UserPrincipal root() {
        return ROOT;
    }

    /** The user's name for messages, or the number when it has none. */
    static String name(long uid) {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/etc/passwd"))) {
                String[] f = line.split(":", -1);
                if (f.length > 2 && f[2].equals(Long.toString(uid))) {
                    return f[0] + " (uid " + uid + ")";
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall back to the number
        }
        return "uid " + uid;
    }

    private static UserPrincipal lookup(String name) {
        try {
            return FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(name);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }
}
