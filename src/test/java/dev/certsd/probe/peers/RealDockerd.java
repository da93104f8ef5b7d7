package dev.certsd.probe.peers;

import dev.certsd.testing.ExternalTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real Docker Engine (Debian's {@code docker.io}) started by a test: in a private mount namespace where
 * {@code /etc/docker} (so {@code /etc/docker/certs.d}) is a directory of the test's, {@code /etc/hosts} the test's
 * file and {@code /run} a tmpfs; with its own data-root, exec-root, pidfile and socket, no bridge and no iptables.
 * The machine's files and networking stay untouched. {@code docker pull} talks to it through its socket.
 */
public final class RealDockerd implements AutoCloseable {
    private final PeerProcess process;
    private final Path socket;
    private final Path certsD;
    private final Path docker;
    private final Path cliConfig;
    private final String version;

    private RealDockerd(PeerProcess process, Path socket, Path certsD, Path docker, Path cliConfig, String version) {
        this.process = process;
        this.socket = socket;
        this.certsD = certsD;
        this.docker = docker;
        this.cliConfig = cliConfig;
        this.version = version;
    }

    /** Starts dockerd in {@code work} with {@code hostsFile} as its /etc/hosts; skips, or fails in CI, without it. */
    public static RealDockerd start(Path work, Path hostsFile) throws IOException, InterruptedException {
        Path dockerd = ExternalTools.require("dockerd", "docker.io");
        Path docker = ExternalTools.require("docker", "docker.io");
        Path etc = Files.createDirectories(work.resolve("etc"));
        Path certsD = Files.createDirectories(etc.resolve("certs.d"));
        Path cliConfig = Files.createDirectories(work.resolve("cli"));
        Path socket = work.resolve("docker.sock");
        ExternalTools.Result v = ExternalTools.run(List.of(dockerd.toString(), "--version"), work);
        Map<String, String> binds = new LinkedHashMap<>();
        binds.put(etc.toString(), "/etc/docker");
        binds.put(hostsFile.toString(), "/etc/hosts");
        binds.put("tmpfs:", "/run");
        List<String> command = PrivateNamespace.command(binds, List.of(dockerd.toString(), "--iptables=false",
                "--ip6tables=false", "--bridge=none", "--ip-forward=false", "--ip-masq=false", "--storage-driver=vfs",
                "--data-root", work.resolve("data").toString(), "--exec-root", work.resolve("exec").toString(),
                "--pidfile", work.resolve("docker.pid").toString(), "-H", "unix://" + socket));
        PeerProcess p = PeerProcess.startUntil("dockerd", command, work.resolve("dockerd.log"), List.of(),
                List.of(() -> Files.exists(socket) && answers(docker, socket, cliConfig)), List.of("socket " + socket));
        return new RealDockerd(p, socket, certsD, docker, cliConfig, RealContainerd.versionOf(v.stdout()));
    }

    private static boolean answers(Path docker, Path socket, Path cliConfig) {
        try {
            return ExternalTools.run(List.of(docker.toString(), "--config", cliConfig.toString(), "-H",
                    "unix://" + socket, "version"), null, 20).exitCode() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The release running, as {@code dockerd --version} says it ({@code 20.10.24}). */
    public String version() {
        return version;
    }

    /** The daemon's {@code /etc/docker/certs.d}: host directories written here are what it reads. */
    public Path certsD() {
        return certsD;
    }

    /** {@code docker pull REF} through this daemon's socket. */
    public ExternalTools.Result pull(String reference) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(docker.toString(), "--config", cliConfig.toString(), "-H",
                "unix://" + socket, "pull", "-q", reference));
        return ExternalTools.run(command, null, 90);
    }

    public PeerProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
