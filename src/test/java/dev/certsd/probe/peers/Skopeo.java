package dev.certsd.probe.peers;

import dev.certsd.testing.ExternalTools;
import dev.certsd.testing.TestPki;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real Go client: Debian's skopeo, run with {@code --cert-dir} (which uses that directory itself as the host
 * directory), with no proxy variables, and with a policy that accepts any image so {@code copy} needs no system
 * configuration.
 */
public final class Skopeo {
    private final Path program;
    private final Path policy;

    private Skopeo(Path program, Path policy) {
        this.program = program;
        this.policy = policy;
    }

    /** Skips, or fails in CI, when skopeo is not installed. */
    public static Skopeo find(Path work) {
        Path program = ExternalTools.require("skopeo", "skopeo");
        Path policy = TestPki.write(work, "policy.json", "{\"default\":[{\"type\":\"insecureAcceptAnything\"}]}\n");
        return new Skopeo(program, policy);
    }

    /** {@code skopeo copy --dest-cert-dir CERTDIR oci:LAYOUT:TAG docker://REF}. */
    public ExternalTools.Result copy(Path layout, String tag, Path certDir, String reference) throws IOException {
        return run(List.of("--policy", policy.toString(), "copy", "--quiet", "--dest-cert-dir", certDir.toString(),
                "oci:" + layout + ":" + tag, "docker://" + reference));
    }

    /** {@code skopeo copy --dest-tls-verify=false oci:LAYOUT:TAG docker://REF}: to a plain-HTTP registry. */
    public ExternalTools.Result copyPlain(Path layout, String tag, String reference) throws IOException {
        return run(List.of("--policy", policy.toString(), "copy", "--quiet", "--dest-tls-verify=false",
                "oci:" + layout + ":" + tag, "docker://" + reference));
    }

    /** {@code skopeo inspect --raw --cert-dir CERTDIR docker://REF}: exit code 0 when the pull would work. */
    public ExternalTools.Result inspect(Path certDir, String reference) throws IOException {
        return run(List.of("inspect", "--raw", "--cert-dir", certDir.toString(), "docker://" + reference));
    }

    private ExternalTools.Result run(List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(program.toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        for (String v : List.of("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy")) {
            env.remove(v);
        }
        Path out = Files.createTempFile("skopeo-out", ".txt");
        Path err = Files.createTempFile("skopeo-err", ".txt");
        Process p = pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("skopeo did not finish within 60 s: " + command);
            }
            return new ExternalTools.Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + command, e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
