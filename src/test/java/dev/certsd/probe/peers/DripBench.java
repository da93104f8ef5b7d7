package dev.certsd.probe.peers;

import dev.certsd.probe.TestTlsServer;
import dev.certsd.testing.Fixtures;
import dev.certsd.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The deadline benchmark (run by {@code bench/drip-bench.sh}): whole {@code java -jar} processes of
 * {@code test --timeout 2}, {@code import-ca --from-server --timeout 2} and {@code import-ca --harbor --timeout 2}
 * against in-process servers that send one byte per second (of an HTTP header, or of the TLS handshake), each
 * timed from process start to exit, next to the same {@code test} against a server that answers at once (the JVM's
 * own start and the scan: what the deadline does not bound), and to the same commands run in this warm JVM through
 * the CLI's entry point. A run that has not ended after {@code CAP} seconds is killed and reported so.
 * Arguments: the jar, then optionally the runs per command (default 5) and the cap in seconds (default 30).
 */
public final class DripBench {
    private DripBench() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "target/certsd-studio.jar").toAbsolutePath();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int cap = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Path work = Files.createTempDirectory("certsd-drip");
        String java = ProcessHandle.current().info().command().orElse("java");
        System.out.printf(Locale.ROOT, "%s; %s, %d cores; load average before: %s%n", jar,
                System.getProperty("java.vm.version"), Runtime.getRuntime().availableProcessors(), loadAverage());
        try (TestTlsServer http = TestTlsServer.start(TestTlsServer.Mode.DRIP_HTTP, server(), Fixtures.CLIENT_CA);
             TestTlsServer handshake = TestTlsServer.start(TestTlsServer.Mode.DRIP_HANDSHAKE, server(),
                     Fixtures.CLIENT_CA);
             TestTlsServer open = TestTlsServer.start(TestTlsServer.Mode.OPEN, server(), Fixtures.CLIENT_CA)) {
            Path root = work.resolve("certs.d");
            String dir = "127.0.0.1:" + http.port();
            Fixtures.healthy(root.resolve(dir));
            List<String> common = List.of("--root", root.toString(), "--daemon-json", work.resolve("none.json")
                    .toString(), "--hosts-file", work.resolve("no-hosts").toString(), "--json", "--timeout", "2");
            Fixtures.healthy(root.resolve("127.0.0.1:" + open.port()));
            // the servers' own first handshakes (JSSE's start in this JVM) are not what is measured
            inProcess(1, "warm-up: test against the server that answers at once", command(java, jar, common, "test",
                    "--client", "containers", "127.0.0.1:" + open.port()));
            time(runs, cap, "reference: test --timeout 2 against a server that answers at once", command(java, jar,
                    common, "test", "--client", "containers", "127.0.0.1:" + open.port()));
            time(runs, cap, "test --timeout 2 (header dripped)", command(java, jar, common, "test",
                    "--client", "containers", dir));
            time(runs, cap, "import-ca --from-server --timeout 2 (handshake dripped)", command(java, jar, common,
                    "import-ca", "--journal", work.resolve("journal").toString(), "127.0.0.1:" + handshake.port(),
                    "--from-server"));
            time(runs, cap, "import-ca --harbor --timeout 2 (header dripped)", command(java, jar, common,
                    "import-ca", "--journal", work.resolve("journal").toString(), dir, "--harbor"));
            inProcess(runs, "in this JVM: test --timeout 2 (header dripped)", command(java, jar, common, "test",
                    "--client", "containers", dir));
            inProcess(runs, "in this JVM: import-ca --from-server --timeout 2 (handshake dripped)", command(java,
                    jar, common, "import-ca", "--journal", work.resolve("journal").toString(),
                    "127.0.0.1:" + handshake.port(), "--from-server"));
            inProcess(runs, "in this JVM: import-ca --harbor --timeout 2 (header dripped)", command(java, jar, common,
                    "import-ca", "--journal", work.resolve("journal").toString(), dir, "--harbor"));
        }
        System.out.println("load average after: " + loadAverage());
    }

    private static TestPki.Issued server() {
        return TestPki.cert("CN=127.0.0.1").keys(TestPki.rsa(41)).issuer(Fixtures.SERVER_CA).serverAuth()
                .ip("127.0.0.1").build();
    }

    private static List<String> command(String java, Path jar, List<String> common, String... args) {
        List<String> c = new ArrayList<>(List.of(java, "-jar", jar.toString()));
        c.add(args[0]);
        c.addAll(common);
        c.addAll(List.of(args).subList(1, args.length));
        return c;
    }

    private static void time(int runs, int cap, String what, List<String> command) throws Exception {
        List<String> times = new ArrayList<>();
        String last = "";
        for (int i = 0; i < runs; i++) {
            Path out = Files.createTempFile("drip-out", ".json");
            long start = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            boolean ended = p.waitFor(cap, TimeUnit.SECONDS);
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (!ended) {
                p.destroyForcibly().waitFor();
                times.add("> " + cap + " s (killed)");
            } else {
                times.add(ms + " ms (exit " + p.exitValue() + ")");
            }
            last = Files.readString(out);
            Files.delete(out);
        }
        System.out.printf(Locale.ROOT, "%s: %s%n", what, String.join(", ", times));
        System.out.printf(Locale.ROOT, "  last output: %s%n", summary(last));
    }

    /** The outcomes or the error of a JSON document, on one line. */
    private static String summary(String json) {
        List<String> keep = new ArrayList<>();
        for (String line : json.split("\n")) {
            String t = line.strip();
            if (t.startsWith("\"outcome\"") || t.startsWith("\"phase\"") || t.startsWith("\"error\"")) {
                keep.add(t);
            }
        }
        return keep.isEmpty() ? "(none)" : String.join(" ", keep);
    }

    /** The same arguments through {@code CertsdCommand.run}, after one unmeasured run. */
    private static void inProcess(int runs, String what, List<String> command) {
        String[] args = command.subList(3, command.size()).toArray(String[]::new);
        List<String> times = new ArrayList<>();
        for (int i = -1; i < runs; i++) {
            long start = System.nanoTime();
            int code = dev.certsd.cli.CertsdCommand.run(args, new java.io.PrintWriter(java.io.Writer.nullWriter()),
                    new java.io.PrintWriter(java.io.Writer.nullWriter()));
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (i >= 0) {
                times.add(ms + " ms (exit " + code + ")");
            }
        }
        System.out.printf(Locale.ROOT, "%s: %s%n", what, String.join(", ", times));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
