package dev.certsd.probe.peers;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.certsd.diagnose.HostReport;
import dev.certsd.roots.Client;
import dev.certsd.probe.Cancellation;
import dev.certsd.probe.ProbeOptions;
import dev.certsd.probe.ProbeReport;
import dev.certsd.probe.RegistryProbe;
import dev.certsd.testing.Fixtures;
import dev.certsd.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The connection-test benchmark (run by {@code bench/probe-bench.sh}): a host directory with 10 pairs against the
 * real registry, timed three ways: the engine repeated in this warm JVM, 10 sequential curl runs doing the same
 * handshakes and GET /v2/ (alternating with the engine's runs), and the whole {@code test} process (hyperfine).
 * Arguments: the jar, then optionally the warm-up and measured run counts (default 10 and 20).
 */
public final class ProbeBench {
    private ProbeBench() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "target/certsd-studio.jar").toAbsolutePath();
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path work = Files.createTempDirectory("certsd-bench");
        PeerPki pki = new PeerPki();
        System.out.println("load average before: " + loadAverage());
        try (RealRegistry registry = RealRegistry.start(work.resolve("registry"), pki)) {
            Path root = work.resolve("root");
            Path dir = tenPairs(pki, root.resolve(registry.hostDirName()));
            System.out.printf(Locale.ROOT, "registry %s, %s: %d pairs; %s, %d cores%n", registry.hostDirName(),
                    dir, countPairs(dir), System.getProperty("java.vm.version"),
                    Runtime.getRuntime().availableProcessors());

            // The engine and the curl loop alternate, so both see the same load on a shared machine.
            Path loop = curlLoop(work, dir, registry.port());
            engineAndCurl(dir, loop, warmup, runs);
            wholeProcess(work, jar, root, registry.hostDirName());
        } finally {
            System.out.println("load average after: " + loadAverage());
            try (var all = Files.walk(work)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** (a) the engine in this warm JVM and (c) a curl loop, alternating so both see the same load. */
    private static void engineAndCurl(Path dir, Path loop, int warmup, int runs) throws Exception {
        ProbeReport last = null;
        long[] engine = new long[runs];
        long[] scan = new long[runs];
        long[] curl = new long[runs];
        for (int i = 0; i < warmup + runs; i++) {
            long t0 = System.nanoTime();
            HostReport host = Fixtures.scan(dir, Client.CONTAINERS);
            long t1 = System.nanoTime();
            last = new RegistryProbe(ProbeOptions.defaults(Client.CONTAINERS)).run(host, new Cancellation());
            long t2 = System.nanoTime();
            new ProcessBuilder("bash", loop.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            long t3 = System.nanoTime();
            if (i >= warmup) {
                scan[i - warmup] = t1 - t0;
                engine[i - warmup] = t2 - t1;
                curl[i - warmup] = t3 - t2;
            }
        }
        System.out.printf(Locale.ROOT, "attempts: %s%n", last.attempts().stream()
                .map(a -> (a.pair() == null ? "baseline" : a.pair()) + "=" + a.outcome().id()).toList());
        System.out.printf(Locale.ROOT, "goSends %s, firstAccepted %s, prediction %s%n", last.goSends(),
                last.firstAccepted(), last.prediction().success() ? "success" : "failure");
        System.out.printf(Locale.ROOT, "(a) engine, warm JVM (%d warm-up, %d runs): probe min %.1f ms, "
                + "median %.1f ms; scan of the directory min %.1f ms, median %.1f ms%n", warmup, runs,
                min(engine), median(engine), min(scan), median(scan));
        System.out.printf(Locale.ROOT, "(c) 10 sequential curl runs (bash loop, alternating with (a)): min %.1f ms, "
                + "median %.1f ms%n", min(curl), median(curl));
    }

    /** (b) the whole {@code test} process, and the same through the launcher and the installed command. */
    private static void wholeProcess(Path work, Path jar, Path root, String hostDirName) throws Exception {
        String test = "java -jar " + jar + " test --root " + root + " --client containers --json "
                + hostDirName + " > /dev/null";
        Map<String, Object> whole = hyperfine(work, "whole", test);
        System.out.printf(Locale.ROOT, "(b) whole `java -jar ... test` process (hyperfine, %s runs): mean %.0f ms, "
                + "min %.0f ms, max %.0f ms; CPU user %.0f ms + system %.0f ms%n", whole.get("runs"),
                whole.get("mean"), whole.get("min"), whole.get("max"), whole.get("user"), whole.get("system"));
        // the same through the launcher (C1 only + AppCDS), which the installed app's flags match
        Path launcher = Path.of("bin/certsd-studio").toAbsolutePath();
        if (Files.isExecutable(launcher)) {
            String viaLauncher = "CERTSD_STUDIO_JAR=" + jar + " XDG_CACHE_HOME=" + work.resolve("cache") + " "
                    + launcher + " test --root " + root + " --client containers --json "
                    + hostDirName + " > /dev/null";
            Map<String, Object> l = hyperfine(work, "launcher", viaLauncher);
            System.out.printf(Locale.ROOT, "(b') the same through bin/certsd-studio (hyperfine, %s runs): mean "
                    + "%.0f ms, min %.0f ms, max %.0f ms; CPU user %.0f ms + system %.0f ms%n", l.get("runs"),
                    l.get("mean"), l.get("min"), l.get("max"), l.get("user"), l.get("system"));
        }
        // the installed command (bench/all.sh sets CERTSD_INSTALLED to its path)
        String installed = System.getenv("CERTSD_INSTALLED");
        if (installed != null && !installed.isBlank()) {
            String viaInstalled = installed + " test --root " + root + " --client containers --json "
                    + hostDirName + " > /dev/null";
            Map<String, Object> i = hyperfine(work, "installed", viaInstalled);
            System.out.printf(Locale.ROOT, "(b'') the same through the installed %s (hyperfine, %s runs): "
                    + "median %.0f ms, mean %.0f ms, min %.0f ms, max %.0f ms; CPU user %.0f ms + system %.0f ms%n",
                    installed, i.get("runs"), i.get("median"), i.get("mean"), i.get("min"), i.get("max"),
                    i.get("user"), i.get("system"));
        }
    }

    /** The 1, 5 and 15 minute load averages: figures taken on a busy machine say so. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** Ten pairs as a real directory might hold them: expired, self-signed, foreign, one rogue, one good. */
    static Path tenPairs(PeerPki pki, Path dir) {
        pki.hostDir(dir);
        TestPki.Issued otherCa = TestPki.cert("CN=Bench Other CA").keys(TestPki.rsa(48)).ca().build();
        for (int i = 0; i < 10; i++) {
            TestPki.Spec spec = TestPki.cert("CN=bench client " + i).keys(TestPki.rsa(43 + i % 7)).clientAuth();
            TestPki.Issued cert = switch (i) {
                case 0, 1 -> spec.issuer(otherCa).build();
                case 2, 3, 4 -> spec.build();
                case 5 -> pki.rogue;
                case 6, 7, 8 -> spec.issuer(pki.clientCa).expired().build();
                default -> spec.issuer(pki.clientCa).build();
            };
            TestPki.pair(dir, String.format(Locale.ROOT, "pair-%02d", i), cert);
        }
        return dir;
    }

    private static long countPairs(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".cert")).count();
        }
    }

    private static Path curlLoop(Path work, Path dir, int port) throws Exception {
        StringBuilder s = new StringBuilder("#!/bin/bash\n# 10 sequential handshakes + GET /v2/, one per pair\n");
        for (int i = 0; i < 10; i++) {
            String base = dir.resolve(String.format(Locale.ROOT, "pair-%02d", i)).toString();
            s.append("curl -s -o /dev/null --http1.1 --cacert '").append(dir.resolve("ca.crt"))
                    .append("' --cert '").append(base.replace(":", "\\:")).append(".cert' --key '").append(base)
                    .append(".key' https://127.0.0.1:").append(port).append("/v2/ || true\n");
        }
        return TestPki.write(work, "curl-loop.sh", s.toString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> hyperfine(Path work, String name, String command) throws Exception {
        Path out = work.resolve(name + ".json");
        List<String> cmd = new ArrayList<>(List.of("hyperfine", "--style", "none", "--warmup", "2", "--runs", "10",
                "--ignore-failure", "--export-json", out.toString(), command));
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("hyperfine failed: " + cmd);
        }
        Map<String, Object> r = ((List<Map<String, Object>>) JSON.std.mapFrom(Files.readString(out)).get("results"))
                .get(0);
        return Map.of("runs", ((List<?>) r.get("times")).size(), "mean", ms(r.get("mean")), "min", ms(r.get("min")),
                "max", ms(r.get("max")), "user", ms(r.get("user")), "system", ms(r.get("system")),
                "median", ms(r.get("median")));
    }

    private static double ms(Object seconds) {
        return ((Number) seconds).doubleValue() * 1000;
    }

    private static double min(long[] nanos) {
        return Arrays.stream(nanos).min().orElse(0) / 1e6;
    }

    private static double median(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return (s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0) / 1e6;
    }
}
