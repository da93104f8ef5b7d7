package dev.certsd.ui.wizard;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Runs a prepared change's helper as administrator: {@code pkexec} and the desktop's privilege prompt, where
 * pkexec is installed. Injectable, because no test can answer a polkit prompt.
 */
public interface Elevation {
    /** What the helper printed, and how it ended (pkexec: 126 dismissed, 127 not authorised). */
    record Result(int exitCode, String output) {
    }

    /** Whether the "Run with administrator rights" button can be offered at all. */
    boolean available();

    /** Runs {@code pkexecCommand} to its end; called off the UI thread. */
    Result run(List<String> pkexecCommand) throws IOException, InterruptedException;

    /** pkexec on this machine, found on the PATH. */
    static Elevation pkexec() {
        return new Elevation() {
            @Override
            public boolean available() {
                return onPath("pkexec").isPresent();
            }

            @Override
            public Result run(List<String> command) throws IOException, InterruptedException {
                Path out = Files.createTempFile("certsd-pkexec", ".txt");
                try {
                    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
                            .start();
                    int code = p.waitFor();
                    return new Result(code, Files.readString(out, StandardCharsets.UTF_8).strip());
                } finally {
                    Files.deleteIfExists(out);
                }
            }
        };
    }

    static Optional<Path> onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
