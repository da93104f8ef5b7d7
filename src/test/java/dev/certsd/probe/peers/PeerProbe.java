package dev.certsd.probe.peers;

import dev.certsd.diagnose.HostReport;
import dev.certsd.layout.Client;
import dev.certsd.probe.Attempt;
import dev.certsd.probe.Cancellation;
import dev.certsd.probe.ProbeOptions;
import dev.certsd.probe.ProbeReport;
import dev.certsd.probe.RegistryProbe;
import dev.certsd.probe.Timeouts;
import dev.certsd.testing.Fixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs the probe engine on a host directory against a real peer, as podman/skopeo would see it. */
public final class PeerProbe {
    private PeerProbe() {
    }

    /** Client {@code containers}, no proxy variables, no system roots (the directory's ca.crt is enough). */
    public static ProbeReport run(Path hostDir) {
        HostReport host = Fixtures.scan(hostDir, Client.CONTAINERS);
        ProbeOptions options = ProbeOptions.defaults(Client.CONTAINERS).withTimeouts(Timeouts.of(Duration.ofSeconds(5)))
                .withEnv(Map.of()).withSystemRoots(List::of);
        return new RegistryProbe(options).run(host, new Cancellation());
    }

    /** The attempt of {@code pair}, or the baseline for null. */
    public static Attempt attempt(ProbeReport r, String pair) {
        return r.attempts().stream()
                .filter(a -> pair == null ? a.kind() == Attempt.Kind.BASELINE : pair.equals(a.pair()))
                .findFirst().orElseThrow(() -> new AssertionError("no attempt for " + pair + " in " + r.attempts()));
    }
}
