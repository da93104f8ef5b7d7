package dev.certsd.export;

import static dev.certsd.probe.peers.PeerPki.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.compare.Side;
import dev.certsd.diagnose.MachineOptions;
import dev.certsd.roots.Client;
import dev.certsd.probe.peers.PeerLogs;
import dev.certsd.probe.peers.PeerPki;
import dev.certsd.probe.peers.PeerProcess;
import dev.certsd.probe.peers.RealRegistry;
import dev.certsd.probe.peers.Skopeo;
import dev.certsd.probe.peers.TinyImage;
import dev.certsd.testing.ExternalTools;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kubernetes export: the manifests parse back through the fabric8 model unchanged, and the files the DaemonSet
 * installs (its own script run over the Secret's data) make real containerd pull from the real registry.
 */
class KubernetesExportTest {
    @RegisterExtension
    static final PeerLogs LOGS = new PeerLogs();
    @TempDir
    Path work;

    @Test
    void theManifestsRoundTripAndTheInstalledFilesLetContainerdPull() throws Exception {
        Path containerd = ExternalTools.require("containerd", "containerd");
        Path ctr = ExternalTools.require("ctr", "containerd");
        Skopeo skopeo = Skopeo.find(work);
        PeerPki pki = new PeerPki();
        try (RealRegistry registry = RealRegistry.start(work.resolve("registry"), pki)) {
            LOGS.watch(registry, registry.process());
            Path source = pki.hostDir(work.resolve("src").resolve(registry.hostDirName()), named("client", pki.good));
            String image = registry.hostDirName() + "/certsd/tiny:1";
            ExternalTools.Result push = skopeo.copy(TinyImage.layout(work.resolve("layout"), "1"), "1", source, image);
            assertEquals(0, push.exitCode(), push.stderr());

            ExportSource s = ExportSource.of(new Side("src", source, MachineOptions.ofThisMachine())
                    .scanHostDir(Client.CONTAINERD));
            List<Path> written = KubernetesExport.write(List.of(s), work.resolve("k8s"), "kube-system", false);
            Path manifest = written.get(0);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(manifest)));

            // back through the typed model: the same objects
            List<Map<?, ?>> docs = new ArrayList<>();
            try (var it = Yaml.mapper().readerFor(Map.class).readValues(Files.readString(manifest))) {
                it.forEachRemaining(d -> docs.add((Map<?, ?>) d));
            }
            assertEquals(2, docs.size());
            Secret secret = Yaml.mapper().convertValue(docs.get(0), Secret.class);
            DaemonSet ds = Yaml.mapper().convertValue(docs.get(1), DaemonSet.class);
            KubernetesExport.Manifests built = KubernetesExport.build(s, "kube-system", false);
            assertEquals(built.secret(), secret);
            assertEquals(built.daemonSet(), ds);

            Path hostsDir = installOnNode(secret, ds);
            Path installed = hostsDir.resolve(registry.hostDirName());
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(installed.resolve("client.key"))));
            assertEquals("rw-r--r--", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(installed.resolve("ca.crt"))));

            try (PeerProcess daemon = startContainerd(containerd, ctr)) {
                ExternalTools.Result pulled = pull(ctr, hostsDir, image);
                assertEquals(0, pulled.exitCode(), pulled.stdout() + pulled.stderr() + daemon.log());
                // and the same pull without the client key fails: the pull above needed the installed pair
                Path without = work.resolve("without/etc/containerd/certs.d");
                Files.createDirectories(without.resolve(registry.hostDirName()));
                Files.copy(installed.resolve("ca.crt"), without.resolve(registry.hostDirName()).resolve("ca.crt"));
                assertNotEquals(0, pull(ctr, without, image).exitCode());
            }
        }
    }

    /** The node: the Secret's files where its volume puts them, the init container's script over them. */
    private Path installOnNode(Secret secret, DaemonSet ds) throws Exception {
        Path secretDir = Files.createDirectories(work.resolve("pod/certsd"));
        for (var e : secret.getData().entrySet()) {
            Files.write(secretDir.resolve(e.getKey()), Base64.getDecoder().decode(e.getValue()));
        }
        Path hostsDir = work.resolve("node/etc/containerd/certs.d");
        Container install = ds.getSpec().getTemplate().getSpec().getInitContainers().get(0);
        Map<String, String> mounts = Map.of(KubernetesExport.SOURCE, secretDir.toString(),
                KubernetesExport.CONTAINERD_MOUNT, hostsDir.toString());
        ProcessBuilder pb = new ProcessBuilder(install.getCommand()).redirectErrorStream(true)
                .redirectOutput(work.resolve("install.log").toFile());
        for (EnvVar v : install.getEnv()) {
            pb.environment().put(v.getName(), mounts.getOrDefault(v.getValue(), v.getValue()));
        }
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(work.resolve("install.log")));
        return hostsDir;
    }

    private PeerProcess startContainerd(Path containerd, Path ctr) throws Exception {
        Path dir = Files.createDirectories(work.resolve("containerd"));
        Path sock = dir.resolve("containerd.sock");
        Path config = Files.writeString(dir.resolve("config.toml"), String.join("\n",
                "version = 2",
                "root = \"" + dir.resolve("root") + "\"",
                "state = \"" + dir.resolve("state") + "\"",
                "disabled_plugins = [\"io.containerd.grpc.v1.cri\"]",
                "[grpc]",
                "  address = \"" + sock + "\"",
                "[ttrpc]",
                "  address = \"" + dir.resolve("ttrpc.sock") + "\"",
                "[debug]",
                "  address = \"" + dir.resolve("debug.sock") + "\"",
                "[metrics]",
                "  address = \"\"", ""));
        PeerProcess daemon = PeerProcess.start("containerd", List.of(containerd.toString(), "--config", config.toString()),
                dir.resolve("containerd.log"), List.of(), List.of());
        // ready once it answers on its socket: the socket file can be there a moment before it accepts
        ExternalTools.Result answer = null;
        for (int i = 0; i < 200; i++) {
            if (Files.exists(sock)) {
                answer = ExternalTools.run(List.of(ctr.toString(), "--address", sock.toString(), "version"), dir, 10);
                if (answer.exitCode() == 0) {
                    return daemon;
                }
            }
            Thread.sleep(100);
        }
        String log = daemon.log();
        daemon.close();
        throw new AssertionError("containerd did not answer on " + sock + ": " + answer + "\n" + log);
    }

    private ExternalTools.Result pull(Path ctr, Path hostsDir, String image) throws Exception {
        Path sock = work.resolve("containerd/containerd.sock");
        for (int i = 0; i < 300 && !Files.exists(sock); i++) {
            Thread.sleep(50);
        }
        return ExternalTools.run(List.of(ctr.toString(), "--address", sock.toString(), "images", "pull",
                "--snapshotter", "native", "--hosts-dir", hostsDir.toString(), image), work, 60);
    }
}
