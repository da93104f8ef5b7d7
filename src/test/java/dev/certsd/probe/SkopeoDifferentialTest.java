package dev.certsd.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.diagnose.HostReport;
import dev.certsd.roots.Client;
import dev.certsd.probe.peers.HostDirGenerator;
import dev.certsd.probe.peers.PeerLogs;
import dev.certsd.probe.peers.PeerPki;
import dev.certsd.probe.peers.PeerProbe;
import dev.certsd.probe.peers.RealRegistry;
import dev.certsd.probe.peers.Skopeo;
import dev.certsd.probe.peers.TinyImage;
import dev.certsd.testing.ExternalTools;
import dev.certsd.testing.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine against real skopeo on random host directories ({@link HostDirGenerator}): for every generated
 * directory, the config error the engine names must be the one skopeo stops with, and the predicted outcome of a
 * pull must be skopeo's. {@code -Dcertsd.seed=S} replays a run, {@code -Dcertsd.case=I} one case of it,
 * {@code -Dcertsd.cases=N} sets how many (300 by default).
 */
class SkopeoDifferentialTest {
    private static final String IMAGE = "tiny:1";
    /** Texts only a failure to load the directory produces. */
    static final List<String> CONFIG_ERROR_MARKERS = List.of("missing key", "issing client certificate",
            "private key", "failed to find", "readdirent", "is a directory", "too many levels", "x509: malformed",
            "no such file", "failed to parse", "unable to load");

    @RegisterExtension
    static final PeerLogs LOGS = new PeerLogs();
    @TempDir
    static Path work;
    static PeerPki pki;
    static RealRegistry registry;
    static Skopeo skopeo;

    @TempDir
    Path root;
    static final java.util.concurrent.atomic.AtomicLong ENGINE_NANOS = new java.util.concurrent.atomic.AtomicLong();
    static final java.util.concurrent.atomic.AtomicLong SKOPEO_NANOS = new java.util.concurrent.atomic.AtomicLong();

    @BeforeAll
    static void startRegistryWithAnImage() throws Exception {
        skopeo = Skopeo.find(work);
        pki = new PeerPki();
        registry = RealRegistry.start(work.resolve("registry"), pki);
        LOGS.watch(registry, registry.process());
        Path good = pki.hostDir(work.resolve("push").resolve(registry.hostDirName()), PeerPki.named("client", pki.good));
        ExternalTools.Result push = skopeo.copy(TinyImage.layout(work.resolve("layout"), "1"), "1", good,
                registry.hostDirName() + "/" + IMAGE);
        assertEquals(0, push.exitCode(), "skopeo copy: " + push.stderr());
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    /** The seed of this run: {@code -Dcertsd.seed}, else a new one (printed when a case disagrees). */
    static long seed() {
        String s = System.getProperty("certsd.seed");
        return s != null && !s.isBlank() ? Long.parseLong(s.trim()) : System.nanoTime();
    }

    /** The cases of this run: {@code -Dcertsd.case} alone, else 0 .. {@code -Dcertsd.cases} (default {@code n}). */
    static List<Integer> cases(int n) {
        String one = System.getProperty("certsd.case");
        if (one != null && !one.isBlank()) {
            return List.of(Integer.parseInt(one.trim()));
        }
        int count = Integer.getInteger("certsd.cases", n);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(i);
        }
        return out;
    }

    @Test
    void theEngineAgreesWithSkopeoOnEveryGeneratedDirectory() throws Exception {
        long seed = seed();
        HostDirGenerator generator = new HostDirGenerator(pki);
        List<Integer> cases = cases(300);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<String>> results = new ArrayList<>();
        for (int i : cases) {
            results.add(pool.submit(() -> disagreement(generator, seed, i)));
        }
        List<String> disagreements = new ArrayList<>();
        int configErrors = 0;
        int successes = 0;
        for (Future<String> f : results) {
            String d = f.get();
            if (d.startsWith("!")) {
                disagreements.add(d.substring(1));
            } else if (d.equals("config-error")) {
                configErrors++;
            } else if (d.equals("success")) {
                successes++;
            }
        }
        pool.shutdown();
        System.out.printf("skopeo differential: seed %d, %d directories (%d config errors, %d pulls that work),"
                + " %d disagreements; engine %d ms, skopeo %d ms in all%n", seed, cases.size(), configErrors, successes,
                disagreements.size(), ENGINE_NANOS.get() / 1_000_000, SKOPEO_NANOS.get() / 1_000_000);
        assertTrue(disagreements.isEmpty(), disagreements.size() + " of " + cases.size() + " directories disagree;"
                + " replay with -Dcertsd.seed=" + seed + " (and -Dcertsd.case=N for one):\n\n"
                + String.join("\n\n", disagreements.subList(0, Math.min(8, disagreements.size()))));
        assertTrue(cases.size() < 50 || (configErrors > cases.size() / 10 && successes > cases.size() / 20),
                "the generator must reach both config errors and working pulls: " + configErrors + ", " + successes);
    }

    /** "!" and the story when the engine and skopeo disagree, else what happened: config-error, success, failure. */
    private String disagreement(HostDirGenerator generator, long seed, int i) throws Exception {
        Path dir = root.resolve("case-" + i).resolve(registry.hostDirName());
        String files = generator.write(seed, i, dir);
        HostReport host = Fixtures.scan(dir, Client.CONTAINERS);
        String configError = host.configError();
        // with a config error the prediction is that error whatever the network says: no connection needed
        long t0 = System.nanoTime();
        ProbeReport probe = configError == null ? PeerProbe.run(dir) : null;
        boolean predicted = probe != null && probe.prediction().success();
        long t1 = System.nanoTime();
        ExternalTools.Result run = skopeo.inspect(dir, registry.hostDirName() + "/" + IMAGE);
        ENGINE_NANOS.addAndGet(t1 - t0);
        SKOPEO_NANOS.addAndGet(System.nanoTime() - t1);
        boolean pulled = run.exitCode() == 0;
        // skopeo logs through logrus, which quotes the message: \" stands for "
        String err = run.stderr().strip().replace("\\\"", "\"");
        // only the error skopeo stops with counts (a warning about a dangling CA link is not one)
        String fatal = err.lines().filter(l -> l.contains("level=fatal")).findFirst().orElse("");
        boolean skopeoConfigError = CONFIG_ERROR_MARKERS.stream().anyMatch(fatal::contains)
                && !fatal.contains("pinging container registry");
        List<String> wrong = new ArrayList<>();
        if (pulled != predicted) {
            wrong.add("outcome: skopeo " + (pulled ? "pulls" : "fails") + ", the engine predicts "
                    + (predicted ? "success" : "failure"));
        }
        if (configError != null && !err.contains(configError)) {
            wrong.add("configError: the engine says \"" + configError + "\", skopeo does not");
        }
        if (configError == null && skopeoConfigError) {
            wrong.add("configError: skopeo stops loading the directory, the engine names no error");
        }
        if (!wrong.isEmpty()) {
            return "!case " + i + " (seed " + seed + "): " + String.join("; ", wrong) + "\nskopeo: exit "
                    + run.exitCode() + " " + err + "\nengine: pairs " + host.load().pairs() + ", cas "
                    + host.load().caFiles() + (probe == null ? "" : ", sends " + probe.goSends() + " ("
                    + probe.goReason() + "), attempts " + probe.attempts().stream().map(a -> a.kind() + "/" + a.pair()
                    + "=" + a.outcome()).toList() + ", key types " + probe.attempts().get(0).keyTypes())
                    + "\nfiles:\n" + files;
        }
        return configError != null ? "config-error" : pulled ? "success" : "failure";
    }
}
