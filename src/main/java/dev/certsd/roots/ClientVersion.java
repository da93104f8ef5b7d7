package dev.certsd.roots;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which release of a client is modelled: its rules (error texts, insecure ranges, hosts.toml parsing, loopback
 * HTTP) change between versions. Picked by the user ({@code docker@20.10}), read from the machine
 * ({@link InstalledVersions}), or the newest release the engine models when neither is known.
 *
 * @param version {@code 20.10.24}, {@code 1.6}, ... (missing parts count as 0); null for containers/image, whose
 *                certs.d reading has not changed between the releases modelled
 */
public record ClientVersion(Client client, String version, Source source) {
    private static final Pattern NUMBERS = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");
    private static final Pattern SPEC = Pattern.compile("([a-z]+)(?:@(\\d+(?:\\.\\d+){0,2}))?");

    /** Where the version comes from. */
    public enum Source {
        /** Chosen by the user. */
        PICKED,
        /** Read from the program installed on this machine. */
        INSTALLED,
        /** Nothing known: the newest release the engine models. */
        NEWEST;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ClientVersion {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(source, "source");
        if (version != null && !NUMBERS.matcher(version).matches()) {
            throw new IllegalArgumentException("not a version: " + version);
        }
    }

    /** The newest release of each client the engine models: Docker Engine 28, containerd 2.1. */
    public static ClientVersion newest(Client client) {
        return switch (client) {
            case DOCKER -> new ClientVersion(client, "28.0", Source.NEWEST);
            case CONTAINERD -> new ClientVersion(client, "2.1", Source.NEWEST);
            case CONTAINERS -> new ClientVersion(client, null, Source.NEWEST);
        };
    }

    /** A version as the user picks it. */
    public static ClientVersion picked(Client client, String version) {
        return new ClientVersion(client, version, Source.PICKED);
    }

    /**
     * Parses {@code docker}, {@code docker@20.10}, {@code containerd@1.6.20}; empty when it is no client id, or the
     * version is malformed. The version of {@code containers} is ignored (one model for all its releases).
     */
    public static Optional<ClientVersion> parse(String spec) {
        Matcher m = SPEC.matcher(spec == null ? "" : spec.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<Client> c = Client.fromId(m.group(1));
        if (c.isEmpty()) {
            return Optional.empty();
        }
        if (m.group(2) == null || c.get() == Client.CONTAINERS) {
            return Optional.of(new ClientVersion(c.get(), null, Source.NEWEST));
        }
        return Optional.of(picked(c.get(), m.group(2)));
    }

    /** Whether the version is known (picked or installed) rather than assumed. */
    public boolean known() {
        return source != Source.NEWEST;
    }

    /** Whether this release is {@code major.minor.patch} or later; an unknown version counts as the newest. */
    public boolean atLeast(int major, int minor, int patch) {
        if (version == null) {
            return true;
        }
        int[] v = parts();
        int[] w = {major, minor, patch};
        for (int i = 0; i < 3; i++) {
            if (v[i] != w[i]) {
                return v[i] > w[i];
            }
        }
        return true;
    }

    /** Whether this is a {@code major.minor} release. */
    public boolean line(int major, int minor) {
        int[] v = parts();
        return version != null && v[0] == major && v[1] == minor;
    }

    private int[] parts() {
        int[] out = new int[3];
        if (version == null) {
            return out;
        }
        Matcher m = NUMBERS.matcher(version);
        if (m.matches()) {
            for (int i = 0; i < 3; i++) {
                out[i] = m.group(i + 1) == null ? 0 : Integer.parseInt(m.group(i + 1));
            }
        }
        return out;
    }

    /** {@code docker@20.10.24}, {@code containers}: the form {@code --client} takes. */
    public String id() {
        return version == null ? client.id() : client.id() + "@" + version;
    }

    @Override
    public String toString() {
        return id() + " (" + source.id() + ")";
    }
}
