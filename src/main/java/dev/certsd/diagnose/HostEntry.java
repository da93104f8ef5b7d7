package dev.certsd.diagnose;

import dev.certsd.roots.Client;
import dev.certsd.roots.HostDir;
import dev.certsd.roots.IpLiteral;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Set;

/**
 * What an entry of a certs root is, as the clients meet it when they look up {@code <root>/<host>}: they follow
 * symbolic links (Go's os.Stat and os.ReadDir), so a link to a directory is a host directory, a dangling link is
 * no directory at all, and a file is something they try to list and fail on.
 */
record HostEntry(Kind kind, Path target) {
    /** The kinds of root entries that matter to a client. */
    enum Kind { DIRECTORY, LINKED_DIRECTORY, NOT_A_DIRECTORY, DANGLING_LINK, LINK_LOOP, OTHER }

    /** Extensions of files people keep next to host directories: such names are stray files, not registries. */
    private static final Set<String> FILE_EXTENSIONS = Set.of("crt", "cert", "key", "pem", "cer", "der", "p12", "pfx",
            "csr", "srl", "crl", "p7b", "p7c", "jks", "txt", "md", "rst", "toml", "json", "yaml", "yml", "conf",
            "cfg", "ini", "xml", "html", "htm", "bak", "old", "orig", "swp", "log", "sh", "tar", "gz", "tgz", "zip");

    static HostEntry of(Path p) {
        BasicFileAttributes own;
        try {
            own = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return new HostEntry(Kind.OTHER, null);
        }
        if (!own.isSymbolicLink()) {
            return new HostEntry(own.isDirectory() ? Kind.DIRECTORY : Kind.NOT_A_DIRECTORY, null);
        }
        Path target;
        try {
            target = Files.readSymbolicLink(p);
        } catch (IOException e) {
            target = null;
        }
        try {
            BasicFileAttributes followed = Files.readAttributes(p, BasicFileAttributes.class);
            return new HostEntry(followed.isDirectory() ? Kind.LINKED_DIRECTORY : Kind.NOT_A_DIRECTORY, target);
        } catch (NoSuchFileException e) {
            return new HostEntry(Kind.DANGLING_LINK, target);
        } catch (java.nio.file.FileSystemException e) {
            String reason = String.valueOf(e.getReason()).toLowerCase(Locale.ROOT);
            boolean loop = reason.contains("levels of symbolic links") || reason.contains("loop");
            return new HostEntry(loop ? Kind.LINK_LOOP : Kind.OTHER, target);
        } catch (IOException e) {
            return new HostEntry(Kind.OTHER, target); // a loop or no permission: listing it tells the client's error
        }
    }

    /**
     * The error a client stops with on a symbolic link that loops: Docker lists it (os.ReadDir opens it),
     * containers/image and containerd look it up first (os.Stat) and fail on anything but "does not exist".
     */
    static String loopError(Client client, Path p) {
        return (client == Client.DOCKER ? "open " : "stat ") + p + ": too many levels of symbolic links";
    }

    /** Whether a client scans this entry as a host directory (a directory, or a link to one). */
    boolean directory() {
        return kind == Kind.DIRECTORY || kind == Kind.LINKED_DIRECTORY;
    }

    /**
     * Whether a name is one a client would look up for a registry: a port, an IP address, {@code localhost}, or a
     * dotted name that does not end like a file ({@code ca.crt}, {@code notes.txt} are stray files).
     */
    static boolean looksLikeRegistry(HostDir dir) {
        if (!dir.valid() || dir.host() == null) {
            return false;
        }
        String host = dir.host();
        if (dir.port() != null || IpLiteral.isLiteral(host) || host.equalsIgnoreCase("localhost")) {
            return true;
        }
        int dot = host.lastIndexOf('.');
        return dot > 0 && !FILE_EXTENSIONS.contains(host.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * The error a client stops with when the entry named like a host directory is a file: Docker (os.ReadDir) and
     * containers/image (os.Stat, then os.ReadDir) list it; containerd (os.Stat, then os.ReadFile of hosts.toml)
     * opens a file inside it.
     */
    static String notADirectoryError(Client client, Path p) {
        return client == Client.CONTAINERD ? "open " + p.resolve("hosts.toml") + ": not a directory"
                : "readdirent " + p + ": not a directory";
    }
}
