package dev.certsd.probe.peers;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code test} command in a JVM of its own, on this test run's class path. With {@code withoutTls13} that JVM
 * has TLS 1.3 disabled ({@code jdk.tls.disabledAlgorithms}), which is how a test gets TLS 1.2 from a peer that
 * offers no way to force it, such as the Go registry.
 */
public final class CliProcess {
    private CliProcess() {
    }

    /** The exit code and the JSON facts of {@code test --json --client containers --root ROOT DIR}. */
    public record Result(int exitCode, ProbeFacts facts, String stderr) {
    }

    public static Result test(Path root, String hostDir, boolean withoutTls13) throws IOException {
        Path work = Files.createTempDirectory("certsd-cli");
        try {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("--add-opens=java.base/sun.nio.fs=ALL-UNNAMED");
            if (withoutTls13) {
                Path props = work.resolve("no-tls13.security");
                Files.writeString(props, "jdk.tls.disabledAlgorithms="
                        + Security.getProperty("jdk.tls.disabledAlgorithms") + ", TLSv1.3\n");
                command.add("-Djava.security.properties=" + props);
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.certsd.app.Launcher",
                    "test", "--root", root.toString(), "--client", "containers", "--json", hostDir));
            Path out = work.resolve("out.json");
            Path err = work.resolve("err.txt");
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("the test command did not finish within 60 s: " + command);
            }
            String json = Files.readString(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            if (json.isBlank()) {
                throw new IOException("the test command printed no JSON (exit " + p.exitValue() + "): " + stderr);
            }
            return new Result(p.exitValue(), ProbeFacts.ofJson(JSON.std.mapFrom(json), json), stderr);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            try (var files = Files.list(work)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(work);
        }
    }
}
