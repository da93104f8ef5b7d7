package dev.certsd.roots;

/** What kind of certs root a directory is: which client reads it, and as whom. */
public enum RootKind {
    DOCKER(Client.DOCKER, true),
    DOCKER_ROOTLESS(Client.DOCKER, false),
    DOCKER_DESKTOP(Client.DOCKER, false),
    DOCKER_WINDOWS(Client.DOCKER, true),
    PODMAN_USER(Client.CONTAINERS, false),
    PODMAN_SYSTEM(Client.CONTAINERS, false),
    PODMAN_DOCKER_FALLBACK(Client.CONTAINERS, false),
    CONTAINERD(Client.CONTAINERD, true),
    CUSTOM(Client.DOCKER, false);

    private final Client client;
    private final boolean readByPrivilegedDaemon;

    RootKind(Client client, boolean readByPrivilegedDaemon) {
        this.client = client;
        this.readByPrivilegedDaemon = readByPrivilegedDaemon;
    }

    /** The client that reads this root by default. */
    public Client client() {
        return client;
    }

    /**
     * Whether the files are read by a daemon running as root (dockerd, containerd), so a file this
     * program cannot read may still be readable to the client.
     */
    public boolean readByPrivilegedDaemon() {
        return readByPrivilegedDaemon;
    }
}
