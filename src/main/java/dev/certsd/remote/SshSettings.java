package dev.certsd.remote;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How to reach machines over SSH: where the user's {@code .ssh} directory is (config, keys, known_hosts), how long
 * to wait, and the host key fingerprints the user has just confirmed.
 *
 * @param sshDir               the directory ssh calls {@code ~/.ssh}
 * @param timeout              the longest wait for the connection, the login and then for any answer of the server
 * @param acceptedFingerprints {@code SHA256:...} fingerprints of unknown host keys the user confirmed: such a key is
 *                             trusted and added to known_hosts; any other unknown key is refused
 */
public record SshSettings(Path sshDir, Duration timeout, Set<String> acceptedFingerprints) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    /** Moves {@code ~/.ssh} (tests, or a user who keeps a separate one for this tool). */
    public static final String SSH_DIR_PROPERTY = "certsd.ssh.dir";

    public SshSettings {
        Objects.requireNonNull(sshDir, "sshDir");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout");
        }
        acceptedFingerprints = Set.copyOf(acceptedFingerprints);
    }

    /** This user's {@code ~/.ssh} ({@value #SSH_DIR_PROPERTY} moves it), the default timeout, nothing confirmed. */
    public static SshSettings ofThisUser() {
        String moved = System.getProperty(SSH_DIR_PROPERTY);
        Path dir = moved != null && !moved.isBlank() ? Path.of(moved)
                : Path.of(System.getProperty("user.home"), ".ssh");
        return new SshSettings(dir, DEFAULT_TIMEOUT, Set.of());
    }

    public SshSettings withTimeout(Duration t) {
        return new SshSettings(sshDir, t, acceptedFingerprints);
    }

    public SshSettings withAccepted(Set<String> fingerprints) {
        return new SshSettings(sshDir, timeout, fingerprints);
    }

    public Path knownHosts() {
        return sshDir.resolve("known_hosts");
    }

    public Path config() {
        return sshDir.resolve("config");
    }

    /** The user's home: what {@code ~} in ssh's config means. */
    Path home() {
        Path parent = sshDir.toAbsolutePath().getParent();
        return parent != null ? parent : sshDir.toAbsolutePath();
    }
}
