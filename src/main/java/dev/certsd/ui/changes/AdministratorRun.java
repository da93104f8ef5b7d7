package dev.certsd.ui.changes;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs our helper under the desktop's privilege prompt ({@code pkexec}), where one is installed. */
final class AdministratorRun {
    /** The prompt waits for the user: give them time to read it. */
    private static final long LIMIT_MINUTES = 10;

    /** How the helper ended: its exit code and the last of what it said. */
    record Ended(int exitCode, String output) {
    }

    private AdministratorRun() {
    }

    /** Whether {@code pkexec} is on this PATH. */
    static boolean pkexecInstalled(String pathVariable) {
        if (pathVariable == null) {
            return false;
        }
        for (String dir : pathVariable.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "pkexec"))) {
                return true;
            }
        }
        return false;
    }

    static boolean pkexecInstalled() {
        return pkexecInstalled(System.getenv("PATH"));
    }

    /** Runs the command and waits for it; called off the UI thread. */
    static Ended run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return new Ended(-1, "");
        }
        String said = new String(out, StandardCharsets.UTF_8).strip();
        return new Ended(p.exitValue(), said.length() > 2000 ? said.substring(said.length() - 2000) : said);
    }
}
