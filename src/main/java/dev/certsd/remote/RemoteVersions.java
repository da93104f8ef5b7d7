package dev.certsd.remote;

import dev.certsd.roots.Client;
import dev.certsd.roots.ClientVersion;
import dev.certsd.roots.InstalledVersions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The client release installed on a remote machine, read (never run) over SFTP: the first line of the Debian
 * package's changelog ({@code docker.io (20.10.24+dfsg1-1+deb12u1) bookworm; ...}), as the local check asks
 * {@code dockerd --version}. Machines without such a package get the newest release the engine models.
 */
public final class RemoteVersions {
    private RemoteVersions() {
    }

    /** The version picked, else the one installed on the machine, else the newest modelled. */
    public static ClientVersion resolve(RemoteMachine m, Client client, String picked) {
        if (picked != null && client != Client.CONTAINERS) {
            return ClientVersion.picked(client, picked);
        }
        return installed(m, client).orElseGet(() -> ClientVersion.newest(client));
    }

    static Optional<ClientVersion> installed(RemoteMachine m, Client client) {
        List<String> packages = switch (client) {
            case DOCKER -> List.of("docker-ce", "docker.io", "moby-engine");
            case CONTAINERD -> List.of("containerd.io", "containerd");
            case CONTAINERS -> List.of();
        };
        for (String p : packages) {
            Optional<String> v = firstLine(m.path("/usr/share/doc/" + p + "/changelog.Debian.gz"))
                    .flatMap(line -> {
                        int open = line.indexOf('(');
                        return open < 0 ? Optional.empty() : InstalledVersions.versionIn(line.substring(open));
                    });
            if (v.isPresent()) {
                return Optional.of(new ClientVersion(client, v.get(), ClientVersion.Source.INSTALLED));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> firstLine(Path gz) {
        if (!Files.isRegularFile(gz)) {
            return Optional.empty();
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz), 512)) {
            String head = new String(in.readNBytes(400), StandardCharsets.UTF_8);
            int nl = head.indexOf('\n');
            return Optional.of(nl < 0 ? head : head.substring(0, nl));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
