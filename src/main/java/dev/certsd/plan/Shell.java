package dev.certsd.plan;

import java.nio.file.Path;

/** Quoting for the command lines shown to the user (POSIX shells). */
public final class Shell {
    private Shell() {
    }

    public static String q(String s) {
        return s.matches("[A-Za-z0-9_@%+=:,./-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    public static String q(Path p) {
        return q(p.toString());
    }
}
