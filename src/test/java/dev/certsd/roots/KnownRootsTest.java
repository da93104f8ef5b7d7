package dev.certsd.roots;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KnownRootsTest {
    private static final Path HOME = Path.of("/home/dev");

    @Test
    void linuxRootsInTheOrderUsersExpect() {
        KnownRoots roots = new KnownRoots(OsFamily.LINUX, HOME, Map.of(), p -> true);
        assertEquals(List.of(Path.of("/etc/docker/certs.d"), HOME.resolve(".config/docker/certs.d"),
                HOME.resolve(".docker/certs.d"), HOME.resolve(".config/containers/certs.d"),
                Path.of("/etc/containers/certs.d"), Path.of("/etc/docker/certs.d"), Path.of("/etc/containerd/certs.d")),
                roots.candidates().stream().map(CertsRoot::path).toList());
        assertEquals(Client.CONTAINERS, roots.candidates().get(5).client(), "podman falls back to Docker's root");
    }

    @Test
    void rootlessDockerFollowsXdgConfigHome() {
        KnownRoots roots = new KnownRoots(OsFamily.LINUX, HOME, Map.of("XDG_CONFIG_HOME", "/cfg"), p -> true);
        assertEquals(Path.of("/cfg/docker/certs.d"), roots.candidates().get(1).path());
        assertEquals(RootKind.DOCKER_ROOTLESS, roots.candidates().get(1).kind());
    }

    @Test
    void onlyExistingRootsAreDiscovered() {
        Set<Path> existing = Set.of(Path.of("/etc/containerd/certs.d"));
        KnownRoots roots = new KnownRoots(OsFamily.LINUX, HOME, Map.of(), existing::contains);
        assertEquals(List.of(RootKind.CONTAINERD), roots.existingRoots().stream().map(CertsRoot::kind).toList());
    }

    @Test
    void windowsServerUsesProgramData() {
        KnownRoots roots = new KnownRoots(OsFamily.WINDOWS, HOME, Map.of("ProgramData", "D:\\Data"), p -> true);
        assertEquals(RootKind.DOCKER_WINDOWS, roots.candidates().get(0).kind());
        assertEquals(Path.of("D:\\Data", "docker", "certs.d"), roots.candidates().get(0).path());
    }

    @Test
    void macHasDockerDesktopAndPodman() {
        KnownRoots roots = new KnownRoots(OsFamily.MAC, HOME, Map.of(), p -> true);
        assertEquals(List.of(RootKind.DOCKER_DESKTOP, RootKind.PODMAN_USER),
                roots.candidates().stream().map(CertsRoot::kind).toList());
    }
}
