package dev.certsd.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Programs from Debian packages that some tests need. On a developer's laptop a missing program skips the test
 * with a clear message; in CI ({@code CI=true}) it fails, so those tests always run there.
 */
public final class ExternalTools {
    private ExternalTools() {
    }

    /** The program's path; skips (or fails in CI) when it is not installed. */
    public static Path require(String program, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        String message = program + " is not installed (Debian package " + debianPackage
                + "); .ci/run installs it. Skipping.";
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " In CI this test must run.");
        }
        Assumptions.abort(message);
        return null;
    }

    /** The result of a finished program. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    public static Result run(List<String> command, Path workDir) throws IOException, InterruptedException {
        return run(command, workDir, 60);
    }

    /** Runs a program to its end, failing the test when it takes longer than {@code seconds}. */
    public static Result run(List<String> command, Path workDir, int seconds) throws IOException, InterruptedException {
        Path outFile = Files.createTempFile("certsd-out", ".txt");
        Path errFile = Files.createTempFile("certsd-err", ".txt");
        try {
            Process p = new ProcessBuilder(command).directory(workDir == null ? null : workDir.toFile())
                    .redirectOutput(outFile.toFile()).redirectError(errFile.toFile()).start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                fail("timed out: " + command);
            }
            return new Result(p.exitValue(), Files.readString(outFile, StandardCharsets.UTF_8),
                    Files.readString(errFile, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(outFile);
            Files.deleteIfExists(errFile);
        }
    }
}
