package dev.certsd.probe.peers;

import dev.certsd.diagnose.HostReport;
import dev.certsd.roots.Client;
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
        return run(hostDir, Client.CONTAINERS);
    }

    /** As {@code client} would see it (for docker, 127.0.0.1 is an insecure registry). */
    public static ProbeReport run(Path hostDir, Client client) {
        HostReport host = Fixtures.scan(hostDir, client);
        ProbeOptions options = ProbeOptions.defaults(client).withTimeouts(Timeouts.of(Duration.ofSeconds(5)))
                .withEnv(Map.of()).withSystemRoots(List::of);
        return new RegistryProbe(options).run(host, new Cancellation());
    }

    /** The first attempt of that kind. */
    public static Attempt attempt(ProbeReport r, Attempt.Kind kind) {
        return r.attempts().stream().filter(a -> a.kind() == kind).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " attempt in " + ProbeFacts.of(r).raw()));
    }
}
