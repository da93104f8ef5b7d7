package dev.certsd.roots;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The default certs roots per OS and client, as the clients compute them. Everything the answer depends on
 * (OS, home, environment, which directories exist) is passed in, so tests can describe any machine.
 */
public final class KnownRoots implements RootDiscovery {
    private final OsFamily os;
    private final Path home;
    private final Map<String, String> env;
    private final Predicate<Path> isDirectory;

    public KnownRoots(OsFamily os, Path home, Map<String, String> env, Predicate<Path> isDirectory) {
        this.os = os;
        this.home = home;
        this.env = Map.copyOf(env);
        this.isDirectory = isDirectory;
    }

    /** The roots of the machine this program runs on. */
    public static KnownRoots ofThisMachine() {
        return new KnownRoots(OsFamily.current(), Path.of(System.getProperty("user.home")), System.getenv(),
                Files::isDirectory);
    }

    /** Every root a client on this OS would look at, whether it exists or not. */
    @Override
    public List<CertsRoot> candidates() {
        List<CertsRoot> roots = new ArrayList<>();
        switch (os) {
            case LINUX -> {
                roots.add(root(Path.of("/etc/docker/certs.d"), RootKind.DOCKER));
                roots.add(root(xdgConfigHome().resolve("docker/certs.d"), RootKind.DOCKER_ROOTLESS));
                roots.add(root(home.resolve(".docker/certs.d"), RootKind.DOCKER_DESKTOP));
                roots.add(root(xdgConfigHome().resolve("containers/certs.d"), RootKind.PODMAN_USER));
                roots.add(root(Path.of("/etc/containers/certs.d"), RootKind.PODMAN_SYSTEM));
                roots.add(root(Path.of("/etc/docker/certs.d"), RootKind.PODMAN_DOCKER_FALLBACK));
                roots.add(root(Path.of("/etc/containerd/certs.d"), RootKind.CONTAINERD));
            }
            case MAC -> {
                roots.add(root(home.resolve(".docker/certs.d"), RootKind.DOCKER_DESKTOP));
                roots.add(root(home.resolve(".config/containers/certs.d"), RootKind.PODMAN_USER));
            }
            case WINDOWS -> {
                String programData = env.getOrDefault("ProgramData", "C:\\ProgramData");
                roots.add(root(Path.of(programData, "docker", "certs.d"), RootKind.DOCKER_WINDOWS));
                roots.add(root(home.resolve(".docker").resolve("certs.d"), RootKind.DOCKER_DESKTOP));
                roots.add(root(home.resolve(".config").resolve("containers").resolve("certs.d"),
                        RootKind.PODMAN_USER));
            }
        }
        return roots;
    }

    @Override
    public List<CertsRoot> existingRoots() {
        return candidates().stream().filter(r -> isDirectory.test(r.path())).toList();
    }

    private Path xdgConfigHome() {
        String xdg = env.get("XDG_CONFIG_HOME");
        return xdg == null || xdg.isBlank() ? home.resolve(".config") : Path.of(xdg);
    }

    private static CertsRoot root(Path path, RootKind kind) {
        return new CertsRoot(path, kind, kind.client());
    }
}
