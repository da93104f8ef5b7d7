package dev.certsd.roots;

import java.util.Locale;

/** The operating systems whose certs.d conventions differ. */
public enum OsFamily {
    LINUX, MAC, WINDOWS;

    public static OsFamily of(String osName) {
        String n = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (n.startsWith("windows")) {
            return WINDOWS;
        }
        if (n.startsWith("mac") || n.contains("darwin")) {
            return MAC;
        }
        return LINUX;
    }

    public static OsFamily current() {
        return of(System.getProperty("os.name"));
    }
}
