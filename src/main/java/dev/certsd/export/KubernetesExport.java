package dev.certsd.export;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Kubernetes manifests for a host directory, built with the fabric8 model: a Secret holding its files (and
 * containerd's hosts.toml) and a DaemonSet whose init container installs them on every node into
 * {@code /etc/containerd/certs.d/<host>/} (and {@code /etc/docker/certs.d/<host>/} on request) with their modes,
 * each file written beside and renamed into place, so a pull on the node never reads half a file.
 */
public final class KubernetesExport {
    /** The images the DaemonSet runs: a shell with {@code install}, and a container that only waits. */
    public static final String INSTALL_IMAGE = "busybox:1.36";
    public static final String WAIT_IMAGE = "registry.k8s.io/pause:3.9";
    /** Where the DaemonSet's pod sees the Secret and the nodes' roots. */
    public static final String SOURCE = "/certsd";
    public static final String CONTAINERD_MOUNT = "/host/etc/containerd/certs.d";
    public static final String DOCKER_MOUNT = "/host/etc/docker/certs.d";

    private KubernetesExport() {
    }

    /** The manifests of one host directory, in the order to apply them. */
    public record Manifests(Secret secret, DaemonSet daemonSet) {
        public List<HasMetadata> all() {
            return List.of(secret, daemonSet);
        }
    }

    /** The object name for a host directory: {@code certsd-} and the name in DNS-label form. */
    public static String name(String hostDir) {
        String n = "certsd-" + hostDir.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        n = n.length() > 63 ? n.substring(0, 63) : n;
        return n.replaceAll("-+$", "");
    }

    public static Manifests build(ExportSource s, String namespace, boolean docker) {
        String name = name(s.hostDir());
        Map<String, String> labels = Map.of("app.kubernetes.io/name", name,
                "app.kubernetes.io/managed-by", "certsd-studio");
        Map<String, String> data = new LinkedHashMap<>();
        for (ExportFile f : s.files()) {
            data.put(f.name(), Base64.getEncoder().encodeToString(f.content()));
        }
        ExportFile toml = HostsTomlExport.of(s);
        data.putIfAbsent(toml.name(), Base64.getEncoder().encodeToString(toml.content()));
        Secret secret = new SecretBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels).endMetadata()
                .withType("Opaque").withData(data).build();

        List<EnvVar> env = new ArrayList<>();
        env.add(new EnvVar("SRC", SOURCE, null));
        env.add(new EnvVar("CONTAINERD_ROOT", CONTAINERD_MOUNT, null));
        if (docker) {
            env.add(new EnvVar("DOCKER_ROOT", DOCKER_MOUNT, null));
        }
        var pod = new DaemonSetBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels).endMetadata()
                .withNewSpec()
                .withNewSelector().withMatchLabels(Map.of("app.kubernetes.io/name", name)).endSelector()
                .withNewTemplate()
                .withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec()
                .addNewToleration().withOperator("Exists").endToleration()
                .addToInitContainers(new ContainerBuilder().withName("install").withImage(INSTALL_IMAGE)
                        .withCommand("sh", "-c", script(s, docker)).withEnv(env)
                        .withNewSecurityContext().withRunAsUser(0L).endSecurityContext()
                        .addNewVolumeMount().withName("certs").withMountPath(SOURCE).withReadOnly(true).endVolumeMount()
                        .addNewVolumeMount().withName("containerd-certs").withMountPath(CONTAINERD_MOUNT).endVolumeMount()
                        .build())
                .addNewContainer().withName("wait").withImage(WAIT_IMAGE).endContainer()
                .addNewVolume().withName("certs").withNewSecret().withSecretName(name).withDefaultMode(0400)
                .endSecret().endVolume()
                .addNewVolume().withName("containerd-certs").withNewHostPath().withPath("/etc/containerd/certs.d")
                .withType("DirectoryOrCreate").endHostPath().endVolume();
        if (docker) {
            pod = pod.editInitContainer(0).addNewVolumeMount().withName("docker-certs").withMountPath(DOCKER_MOUNT)
                    .endVolumeMount().endInitContainer()
                    .addNewVolume().withName("docker-certs").withNewHostPath().withPath("/etc/docker/certs.d")
                    .withType("DirectoryOrCreate").endHostPath().endVolume();
        }
        DaemonSet ds = pod.endSpec().endTemplate().endSpec().build();
        return new Manifests(secret, ds);
    }

    /**
     * The init container's script: one line per file, so a reader sees exactly what lands where. The roots come
     * from the environment ({@code SRC}, {@code CONTAINERD_ROOT}, {@code DOCKER_ROOT}).
     */
    static String script(ExportSource s, boolean docker) {
        StringBuilder b = new StringBuilder();
        b.append("set -eu\n");
        b.append("put() { install -m \"$1\" \"$SRC/$2\" \"$3/.$2.certsd-new\" && mv -f \"$3/.$2.certsd-new\" \"$3/$2\"; }\n");
        b.append("d=\"$CONTAINERD_ROOT/").append(s.hostDir()).append("\"\n");
        b.append("mkdir -p \"$d\" && chmod 0755 \"$d\"\n");
        for (ExportFile f : s.files()) {
            b.append("put ").append(f.octalMode()).append(' ').append(f.name()).append(" \"$d\"\n");
        }
        if (s.files().stream().noneMatch(f -> f.name().equals("hosts.toml"))) {
            b.append("put 0644 hosts.toml \"$d\"\n");
        }
        if (docker) {
            b.append("d=\"$DOCKER_ROOT/").append(s.hostDir()).append("\"\n");
            b.append("mkdir -p \"$d\" && chmod 0755 \"$d\"\n");
            for (ExportFile f : s.files()) {
                if (!f.name().equals("hosts.toml")) {
                    b.append("put ").append(f.octalMode()).append(' ').append(f.name()).append(" \"$d\"\n");
                }
            }
        }
        b.append("echo \"installed ").append(s.hostDir()).append("\"\n");
        return b.toString();
    }

    /** Writes one manifest file per host directory ({@code NAME.yaml}: the Secret, then the DaemonSet). */
    public static List<Path> write(List<ExportSource> sources, Path out, String namespace, boolean docker)
            throws IOException {
        ExportWriter w = new ExportWriter(out);
        for (ExportSource s : sources) {
            Manifests m = build(s, namespace, docker);
            String yaml = Yaml.write(m.secret()) + Yaml.write(m.daemonSet());
            // the Secret holds the private key: the file is the user's alone
            w.write(name(s.hostDir()) + ".yaml", yaml.getBytes(StandardCharsets.UTF_8), dev.certsd.files.FileModes.KEY);
        }
        return w.written();
    }
}
