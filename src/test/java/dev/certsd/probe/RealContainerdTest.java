// over 300 lines: the containerd peer's cases, its ctr harness and their expectations per release in one place
package dev.certsd.probe;

import static dev.certsd.probe.peers.PeerPki.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.diagnose.FindingCode;
import dev.certsd.diagnose.Verdict;
import dev.certsd.roots.Client;
import dev.certsd.roots.ClientVersion;
import dev.certsd.probe.peers.PeerLogs;
import dev.certsd.probe.peers.PeerPki;
import dev.certsd.probe.peers.PeerWorld;
import dev.certsd.probe.peers.RealContainerd;
import dev.certsd.testing.ExternalTools;
import dev.certsd.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * containerd held against the engine, release by release: for each directory, what {@code ctr images pull
 * --hosts-dir} of the installed containerd really does against the real registry must be what the engine predicts
 * for that release ({@code containerd@<installed>}); a config error must be the text ctr prints. Expected outcomes
 * are those of containerd 1.6.20 (Debian 12), checked only when that release runs.
 */
class RealContainerdTest {
    @RegisterExtension
    static final PeerLogs LOGS = new PeerLogs();
    @TempDir
    static Path work;
    static PeerWorld world;
    static RealContainerd containerd;
    static ClientVersion version;

    @TempDir
    Path hostsDir;

    @BeforeAll
    static void start() throws Exception {
        ExternalTools.require("containerd", "containerd");
        world = PeerWorld.start(work.resolve("world"), "127.0.0.1", LOGS);
        containerd = RealContainerd.start(work.resolve("containerd"));
        LOGS.watch(containerd, containerd.process());
        version = ClientVersion.picked(Client.CONTAINERD, containerd.version());
    }

    @AfterAll
    static void stop() {
        if (containerd != null) {
            containerd.close();
        }
        if (world != null) {
            world.close();
        }
    }

    /** How a scenario lays out its directory; returns the one containerd reads. */
    interface Layout {
        Path write(PeerWorld w, Path hostsDir, String name, String dirName) throws Exception;
    }

    enum Case {
        GOOD_PAIR(true, (w, root, n, d) -> w.pki.hostDir(root.resolve(d), named("client", w.pki.good))),
        SELF_SIGNED_FIRST_GOOD_SECOND(true, (w, root, n, d) -> w.pki.hostDir(root.resolve(d),
                named("a-selfsigned", w.pki.selfSigned), named("b-good", w.pki.good))),
        EXPIRED_FIRST_GOOD_SECOND(false, (w, root, n, d) -> w.pki.hostDir(root.resolve(d),
                named("a-expired", w.pki.expired), named("b-good", w.pki.good))),
        ROGUE_FIRST_GOOD_SECOND(false, (w, root, n, d) -> w.pki.hostDir(root.resolve(d),
                named("a-rogue", w.pki.rogue), named("b-good", w.pki.good))),
        NO_PAIR(false, (w, root, n, d) -> w.pki.hostDir(root.resolve(d))),
        CA_SAVED_AS_CERT(false, (w, root, n, d) -> {
            Path dir = root.resolve(d);
            TestPki.write(dir, "ca.cert", w.pki.serverCa.certPem());
            TestPki.pair(dir, "client", w.pki.good);
            return dir;
        }),
        ORPHAN_KEY(true, (w, root, n, d) -> {
            Path dir = w.pki.hostDir(root.resolve(d), named("client", w.pki.good));
            TestPki.write(dir, "orphan.key", w.pki.expired.keyPem());
            return dir;
        }),
        DER_CA(false, (w, root, n, d) -> {
            Path dir = root.resolve(d);
            TestPki.write(dir, "ca.crt", TestPki.der(w.pki.serverCa.cert()));
            TestPki.pair(dir, "client", w.pki.good);
            return dir;
        }),
        ENCRYPTED_KEY(false, (w, root, n, d) -> {
            Path dir = w.pki.hostDir(root.resolve(d));
            TestPki.write(dir, "client.cert", w.pki.good.certPem());
            TestPki.write(dir, "client.key", TestPki.legacyEncryptedPem(w.pki.good.keys().getPrivate(), "secret"));
            return dir;
        }),
        KEY_MISMATCH(false, (w, root, n, d) -> {
            Path dir = w.pki.hostDir(root.resolve(d));
            TestPki.write(dir, "client.cert", w.pki.good.certPem());
            TestPki.write(dir, "client.key", w.pki.expired.keyPem());
            return dir;
        }),
        FILE_NAMED_LIKE_HOST_DIR(false, (w, root, n, d) -> TestPki.write(root, d, w.pki.serverCa.certPem())),
        TOML_NAMED_KEY(true, (w, root, n, d) -> toml(w, root, d, "[host.\"https://" + n + "\"]\n"
                + "  ca = \"registry-ca.pem\"\n  client = [[\"good.crt\", \"good.key\"]]\n")),
        TOML_COMBINED_FILE_STRING(true, (w, root, n, d) -> toml(w, root, d, "[host.\"https://" + n + "\"]\n"
                + "  ca = \"registry-ca.pem\"\n  client = \"combined.pem\"\n")),
        TOML_COMBINED_FILE_LIST(true, (w, root, n, d) -> toml(w, root, d, "[host.\"https://" + n + "\"]\n"
                + "  ca = [\"other-ca.pem\", \"registry-ca.pem\"]\n  client = [\"combined.pem\"]\n")),
        TOML_SKIP_VERIFY(true, (w, root, n, d) -> toml(w, root, d, "[host.\"https://" + n + "\"]\n"
                + "  skip_verify = true\n  client = [[\"good.crt\", \"good.key\"]]\n")),
        TOML_NO_CA(false, (w, root, n, d) -> toml(w, root, d, "[host.\"https://" + n + "\"]\n"
                + "  client = [[\"good.crt\", \"good.key\"]]\n")),
        TOML_UNKNOWN_CAPABILITY_FALLS_BACK_TO_LOOSE_FILES(false, (w, root, n, d) -> toml(w, root, d,
                "[host.\"https://" + n + "\"]\n  capabilities = [\"pull\", \"resolve\", \"bogus\"]\n"
                + "  ca = \"registry-ca.pem\"\n  client = [[\"good.crt\", \"good.key\"]]\n")),
        TOML_NO_RESOLVE_CAPABILITY(false, (w, root, n, d) -> toml(w, root, d, "server = \"https://" + n + "\"\n"
                + "capabilities = [\"pull\"]\nca = \"registry-ca.pem\"\nclient = [[\"good.crt\", \"good.key\"]]\n"
                + "[host.\"https://" + n + "\"]\n  capabilities = [\"pull\"]\n  ca = \"registry-ca.pem\"\n"
                + "  client = [[\"good.crt\", \"good.key\"]]\n")),
        TOML_WITHOUT_HOST_TABLE(false, (w, root, n, d) -> toml(w, root, d, "server = \"https://" + n + "\"\n"
                + "ca = \"registry-ca.pem\"\nclient = [[\"good.crt\", \"good.key\"]]\n")),
        TOML_PLAIN_HTTP_MIRROR_FIRST(true, (w, root, n, d) -> toml(w, root, d, "[host.\"http://"
                + PeerWorld.PLAIN_NAME + ":" + w.plain.port() + "\"]\n  capabilities = [\"pull\", \"resolve\"]\n"
                + "[host.\"https://" + n + "\"]\n  ca = \"registry-ca.pem\"\n")),
        TOML_UNREACHABLE_MIRROR_THEN_REGISTRY(true, (w, root, n, d) -> toml(w, root, d,
                "[host.\"https://127.0.0.1:1\"]\n  ca = \"registry-ca.pem\"\n[host.\"https://" + n + "\"]\n  ca = \"registry-ca.pem\"\n  client = [[\"good.crt\", \"good.key\"]]\n")),
        BOTH_FORMS_UNDERSCORE_WINS(true, (w, root, n, d) -> {
            Path colon = root.resolve(n);
            w.pki.hostDir(colon); // CA only: would fail
            return w.pki.hostDir(root.resolve(underscore(n)), named("client", w.pki.good));
        }),
        BOTH_FORMS_UNDERSCORE_WINS_EVEN_WHEN_EMPTY(false, (w, root, n, d) -> {
            w.pki.hostDir(root.resolve(n), named("client", w.pki.good));
            return Files.createDirectories(root.resolve(underscore(n)));
        }),
        LOOPBACK_WITHOUT_SERVER(false, null),
        PLAIN_HTTP_LOOPBACK_REGISTRY(true, null);

        final boolean succeedsIn1620;
        final Layout layout;

        Case(boolean succeedsIn1620, Layout layout) {
            this.succeedsIn1620 = succeedsIn1620;
            this.layout = layout;
        }
    }

    static String underscore(String hostPort) {
        int idx = hostPort.lastIndexOf(':');
        return hostPort.substring(0, idx) + "_" + hostPort.substring(idx + 1) + "_";
    }

    /** A hosts.toml with the registry CA, a second CA, the good pair as .crt/.key and as one combined file. */
    static Path toml(PeerWorld w, Path root, String dirName, String text) {
        Path dir = root.resolve(dirName);
        TestPki.write(dir, "hosts.toml", text);
        TestPki.write(dir, "registry-ca.pem", w.pki.serverCa.certPem());
        TestPki.write(dir, "other-ca.pem", w.pki.clientCa.certPem());
        TestPki.write(dir, "good.crt", w.pki.good.certPem());
        TestPki.write(dir, "good.key", w.pki.good.keyPem());
        TestPki.write(dir, "combined.pem", w.pki.good.certPem() + w.pki.good.keyPem());
        return dir;
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void ctrDoesWhatTheEnginePredictsForItsRelease(Case c) throws Exception {
        String ref;
        Path dir;
        if (c == Case.LOOPBACK_WITHOUT_SERVER) { // the TLS registry by its loopback address, no hosts.toml
            ref = "127.0.0.1:" + world.registry.port();
            dir = world.pki.hostDir(hostsDir.resolve(underscore(ref)), named("client", world.pki.good));
        } else if (c == Case.PLAIN_HTTP_LOOPBACK_REGISTRY) {
            ref = "127.0.0.1:" + world.plain.port();
            dir = Files.createDirectories(hostsDir.resolve(underscore(ref)));
        } else {
            ref = world.name(c.ordinal());
            dir = c.layout.write(world, hostsDir, ref, underscore(ref));
        }
        PeerWorld.Answer answer = world.answer(dir, version);
        ExternalTools.Result ctr = containerd.pull(hostsDir, ref + "/" + PeerWorld.IMAGE, world.hostsFile);
        boolean pulled = ctr.exitCode() == 0;
        String story = c + " (containerd " + containerd.version() + "): ctr exit " + ctr.exitCode() + " "
                + ctr.stderr().strip() + "\n" + answer.story();
        if ("1.6.20".equals(containerd.version())) {
            assertEquals(c.succeedsIn1620, pulled, "containerd itself: " + story);
        }
        assertEquals(pulled, answer.predictsSuccess(), "the prediction: " + story);
        String configError = answer.host().configError();
        if (configError != null && !configError.contains("not a directory")) {
            assertTrue(ctr.stderr().contains(configError), "ctr prints the config error: " + story);
        }
    }

    /**
     * The skopeo differential test's generator, against containerd (loose files, and 3 in 5 with a generated
     * hosts.toml over them): for every generated directory, the
     * engine's prediction for the installed release must be what {@code ctr images pull} does, and its config error
     * the one ctr prints. Same seed properties as {@link SkopeoDifferentialTest} ({@code -Dcertsd.ctrCases=N}).
     */
    @org.junit.jupiter.api.Test
    void theEngineAgreesWithCtrOnEveryGeneratedDirectory() throws Exception {
        long seed = SkopeoDifferentialTest.seed();
        dev.certsd.probe.peers.HostDirGenerator generator = new dev.certsd.probe.peers.HostDirGenerator(world.pki);
        java.util.List<Integer> cases = System.getProperty("certsd.case") != null ? SkopeoDifferentialTest.cases(0)
                : range(Integer.getInteger("certsd.ctrCases", 60));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        java.util.List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
        for (int i : cases) {
            results.add(pool.submit(() -> {
                String ref = world.name(100 + i % 300);
                Path root = hostsDir.resolve("case-" + i);
                Path dir = root.resolve(underscore(ref));
                String files = generator.write(seed, i, dir) + "\n" + generator.hostsToml(seed, i, dir, "https://" + ref);
                PeerWorld.Answer answer = world.answer(dir, version);
                ExternalTools.Result ctr = containerd.pull(root, ref + "/" + PeerWorld.IMAGE, world.hostsFile);
                boolean pulled = ctr.exitCode() == 0;
                String configError = answer.host().configError();
                if (pulled != answer.predictsSuccess() || configError != null && !ctr.stderr().contains(configError)) {
                    return "!case " + i + " (seed " + seed + "): ctr exit " + ctr.exitCode() + " "
                            + ctr.stderr().strip() + "\n" + answer.story() + "\nfiles:\n" + files;
                }
                return configError != null ? "config-error" : pulled ? "success" : "failure";
            }));
        }
        java.util.List<String> disagreements = new java.util.ArrayList<>();
        java.util.Map<String, Integer> outcomes = new java.util.TreeMap<>();
        for (java.util.concurrent.Future<String> f : results) {
            String d = f.get();
            if (d.startsWith("!")) {
                disagreements.add(d.substring(1));
            } else {
                outcomes.merge(d, 1, Integer::sum);
            }
        }
        pool.shutdown();
        System.out.printf("containerd differential: seed %d, %d directories %s, %d disagreements%n", seed,
                cases.size(), outcomes, disagreements.size());
        assertTrue(disagreements.isEmpty(), disagreements.size() + " of " + cases.size() + " directories disagree;"
                + " replay with -Dcertsd.seed=" + seed + ":\n\n"
                + String.join("\n\n", disagreements.subList(0, Math.min(8, disagreements.size()))));
    }

    private static java.util.List<Integer> range(int n) {
        return java.util.stream.IntStream.range(0, n).boxed().toList();
    }

    /**
     * The command line, as a user runs it against the same registries: {@code check} and {@code test} name the
     * release they model, and agree with ctr (a plain-HTTP loopback registry: every release pulls, by plain HTTP in
     * 1.6.20, by the fall back from HTTPS in 2.x; a hosts.toml whose hosts may not resolve: the config error).
     */
    @org.junit.jupiter.api.Test
    void checkAndTestOnTheCommandLineAgreeWithCtr() throws Exception {
        String plain = "127.0.0.1:" + world.plain.port();
        Path plainDir = Files.createDirectories(hostsDir.resolve(underscore(plain)));
        ExternalTools.Result pulled = containerd.pull(hostsDir, plain + "/" + PeerWorld.IMAGE, world.hostsFile);
        assertEquals(0, pulled.exitCode(), pulled.stderr());
        for (String client : new String[] {version.id(), "containerd@2.0"}) {
            java.io.StringWriter out = new java.io.StringWriter();
            int code = dev.certsd.cli.CertsdCommand.run(new String[] {"test", "--root", hostsDir.toString(), "--client",
                client, "--json", plainDir.getFileName().toString()}, new java.io.PrintWriter(out),
                new java.io.PrintWriter(java.io.Writer.nullWriter()));
            java.util.Map<String, Object> doc = com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(out.toString());
            assertEquals(0, code, out.toString());
            assertEquals(client, ((java.util.Map<?, ?>) doc.get("clientVersion")).get("id"), out.toString());
            assertEquals("success", ((java.util.Map<?, ?>) doc.get("prediction")).get("outcome"), out.toString());
        }
        Case c = Case.TOML_NO_RESOLVE_CAPABILITY;
        String ref = world.name(200);
        c.layout.write(world, hostsDir, ref, underscore(ref));
        ExternalTools.Result ctr = containerd.pull(hostsDir, ref + "/" + PeerWorld.IMAGE, world.hostsFile);
        java.io.StringWriter out = new java.io.StringWriter();
        int code = dev.certsd.cli.CertsdCommand.run(new String[] {"check", "--root", hostsDir.toString(), "--client",
            version.id(), underscore(ref)}, new java.io.PrintWriter(out),
            new java.io.PrintWriter(java.io.Writer.nullWriter()));
        assertEquals(1, code, out.toString());
        assertTrue(out.toString().contains("Modelled: " + version.id() + " (as picked)"), out.toString());
        assertTrue(out.toString().contains("ERROR before any connection: no resolve hosts: not found"), out.toString());
        assertTrue(ctr.stderr().contains("no resolve hosts: not found"), ctr.stderr());
    }

    @ParameterizedTest
    @EnumSource(value = Case.class, names = {"TOML_NAMED_KEY", "TOML_SKIP_VERIFY"})
    void aKeyNamedInHostsTomlIsNoOrphan(Case c) throws Exception {
        Path dir = c.layout.write(world, hostsDir, world.name(c.ordinal()), "x_1_");
        PeerWorld.Answer a = world.answer(dir, version);
        assertTrue(a.host().findings().stream().noneMatch(f -> f.code() == FindingCode.ORPHAN_KEY), a.story());
        assertEquals(Verdict.Level.OK, a.host().verdict().level(), a.story());
    }

    @ParameterizedTest
    @EnumSource(value = Case.class, names = {"BOTH_FORMS_UNDERSCORE_WINS", "BOTH_FORMS_UNDERSCORE_WINS_EVEN_WHEN_EMPTY"})
    void theColonFormIsReportedAsNeverRead(Case c) throws Exception {
        String n = world.name(c.ordinal());
        c.layout.write(world, hostsDir, n, underscore(n));
        PeerWorld.Answer colon = world.answer(hostsDir.resolve(n), version);
        assertEquals(Verdict.Level.IGNORED, colon.host().verdict().level(), colon.story());
        assertEquals(Verdict.Ignored.SHADOWED, colon.host().verdict().ignoredBy());
        assertTrue(colon.host().findings().stream().anyMatch(f -> f.code() == FindingCode.HOST_DIR_SHADOWED));
        assertNotNull(colon.host().verdict().modelledFor());
    }
}
