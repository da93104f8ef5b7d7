package dev.certsd.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs a main class of ours in a child JVM as the unprivileged user nobody ({@code setpriv}), for the cases that
 * only happen when the user may not write. The class path is copied to a world-readable directory first: the
 * build's own lives under /root, which nobody cannot read.
 */
public final class AsNobody {
    public static final int UID = 65534;

    private final Path shared;
    private final String classPath;

    private AsNobody(Path shared, String classPath) {
        this.shared = shared;
        this.classPath = classPath;
    }

    /** Copies the class path into {@code shared} (made world-readable); skips unless root with setpriv. */
    public static AsNobody prepare(Path shared) {
        RootOnly.require("acting as the user nobody");
        ExternalTools.require("setpriv", "util-linux");
        try {
            Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path cp = Files.createDirectory(shared.resolve("classpath"));
            List<String> entries = new ArrayList<>();
            int n = 0;
            for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path src = Path.of(e);
                if (!Files.exists(src)) {
                    continue;
                }
                Path dst = cp.resolve(n++ + (Files.isDirectory(src) ? "" : ".jar"));
                copy(src, dst);
                entries.add(dst.toString());
            }
            try (Stream<Path> walk = Files.walk(cp)) {
                for (Path p : walk.toList()) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                            Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
            return new AsNobody(shared, String.join(File.pathSeparator, entries));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A directory nobody owns, for its journal and such. */
    public Path ownedDirectory(String name) throws IOException {
        Path d = Files.createDirectory(shared.resolve(name));
        Files.setAttribute(d, "unix:uid", UID);
        Files.setAttribute(d, "unix:gid", UID);
        return d;
    }

    public ExternalTools.Result run(Class<?> main, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=" + UID, "--regid=" + UID, "--clear-groups",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Duser.language=en",
                "-cp", classPath, main.getName()));
        cmd.addAll(List.of(args));
        return ExternalTools.run(cmd, shared);
    }

    /** Starts a main class of ours as nobody in the background; its output goes to {@code log}. */
    public Process start(Path log, Class<?> main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=" + UID, "--regid=" + UID, "--clear-groups",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Duser.language=en",
                "-XX:TieredStopAtLevel=1", "-cp", classPath, main.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(shared.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    private static void copy(Path src, Path dst) throws IOException {
        if (!Files.isDirectory(src)) {
            Files.copy(src, dst, StandardCopyOption.COPY_ATTRIBUTES);
            return;
        }
        try (Stream<Path> walk = Files.walk(src)) {
            for (Path p : walk.toList()) {
                Path target = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
