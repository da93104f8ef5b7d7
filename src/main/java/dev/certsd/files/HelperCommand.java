package dev.certsd.files;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line of our privileged helper ({@code apply-prepared DIR}) in this very installation, as pkexec runs
 * it (with an empty environment, so every path is absolute). Where the package installed the polkit policy and its
 * root-owned wrapper, that wrapper is the command (the prompt then names the change, and nothing but
 * {@code apply-prepared DIR} can be run with it); otherwise this JVM with the options the root-safe layer needs.
 */
public final class HelperCommand {
    /** The jar's entry point; the engine names it without depending on the command line. */
    static final String MAIN_CLASS = "dev.certsd.app.Launcher";
    /** The wrapper the .deb installs; the policy's {@code org.freedesktop.policykit.exec.path}. */
    public static final Path WRAPPER = Path.of("/usr/lib/certsd-studio/certsd-apply-prepared");
    /** The polkit policy the .deb installs. */
    public static final Path POLICY = Path.of("/usr/share/polkit-1/actions/dev.certsd.studio.policy");
    /** {@link FdPaths} reads the open directory's descriptor: without it root's changes are slower, not unsafe. */
    public static final String ADD_OPENS = "--add-opens=java.base/sun.nio.fs=ALL-UNNAMED";

    private HelperCommand() {
    }

    public static List<String> forPreparedDirectory(Path prepared) {
        return forPreparedDirectory(prepared, installedWrapper(WRAPPER, POLICY));
    }

    /** The wrapper's command when one is given, else this JVM's. */
    static List<String> forPreparedDirectory(Path prepared, Optional<Path> wrapper) {
        String dir = prepared.toAbsolutePath().normalize().toString();
        if (wrapper.isPresent()) {
            return List.of(wrapper.get().toString(), dir);
        }
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.add(ADD_OPENS);
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
        argv.add(dir);
        return argv;
    }

    /** The wrapper, when it and the policy are installed and the wrapper is root's, executable, closed to writers. */
    static Optional<Path> installedWrapper(Path wrapper, Path policy) {
        try {
            if (!Files.isRegularFile(policy) || !Files.isRegularFile(wrapper, LinkOption.NOFOLLOW_LINKS)
                    || !Files.isExecutable(wrapper)) {
                return Optional.empty();
            }
            long uid = ((Number) Files.getAttribute(wrapper, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
            int mode = ((Number) Files.getAttribute(wrapper, "unix:mode", LinkOption.NOFOLLOW_LINKS)).intValue();
            return uid == 0 && (mode & 0022) == 0 ? Optional.of(wrapper) : Optional.empty();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
