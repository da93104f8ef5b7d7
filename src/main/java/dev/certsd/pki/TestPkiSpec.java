package dev.certsd.pki;

import dev.certsd.certs.KeySpec;
import dev.certsd.certs.Subject;
import dev.certsd.plan.RegistryInput;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the user chose for a test PKI of their own registry.
 *
 * @param sans       extra host names and IP addresses of the server certificate (the registry's host is always in)
 * @param hostDir    the registry's host directory in certs.d: the client side goes there
 * @param serverOut  the folder for the server side: CAs, server pair, config.yml and nginx snippets
 * @param clientName the client pair's base name
 * @param storage    the registry's storage directory written into config.yml
 */
public record TestPkiSpec(RegistryInput.Valid registry, List<String> sans, Path hostDir, Path serverOut,
                          String clientName, Subject client, KeySpec key, int days, Path storage, boolean overwrite) {
    /** Debian's docker-registry package stores here. */
    public static final Path DEFAULT_STORAGE = Path.of("/var/lib/docker-registry");

    public TestPkiSpec {
        Objects.requireNonNull(registry, "registry");
        sans = List.copyOf(sans);
        hostDir = hostDir.toAbsolutePath().normalize();
        serverOut = serverOut.toAbsolutePath().normalize();
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(key, "key");
        storage = storage.toAbsolutePath().normalize();
    }
}
