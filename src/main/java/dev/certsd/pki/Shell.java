package dev.certsd.pki;

import java.nio.file.Path;

/** Quoting for the command lines shown to the user (POSIX shells). */
final class Shell {
    private Shell() {
    }

    static String q(String s) {
        return s.matches("[A-Za-z0-9_@%+=:,./-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    static String q(Path p) {
        return q(p.toString());
    }
}
