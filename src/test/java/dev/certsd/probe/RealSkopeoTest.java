package dev.certsd.probe;

import static dev.certsd.probe.peers.PeerPki.named;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.certsd.probe.peers.PeerLogs;
import dev.certsd.probe.peers.PeerPki;
import dev.certsd.probe.peers.PeerProbe;
import dev.certsd.probe.peers.RealRegistry;
import dev.certsd.probe.peers.Skopeo;
import dev.certsd.probe.peers.TinyImage;
import dev.certsd.testing.ExternalTools;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Go's view held against a real Go client: for each directory, the probe's prediction for podman/skopeo
 * ({@code containers}) must match what skopeo itself does with that directory ({@code --cert-dir}) against the
 * real registry, which holds a tiny image skopeo pushed there with the good pair.
 */
class RealSkopeoTest {
    private static final String IMAGE = "tiny:1";

    @RegisterExtension
    static final PeerLogs LOGS = new PeerLogs();
    @TempDir
    static Path work;
    static PeerPki pki;
    static RealRegistry registry;
    static Skopeo skopeo;

    @TempDir
    Path root;

    @BeforeAll
    static void startRegistryWithAnImage() throws Exception {
        skopeo = Skopeo.find(work);
        pki = new PeerPki();
        registry = RealRegistry.start(work.resolve("registry"), pki);
        LOGS.watch(registry, registry.process());
        Path good = pki.hostDir(work.resolve("push").resolve(registry.hostDirName()), named("client", pki.good));
        ExternalTools.Result push = skopeo.copy(TinyImage.layout(work.resolve("layout"), "1"), "1", good,
                registry.hostDirName() + "/" + IMAGE);
        assertEquals(0, push.exitCode(), "skopeo copy: " + push.stderr() + "\n" + registry.process().log());
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    /** The directories, and what skopeo does with each (observed with skopeo 1.9, see certsd-semantics.md). */
    enum Case {
        GOOD_ALONE(true, p -> new PeerPki.Named[] {named("client", p.good)}),
        SELF_SIGNED_FIRST_GOOD_SECOND(true, p -> new PeerPki.Named[] {named("a-selfsigned", p.selfSigned),
            named("b-good", p.good)}),
        EXPIRED_FIRST_GOOD_SECOND(false, p -> new PeerPki.Named[] {named("a-expired", p.expired),
            named("b-good", p.good)}),
        CLIENT_CA_NAME_OTHER_SIGNER_FIRST_GOOD_SECOND(false, p -> new PeerPki.Named[] {named("a-rogue", p.rogue),
            named("b-good", p.good)}),
        UNKNOWN_CA_ALONE(false, p -> new PeerPki.Named[] {named("client", p.otherCa)}),
        NO_PAIR(false, p -> new PeerPki.Named[0]);

        final boolean skopeoSucceeds;
        final Function<PeerPki, PeerPki.Named[]> pairs;

        Case(boolean skopeoSucceeds, Function<PeerPki, PeerPki.Named[]> pairs) {
            this.skopeoSucceeds = skopeoSucceeds;
            this.pairs = pairs;
        }
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void skopeoDoesWhatTheProbePredicts(Case c) throws Exception {
        Path dir = pki.hostDir(root.resolve(registry.hostDirName()), c.pairs.apply(pki));
        ProbeReport report = PeerProbe.run(dir);
        ExternalTools.Result skopeoRun = skopeo.inspect(dir, registry.hostDirName() + "/" + IMAGE);
        boolean skopeoSucceeded = skopeoRun.exitCode() == 0;
        String story = c + ": skopeo exit " + skopeoRun.exitCode() + " " + skopeoRun.stderr().strip()
                + "\nprobe: goSends=" + report.goSends() + " (" + report.goReason() + "), prediction="
                + report.prediction();
        assertEquals(c.skopeoSucceeds, skopeoSucceeded, "skopeo itself: " + story);
        assertEquals(skopeoSucceeded, report.prediction().success(), "the prediction: " + story);
    }
}
