package dev.certsd.roots;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Which client most likely reads a folder the user adds, so the question "who reads it?" starts on the right
 * answer: the well-known places first ({@code /etc/containers/certs.d} is podman's, {@code /etc/containerd/certs.d}
 * containerd's, {@code /etc/docker/certs.d} Docker's), then a {@code hosts.toml} inside (only containerd writes
 * those), then Docker, the classic reader.
 */
public final class ClientGuess {
    private ClientGuess() {
    }

    /** From the path alone. */
    public static Client ofPath(Path folder) {
        String p = folder.toAbsolutePath().normalize().toString().replace('\\', '/').toLowerCase(Locale.ROOT) + "/";
        if (p.contains("/containerd/")) {
            return Client.CONTAINERD;
        }
        if (p.contains("/containers/")) {
            return Client.CONTAINERS;
        }
        return Client.DOCKER;
    }

    /** From the path, and for a folder with no telling name, from what it holds. */
    public static Client of(Path folder) {
        Client byPath = ofPath(folder);
        String p = folder.toAbsolutePath().normalize().toString().replace('\\', '/').toLowerCase(Locale.ROOT);
        if (byPath != Client.DOCKER || p.contains("docker")) {
            return byPath;
        }
        try (DirectoryStream<Path> hosts = Files.newDirectoryStream(folder)) {
            for (Path h : hosts) {
                if (Files.isRegularFile(h.resolve("hosts.toml"))) {
                    return Client.CONTAINERD;
                }
            }
        } catch (IOException | SecurityException e) {
            return byPath; // an unreadable folder: the path is all we know
        }
        return byPath;
    }
}
