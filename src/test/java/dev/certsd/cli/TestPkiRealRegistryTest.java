package dev.certsd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.testing.ExternalTools;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole way, with real programs: test-pki writes the PKI and config.yml; Debian's distribution registry serves
 * with exactly that config.yml on loopback; skopeo (a Go client, like Docker and podman) pushes and lists an image
 * with the host directory test-pki wrote as its --cert-dir, and is turned away at TLS with a self-signed client
 * pair that gen-client wrote into another directory.
 */
class TestPkiRealRegistryTest {
    private static final Pattern TLS_REJECTION = Pattern.compile(
            "(?i)tls: (bad certificate|certificate required|unknown certificate authority)|connection reset|broken pipe");

    @TempDir
    Path tmp;

    private String output;

    private int cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--root", tmp.resolve("certs.d").toString(), "--journal", tmp.resolve("journal").toString(),
                "--daemon-json", tmp.resolve("none.json").toString(), "--hosts-file", tmp.resolve("none").toString()));
        int code = CertsdCommand.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        output = out + "" + err;
        return code;
    }

    @Test
    void theRealRegistryAcceptsTheDirectoryTestPkiWroteAndRejectsASelfSignedClient() throws Exception {
        Path registry = ExternalTools.require("docker-registry", "docker-registry");
        Path skopeo = ExternalTools.require("skopeo", "skopeo");
        int port = freePort();
        String hostPort = "127.0.0.1:" + port;
        Path server = tmp.resolve("server");
        assertEquals(0, cli("test-pki", "--registry", hostPort, "--server-out", server.toString(), "--storage",
                tmp.resolve("storage").toString(), "--key", "ec256", "--name", "ci"), output);
        Path good = tmp.resolve("certs.d").resolve(hostPort);

        assertEquals(0, cli("gen-client", "self-signed-" + port, "--name", "ci", "--self-signed", "--key", "ec256"),
                output);
        Path bad = tmp.resolve("certs.d").resolve("self-signed-" + port);
        assertEquals(0, cli("import-ca", "self-signed-" + port, server.resolve("registry-ca.crt").toString()), output);

        Path log = tmp.resolve("registry.log");
        Process p = new ProcessBuilder(registry.toString(), "serve", server.resolve("config.yml").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            waitForPort(p, port, log);
            Path layout = tinyImage(tmp.resolve("image"));
            Path policy = Files.writeString(tmp.resolve("policy.json"),
                    "{\"default\":[{\"type\":\"insecureAcceptAnything\"}]}");
            ExternalTools.Result push = skopeo(skopeo, "--policy", policy.toString(), "copy", "--quiet",
                    "--dest-cert-dir", good.toString(), "oci:" + layout + ":1", "docker://" + hostPort + "/pki/tiny:1");
            assertEquals(0, push.exitCode(), () -> push.stderr() + readLog(log));
            ExternalTools.Result tags = skopeo(skopeo, "list-tags", "--cert-dir", good.toString(),
                    "docker://" + hostPort + "/pki/tiny");
            assertEquals(0, tags.exitCode(), () -> tags.stderr() + readLog(log));
            assertTrue(tags.stdout().contains("\"1\""), tags.stdout());

            ExternalTools.Result rejected = skopeo(skopeo, "list-tags", "--cert-dir", bad.toString(),
                    "docker://" + hostPort + "/pki/tiny");
            assertNotEquals(0, rejected.exitCode(), rejected.stdout());
            assertTrue(TLS_REJECTION.matcher(rejected.stderr()).find(), rejected.stderr());
            assertTrue(!rejected.stderr().contains("unknown authority"), "the server itself is trusted: "
                    + rejected.stderr());
        } finally {
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private static ExternalTools.Result skopeo(Path skopeo, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(skopeo.toString()));
        cmd.addAll(List.of(args));
        return ExternalTools.run(cmd, null);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void waitForPort(Process p, int port, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("the registry exited with " + p.exitValue() + ":\n" + readLog(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the registry did not listen on " + port + ":\n" + readLog(log));
    }

    private static String readLog(Path log) {
        try {
            return "\n--- registry log ---\n" + Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The smallest image an OCI layout holds: one empty layer (a tar end marker), its config and a manifest. */
    private static Path tinyImage(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("blobs/sha256"));
        String layer = blob(dir, new byte[1024]);
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                + layer + "\"]}}").getBytes(StandardCharsets.UTF_8);
        String configDigest = blob(dir, config);
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + configDigest
                + "\",\"size\":" + config.length + "},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\","
                + "\"digest\":\"" + layer + "\",\"size\":1024}]}").getBytes(StandardCharsets.UTF_8);
        String manifestDigest = blob(dir, manifest);
        Files.writeString(dir.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
                + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + manifestDigest + "\",\"size\":"
                + manifest.length + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"1\"}}]}");
        Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        return dir;
    }

    private static String blob(Path dir, byte[] content) throws Exception {
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        Files.write(dir.resolve("blobs/sha256").resolve(hex), content);
        return "sha256:" + hex;
    }
}
