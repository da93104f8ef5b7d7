package dev.certsd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, run as the README runs it ({@code java -jar}), runs a command in a second JVM with the options
 * and the class archive the build made (Relaunch); stopping the first stops the second; exit codes and output are
 * the command's; a JVM started with options of its own runs the command itself. What the processes show decides
 * (their command lines, their exit), not what our code believes.
 */
class RelaunchIT {
    private static final Path PROJECT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private static final Path JAR = PROJECT.resolve("target/certsd-studio.jar");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path root;

    @Test
    void aPlainRunRunsTheCommandInASecondJvmThatStopsWithTheFirst() throws Exception {
        Path archive = PROJECT.resolve("target/lib/" + Relaunch.ARCHIVE_PREFIX + System.getProperty("java.vm.version")
                + ".jsa");
        assertTrue(Files.isRegularFile(archive), "mvn package trained the class archive: " + archive);
        try (Stall server = new Stall()) {
            Process first = start(List.of(), server.port());
            try {
                ProcessHandle second = secondJvm(first, 20_000).orElseThrow(() -> new AssertionError(
                        "no second JVM under " + first.info().commandLine().orElse("?")));
                List<String> args = List.of(second.info().arguments().orElseThrow());
                assertTrue(args.containsAll(Relaunch.OPTIONS), args.toString());
                assertTrue(args.contains("-XX:SharedArchiveFile=" + archive), args.toString());
                assertTrue(args.containsAll(List.of("-jar", JAR.toString(), "test")), args.toString());
                first.destroy(); // SIGTERM, as kill or a closed terminal sends it
                assertTrue(endsWithin(second, 10), "the second JVM ended with the first");
            } finally {
                stopAll(first);
            }
        }
    }

    @Test
    void theSecondJvmEndsWhenTheFirstIsKilled() throws Exception {
        try (Stall server = new Stall()) {
            Process first = start(List.of(), server.port());
            try {
                ProcessHandle second = secondJvm(first, 20_000).orElseThrow(() -> new AssertionError("no second JVM"));
                first.destroyForcibly(); // SIGKILL: no shutdown hook runs in the first
                assertTrue(endsWithin(second, 15), "the second JVM ended without the first");
            } finally {
                stopAll(first);
            }
        }
    }

    @Test
    void aJvmWithOptionsOfItsOwnRunsTheCommandItself() throws Exception {
        try (Stall server = new Stall()) {
            Process first = start(List.of("-Xmx256m"), server.port());
            try {
                assertTrue(secondJvm(first, 4_000).isEmpty(), "no second JVM for a JVM the user gave options");
            } finally {
                stopAll(first);
            }
        }
    }

    @Test
    void exitCodesAndOutputAreTheCommands() throws Exception {
        Path host = Files.createDirectories(root.resolve("certs.d/reg.example.com"));
        Files.writeString(host.resolve("client.cert"), "not a certificate");
        Path accented = Files.createDirectories(root.resolve("c\u00e9/certs.d/reg.example.com"));
        Files.writeString(accented.resolve("client.cert"), "not a certificate");
        String certsD = root.resolve("certs.d").toString();
        String accentedRoot = root.resolve("c\u00e9/certs.d").toString();
        for (List<String> args : List.of(List.of("check", "--root", certsD), List.of("check", "--root", certsD, "--json"),
                List.of("check", "--nope"), List.of("--version"), List.of("check", "--root", accentedRoot))) {
            // a UTF-8 locale passes every argument on; the C locale only what it can write back unchanged (a name
            // with an accent would reach the second JVM as "c??" and name another directory)
            for (String locale : List.of("C.UTF-8", "C")) {
                Run relaunched = jar(locale, List.of(), args);
                Run itself = jar(locale, List.of("-Dcertsd.relaunch=off"), args);
                String what = locale + " " + args;
                assertEquals(itself.code(), relaunched.code(), what);
                assertEquals(itself.out().replaceAll("\"scannedAt\" : \"[^\"]*\"", ""),
                        relaunched.out().replaceAll("\"scannedAt\" : \"[^\"]*\"", ""), what);
                assertEquals(itself.err(), relaunched.err(), what);
            }
        }
        assertEquals(1, jar("C.UTF-8", List.of(), List.of("check", "--root", accentedRoot)).code());
        assertEquals(2, jar("C.UTF-8", List.of(), List.of("check", "--nope")).code());
    }

    private record Run(int code, String out, String err) {
    }

    private Run jar(String locale, List<String> jvmOptions, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(JAVA));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", JAR.toString()));
        cmd.addAll(args);
        Path out = Files.createTempFile(root, "out", ".txt");
        Path err = Files.createTempFile(root, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(PROJECT.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("LC_ALL", locale);
        Process p = pb.start();
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "ended: " + cmd);
        return new Run(p.exitValue(), Files.readString(out, java.nio.charset.StandardCharsets.ISO_8859_1),
                Files.readString(err, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /** {@code test} of a directory against a server that accepts and never answers: a command that runs for 30 s. */
    private Process start(List<String> jvmOptions, int port) throws IOException {
        Files.createDirectories(root.resolve("certs.d/127.0.0.1:" + port));
        List<String> cmd = new ArrayList<>(List.of(JAVA));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", JAR.toString(), "test", "--root", root.resolve("certs.d").toString(), "--timeout",
                "30", "--client", "docker@20.10.24", "127.0.0.1:" + port));
        return new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static boolean endsWithin(ProcessHandle p, int seconds) throws Exception {
        return p.onExit().toCompletableFuture().completeOnTimeout(null, seconds, java.util.concurrent.TimeUnit.SECONDS)
                .get() != null && !p.isAlive();
    }

    private static void stopAll(Process first) {
        first.descendants().forEach(ProcessHandle::destroyForcibly);
        first.destroyForcibly();
    }

    /** A java process under {@code first} started with the relaunch mark, looked for up to {@code millis}. */
    private static Optional<ProcessHandle> secondJvm(Process first, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end && first.isAlive()) {
            Optional<ProcessHandle> second = first.descendants().filter(p -> p.info().arguments()
                    .map(a -> List.of(a).contains("-D" + Relaunch.MARK + "=" + first.pid())).orElse(false)).findFirst();
            if (second.isPresent()) {
                return second;
            }
            Thread.sleep(50);
        }
        return Optional.empty();
    }

    /** Accepts connections on loopback and never answers them. */
    private static final class Stall implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    held.add(server.accept());
                }
            } catch (IOException e) {
                // closed
            }
        }, "stall");

        Stall() throws IOException {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
