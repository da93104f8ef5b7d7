package dev.certsd.roots;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The container client whose reading of certs.d is modelled. */
public enum Client {
    /** Docker Engine (moby): the classic certs.d reader. */
    DOCKER("docker"),
    /** containers/image: podman, skopeo, buildah. */
    CONTAINERS("containers"),
    /** containerd's hosts directory (loose files or hosts.toml). */
    CONTAINERD("containerd");

    private final String id;

    Client(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Client> fromId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.id.equals(wanted)).findFirst();
    }
}
