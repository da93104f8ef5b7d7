package dev.certsd.roots;

import java.nio.file.Path;
import java.util.Objects;

/** A certs.d root directory, with the client that reads it. */
public record CertsRoot(Path path, RootKind kind, Client client) {
    public CertsRoot {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(client, "client");
    }

    /** A directory the user names, read as the given client would read it. */
    public static CertsRoot custom(Path path, Client client) {
        return new CertsRoot(path.toAbsolutePath().normalize(), RootKind.CUSTOM, client);
    }
}
