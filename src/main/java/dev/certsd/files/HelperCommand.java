package dev.certsd.files;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of our privileged helper ({@code apply-prepared DIR}) in this very installation: pkexec runs
 * it with an empty environment, so every path is absolute.
 */
public final class HelperCommand {
    /** The jar's entry point; the engine names it without depending on the command line. */
    static final String MAIN_CLASS = "dev.certsd.app.Launcher";

    private HelperCommand() {
    }

    public static List<String> forPreparedDirectory(Path prepared) {
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.add("-cp");
        List<String> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                entries.add(Path.of(e).toAbsolutePath().normalize().toString());
            }
        }
        argv.add(String.join(File.pathSeparator, entries));
        argv.add(MAIN_CLASS);
        argv.add("apply-prepared");
        argv.add(prepared.toAbsolutePath().toString());
        return argv;
    }
}
