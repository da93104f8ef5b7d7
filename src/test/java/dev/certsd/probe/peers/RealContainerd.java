package dev.certsd.probe.peers;

import dev.certsd.testing.ExternalTools;
import dev.certsd.testing.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real containerd (Debian's {@code containerd}) with its own config, root, state and socket, no CRI plugin; and
 * its {@code ctr images pull --hosts-dir DIR}, which reads {@code DIR/<host>} (hosts.toml or the loose files) as the
 * CRI plugin's {@code config_path} does. ctr runs in a private mount namespace whose {@code /etc/hosts} maps the
 * test's names.
 */
public final class RealContainerd implements AutoCloseable {
    private final PeerProcess process;
    private final Path socket;
    private final Path ctr;
    private final String version;

    private RealContainerd(PeerProcess process, Path socket, Path ctr, String version) {
        this.process = process;
        this.socket = socket;
        this.ctr = ctr;
        this.version = version;
    }

    /** Starts containerd in {@code work}; skips, or fails in CI, without the program. */
    public static RealContainerd start(Path work) throws IOException, InterruptedException {
        Path containerd = ExternalTools.require("containerd", "containerd");
        Path ctr = ExternalTools.require("ctr", "containerd");
        Files.createDirectories(work);
        Path socket = work.resolve("c.sock");
        Path config = TestPki.write(work, "config.toml", "version = 2\n"
                + "root = \"" + work.resolve("root") + "\"\n"
                + "state = \"" + work.resolve("state") + "\"\n"
                + "disabled_plugins = [\"io.containerd.grpc.v1.cri\", \"io.containerd.snapshotter.v1.btrfs\","
                + " \"io.containerd.snapshotter.v1.zfs\", \"io.containerd.snapshotter.v1.aufs\","
                + " \"io.containerd.snapshotter.v1.devmapper\"]\n"
                + "[grpc]\n  address = \"" + socket + "\"\n"
                + "[ttrpc]\n  address = \"" + work.resolve("c.ttrpc.sock") + "\"\n");
        ExternalTools.Result v = ExternalTools.run(List.of(containerd.toString(), "--version"), work);
        String version = versionOf(v.stdout());
        PeerProcess p = PeerProcess.startUntil("containerd", List.of(containerd.toString(), "--config",
                config.toString()), work.resolve("containerd.log"), List.of(), List.of(() -> Files.exists(socket)),
                List.of("socket " + socket));
        return new RealContainerd(p, socket, ctr, version);
    }

    static String versionOf(String output) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+\\.\\d+\\.\\d+)").matcher(output);
        return m.find() ? m.group(1) : null;
    }

    /** The release running, as {@code containerd --version} says it ({@code 1.6.20}). */
    public String version() {
        return version;
    }

    /** {@code ctr images pull --hosts-dir HOSTSDIR REF} with {@code hostsFile} as /etc/hosts. */
    public ExternalTools.Result pull(Path hostsDir, String reference, Path hostsFile)
            throws IOException, InterruptedException {
        Map<String, String> binds = new LinkedHashMap<>();
        binds.put(hostsFile.toString(), "/etc/hosts");
        List<String> command = PrivateNamespace.command(binds, List.of("env", "-u", "HTTPS_PROXY", "-u", "https_proxy",
                "-u", "HTTP_PROXY", "-u", "http_proxy", "-u", "ALL_PROXY", "-u", "all_proxy", ctr.toString(),
                "--address", socket.toString(), "images", "pull", "--snapshotter", "native", "--hosts-dir",
                hostsDir.toString(), reference));
        return ExternalTools.run(command, null, 60);
    }

    public PeerProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
