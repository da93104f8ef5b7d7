package dev.certsd.roots;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientGuessTest {
    @TempDir
    Path tmp;

    @Test
    void theWellKnownPlacesNameTheirClient() {
        assertEquals(Client.CONTAINERS, ClientGuess.of(Path.of("/etc/containers/certs.d")));
        assertEquals(Client.CONTAINERS, ClientGuess.of(Path.of("/home/ann/.config/containers/certs.d")));
        assertEquals(Client.CONTAINERD, ClientGuess.of(Path.of("/etc/containerd/certs.d")));
        assertEquals(Client.DOCKER, ClientGuess.of(Path.of("/etc/docker/certs.d")));
        assertEquals(Client.DOCKER, ClientGuess.of(Path.of("/home/ann/.docker/certs.d")));
    }

    @Test
    void aFolderWithAHostsTomlIsContainerdsAndAnyOtherFolderDockers() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("backup/certs.d/reg.example.com"));
        assertEquals(Client.DOCKER, ClientGuess.of(plain.getParent()));
        Files.writeString(plain.resolve("hosts.toml"), "server = \"https://reg.example.com\"\n");
        assertEquals(Client.CONTAINERD, ClientGuess.of(plain.getParent()));
    }
}
