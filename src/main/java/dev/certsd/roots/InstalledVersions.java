package dev.certsd.roots;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client versions installed on this machine ({@code dockerd --version}, {@code containerd --version}), each
 * asked once per process and remembered: a scan never waits on a program after the first question, and callers on a
 * UI thread ask from a background thread first.
 */
public final class InstalledVersions {
    private static final Pattern VERSION = Pattern.compile("(?<![\\d.])(\\d+\\.\\d+\\.\\d+)");
    private static final Map<Client, CompletableFuture<Optional<String>>> CACHE = new ConcurrentHashMap<>();

    private InstalledVersions() {
    }

    /** The version the user picked, else the installed one, else the newest the engine models. */
    public static ClientVersion resolve(Client client, String pickedVersion) {
        if (pickedVersion != null && client != Client.CONTAINERS) {
            return ClientVersion.picked(client, pickedVersion);
        }
        return installed(client).orElseGet(() -> ClientVersion.newest(client));
    }

    /** The installed release of the client's daemon, if its program is on the PATH and says its version. */
    public static Optional<ClientVersion> installed(Client client) {
        String program = program(client);
        if (program == null) {
            return Optional.empty();
        }
        return CACHE.computeIfAbsent(client, c -> CompletableFuture.completedFuture(ask(program))).join()
                .map(v -> new ClientVersion(client, v, ClientVersion.Source.INSTALLED));
    }

    /**
     * Starts asking for the client's installed release on a daemon thread, so that the answer (a Go daemon's
     * {@code --version} takes 0.1-0.2 s to start) is ready by the time the scan needs it, instead of being waited for.
     * A later {@link #installed} joins this question rather than asking again.
     */
    public static void prefetch(Client client) {
        String program = program(client);
        if (program == null) {
            return;
        }
        CACHE.computeIfAbsent(client, c -> {
            CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                Optional<String> version = Optional.empty();
                try {
                    version = ask(program);
                } finally { // whatever went wrong, nobody waits for this answer forever
                    answer.complete(version);
                }
            }, "certsd-version-" + program);
            t.setDaemon(true);
            t.start();
            return answer;
        });
    }

    private static String program(Client client) {
        return switch (client) {
            case DOCKER -> "dockerd";
            case CONTAINERD -> "containerd";
            case CONTAINERS -> null;
        };
    }

    /** The first x.y.z in a program's {@code --version} output ({@code Docker version 20.10.24+dfsg1, build ...}). */
    public static Optional<String> versionIn(String output) {
        Matcher m = VERSION.matcher(output == null ? "" : output);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static Optional<String> ask(String program) {
        Optional<Path> path = onPath(program);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> recorded = recorded(program, path.get());
        return recorded.isPresent() ? recorded : run(path.get());
    }

    /**
     * The version a Go daemon's {@code --version} would print, read from its build information without starting it
     * ({@link GoBuildInfo}): Docker's builds set {@code dockerversion.Version} with {@code -ldflags -X}. Empty when
     * the binary does not record it (containerd's Debian build, Go before 1.18, a script): then the program is asked.
     */
    static Optional<String> recorded(String program, Path path) {
        if (!program.equals("dockerd")) {
            return Optional.empty();
        }
        return GoBuildInfo.linkerValue(path, "/dockerversion.Version").flatMap(InstalledVersions::versionIn);
    }

    private static Optional<String> run(Path path) {
        try {
            Process p = new ProcessBuilder(List.of(path.toString(), "--version")).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readNBytes(4096);
            }
            if (!p.waitFor(3, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return versionIn(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin:/usr/sbin:/sbin");
        for (String dir : (path + ":/usr/sbin:/usr/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, program);
            if (!dir.isEmpty() && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
