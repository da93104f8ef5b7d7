package dev.certsd.testing;

import dev.certsd.probe.peers.PeerProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real OpenSSH server on loopback for tests: a fresh ed25519 host key, one user key (in a home's {@code .ssh}
 * the client side is pointed at) allowed to log in as the running user (root here), SFTP through internal-sftp.
 * Skipped without openssh-server on a laptop, failing under CI=true.
 */
public final class RealSshd implements AutoCloseable {
    private final PeerProcess process;
    private final Path dir;
    private final int port;

    private RealSshd(PeerProcess process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** Starts sshd with its files under {@code dir}; the client's {@code .ssh} is {@link #sshDir()}. */
    public static RealSshd start(Path dir) throws IOException, InterruptedException {
        Path sshd = ExternalTools.require("sshd", "openssh-server");
        Path keygen = ExternalTools.require("ssh-keygen", "openssh-client");
        Files.createDirectories(Path.of("/run/sshd"));
        Files.createDirectories(dir.resolve("home/.ssh"));
        keygen(keygen, dir.resolve("host_ed25519"));
        keygen(keygen, dir.resolve("home/.ssh/id_ed25519"));
        Files.copy(dir.resolve("home/.ssh/id_ed25519.pub"), dir.resolve("authorized_keys"));
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = PeerProcess.freePort();
            Path config = dir.resolve("sshd_config");
            Files.writeString(config, String.join("\n",
                    "Port " + port,
                    "ListenAddress 127.0.0.1",
                    "HostKey " + dir.resolve("host_ed25519"),
                    "PidFile " + dir.resolve("sshd.pid"),
                    "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                    "PasswordAuthentication no",
                    "KbdInteractiveAuthentication no",
                    "PermitRootLogin prohibit-password",
                    "StrictModes no",
                    "UsePAM no",
                    "MaxStartups 100:30:200",
                    "MaxSessions 100",
                    "Subsystem sftp internal-sftp",
                    "LogLevel INFO", "" /* one "Accepted publickey" line per login: logins() */), StandardCharsets.UTF_8);
            try {
                PeerProcess p = PeerProcess.start("sshd", List.of(sshd.toString(), "-D", "-e", "-f", config.toString()),
                        dir.resolve("sshd.log"), List.of(port), List.of());
                return new RealSshd(p, dir, port);
            } catch (PeerProcess.PeerFailedToStart e) {
                last = e;
            }
        }
        throw last;
    }

    private static void keygen(Path keygen, Path key) throws IOException, InterruptedException {
        ExternalTools.Result r = ExternalTools.run(List.of(keygen.toString(), "-q", "-t", "ed25519", "-N", "",
                "-C", "certsd-test", "-f", key.toString()), null);
        if (r.exitCode() != 0) {
            throw new IOException("ssh-keygen failed: " + r.stderr());
        }
    }

    public int port() {
        return port;
    }

    /** {@code root@127.0.0.1:PORT} (this user's name, really). */
    public String target() {
        return System.getProperty("user.name") + "@127.0.0.1:" + port;
    }

    /** The client's {@code ~/.ssh}: its key, and where its known_hosts and config go. */
    public Path sshDir() {
        return dir.resolve("home/.ssh");
    }

    /** The host key's line for known_hosts. */
    public String knownHostsLine() throws IOException {
        String pub = Files.readString(dir.resolve("host_ed25519.pub"), StandardCharsets.UTF_8).strip();
        String[] parts = pub.split(" ");
        return "[127.0.0.1]:" + port + " " + parts[0] + " " + parts[1];
    }

    /** Trusts the server's host key, as a user who connected before. */
    public void trustHostKey() throws IOException {
        Files.writeString(sshDir().resolve("known_hosts"), knownHostsLine() + "\n", StandardCharsets.UTF_8);
    }

    /** The host key's SHA-256 fingerprint as ssh prints it. */
    public String fingerprint() throws IOException, InterruptedException {
        ExternalTools.Result r = ExternalTools.run(List.of("ssh-keygen", "-l", "-E", "sha256", "-f",
                dir.resolve("host_ed25519.pub").toString()), null);
        return r.stdout().split(" ")[1];
    }

    /** The per-connection sshd processes (children of the listener). */
    public List<ProcessHandle> connections() throws IOException {
        long pid = Long.parseLong(Files.readString(dir.resolve("sshd.pid")).strip());
        return ProcessHandle.of(pid).map(h -> h.descendants().toList()).orElse(List.of());
    }

    /**
     * Logins so far, from sshd's own log: unlike counting its child processes, lingering connections of earlier
     * tests that end meanwhile cannot make the count go down.
     */
    public long logins() {
        return log().lines().filter(l -> l.contains("Accepted publickey")).count();
    }

    public String log() {
        return process.log();
    }

    @Override
    public void close() {
        process.close();
    }
}
