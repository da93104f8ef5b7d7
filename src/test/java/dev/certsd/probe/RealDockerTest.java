package dev.certsd.probe;

import static dev.certsd.probe.peers.PeerPki.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.diagnose.Verdict;
import dev.certsd.roots.Client;
import dev.certsd.roots.ClientVersion;
import dev.certsd.probe.peers.PeerLogs;
import dev.certsd.probe.peers.PeerWorld;
import dev.certsd.probe.peers.RealDockerd;
import dev.certsd.testing.ExternalTools;
import dev.certsd.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Docker Engine held against the engine, release by release: the real dockerd installed here, in a private mount
 * namespace with its own /etc/docker/certs.d and /etc/hosts, pulls from the real registry on {@code ::1} (names
 * mapped to ::1 are secure for Docker 20.10; 127.0.0.0/8 is always insecure); for each directory, whether
 * {@code docker pull} works must be what the engine predicts for that release, and a config error must be the text
 * dockerd returns. Expected outcomes are Docker 20.10's (Debian 12), checked only when that release runs.
 */
class RealDockerTest {
    @RegisterExtension
    static final PeerLogs LOGS = new PeerLogs();
    @TempDir
    static Path work;
    static PeerWorld world;
    static RealDockerd dockerd;
    static ClientVersion version;

    @BeforeAll
    static void start() throws Exception {
        ExternalTools.require("dockerd", "docker.io");
        world = PeerWorld.start(work.resolve("world"), "::1", LOGS);
        dockerd = RealDockerd.start(work.resolve("dockerd"), world.hostsFile);
        LOGS.watch(dockerd, dockerd.process());
        version = ClientVersion.picked(Client.DOCKER, dockerd.version());
    }

    @AfterAll
    static void stop() {
        if (dockerd != null) {
            dockerd.close();
        }
        if (world != null) {
            world.close();
        }
    }

    /** How a scenario lays out its directory in certs.d. */
    interface Layout {
        Path write(PeerWorld w, Path dir) throws Exception;
    }

    enum Case {
        GOOD_PAIR(true, (w, d) -> w.pki.hostDir(d, named("client", w.pki.good))),
        SELF_SIGNED_FIRST_GOOD_SECOND(true, (w, d) -> w.pki.hostDir(d, named("a-selfsigned", w.pki.selfSigned),
                named("b-good", w.pki.good))),
        EXPIRED_FIRST_GOOD_SECOND(false, (w, d) -> w.pki.hostDir(d, named("a-expired", w.pki.expired),
                named("b-good", w.pki.good))),
        ROGUE_FIRST_GOOD_SECOND(false, (w, d) -> w.pki.hostDir(d, named("a-rogue", w.pki.rogue),
                named("b-good", w.pki.good))),
        NO_PAIR(false, (w, d) -> w.pki.hostDir(d)),
        CA_SAVED_AS_CERT(false, (w, d) -> {
            TestPki.write(d, "ca.cert", w.pki.serverCa.certPem());
            TestPki.pair(d, "client", w.pki.good);
            return d;
        }),
        ORPHAN_KEY(false, (w, d) -> {
            w.pki.hostDir(d, named("client", w.pki.good));
            TestPki.write(d, "orphan.key", w.pki.expired.keyPem());
            return d;
        }),
        DER_CA(false, (w, d) -> {
            TestPki.write(d, "ca.crt", TestPki.der(w.pki.serverCa.cert()));
            TestPki.pair(d, "client", w.pki.good);
            return d;
        }),
        ENCRYPTED_KEY(false, (w, d) -> {
            w.pki.hostDir(d);
            TestPki.write(d, "client.cert", w.pki.good.certPem());
            TestPki.write(d, "client.key", TestPki.legacyEncryptedPem(w.pki.good.keys().getPrivate(), "secret"));
            return d;
        }),
        KEY_MISMATCH(false, (w, d) -> {
            w.pki.hostDir(d);
            TestPki.write(d, "client.cert", w.pki.good.certPem());
            TestPki.write(d, "client.key", w.pki.expired.keyPem());
            return d;
        }),
        CLIENT_CERT_SAVED_AS_CRT(false, (w, d) -> {
            w.pki.hostDir(d);
            TestPki.write(d, "client.crt", w.pki.good.certPem());
            TestPki.write(d, "client.key", w.pki.good.keyPem());
            return d;
        }),
        FILE_NAMED_LIKE_HOST_DIR(false, (w, d) -> TestPki.write(d.getParent(), d.getFileName().toString(),
                w.pki.serverCa.certPem())),
        /** localhost resolves to 127.0.0.1: insecure, certs.d never read (its config error never happens). */
        LOCALHOST_INSECURE(false, (w, d) -> {
            TestPki.write(d, "ca.cert", w.pki.serverCa.certPem());
            return d;
        }),
        /** An insecure name (127.0.0.1) served in plain HTTP: HTTPS fails, Docker falls back to HTTP. */
        INSECURE_PLAIN_HTTP_REGISTRY(true, (w, d) -> {
            TestPki.write(d, "ca.cert", w.pki.serverCa.certPem());
            return d;
        });

        final boolean succeedsIn2010;
        final Layout layout;

        Case(boolean succeedsIn2010, Layout layout) {
            this.succeedsIn2010 = succeedsIn2010;
            this.layout = layout;
        }

        String reference(PeerWorld w) {
            return switch (this) {
                case LOCALHOST_INSECURE -> "localhost:" + w.registry.port();
                case INSECURE_PLAIN_HTTP_REGISTRY -> PeerWorld.PLAIN_NAME + ":" + w.plain.port();
                default -> w.name(ordinal());
            };
        }
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void dockerPullDoesWhatTheEnginePredictsForItsRelease(Case c) throws Exception {
        String ref = c.reference(world);
        Path dir = c.layout.write(world, dockerd.certsD().resolve(ref));
        PeerWorld.Answer answer = world.answer(dir, version);
        ExternalTools.Result pull = dockerd.pull(ref + "/" + PeerWorld.IMAGE);
        boolean pulled = pull.exitCode() == 0;
        String story = c + " (dockerd " + dockerd.version() + "): docker pull exit " + pull.exitCode() + " "
                + pull.stderr().strip() + "\n" + answer.story();
        if (dockerd.version() != null && dockerd.version().startsWith("20.10.")) {
            assertEquals(c.succeedsIn2010, pulled, "dockerd itself: " + story);
        }
        assertEquals(pulled, answer.predictsSuccess(), "the prediction: " + story);
        String configError = answer.host().configError();
        if (configError != null) {
            String quoted = configError.contains("not a directory") ? "not a directory" : configError;
            assertTrue(pull.stderr().contains(quoted), "dockerd returns the config error: " + story);
        }
    }

    /** Every scenario name resolves to ::1, which Docker treats as insecure only since 28 (the pulls above read certs.d). */
    @Test
    void theNewestDockerWouldIgnoreCertsdForANameOfIpv6LoopbackWhereThisOneReadsIt() throws Exception {
        Path dir = Case.GOOD_PAIR.layout.write(world, work.resolve("elsewhere").resolve(world.name(399)));
        PeerWorld.Answer installed = world.answer(dir, version);
        PeerWorld.Answer newest = world.answer(dir, ClientVersion.picked(Client.DOCKER, "28.0"));
        assertTrue(installed.host().certsdUsed(), installed.story());
        assertFalse(newest.host().certsdUsed(), newest.story());
        assertEquals(Verdict.Ignored.INSECURE_REGISTRY, newest.host().verdict().ignoredBy());
        assertEquals("docker@28.0", newest.host().verdict().modelledFor().id());
        assertTrue(Files.isDirectory(dir));
    }
}
