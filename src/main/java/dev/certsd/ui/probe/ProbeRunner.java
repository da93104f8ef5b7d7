package dev.certsd.ui.probe;

import dev.certsd.diagnose.HostReport;
import dev.certsd.diagnose.HostScanner;
import dev.certsd.diagnose.ScanOptions;
import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.probe.Cancellation;
import dev.certsd.probe.ProbeOptions;
import dev.certsd.probe.ProbeReport;
import dev.certsd.probe.RegistryProbe;
import dev.certsd.probe.Timeouts;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Runs one connection test on a worker thread: reads the host directory again as the chosen client would (the
 * tree's snapshot may be another client's reading), then probes the registry.
 */
public final class ProbeRunner {
    /** One test to run. */
    public record Request(CertsRoot root, String hostDir, Client client, Duration timeout) {
        public Path path() {
            return root.path().resolve(hostDir);
        }
    }

    private final Function<CertsRoot, ScanOptions> scanOptions;
    private final UnaryOperator<ProbeOptions> tune;
    private final Supplier<List<X509Certificate>> systemRoots;

    /**
     * @param scanOptions how a root is read on this machine (insecure registries, OS)
     * @param tune        adjusts the probe options (tests connect test names to loopback and trust no system root)
     */
    public ProbeRunner(Function<CertsRoot, ScanOptions> scanOptions, UnaryOperator<ProbeOptions> tune) {
        this.scanOptions = scanOptions;
        this.tune = tune;
        // read once per window session: the OS bundle does not change between two tests
        this.systemRoots = ProbeOptions.defaults(Client.DOCKER).systemRoots();
    }

    /** The real machine: its root bundle, its environment (proxies), the directory's own name as endpoint. */
    public static ProbeRunner onThisMachine(Function<CertsRoot, ScanOptions> scanOptions) {
        return new ProbeRunner(scanOptions, UnaryOperator.identity());
    }

    /** The options a probe of {@code client} uses here, for other one-shot connections (the CA import wizard). */
    public ProbeOptions options(Client client, Duration timeout) {
        return tune.apply(ProbeOptions.defaults(client).withSystemRoots(systemRoots)
                .withTimeouts(Timeouts.of(timeout)));
    }

    public ProbeReport run(Request request, Cancellation cancellation) throws NoSuchFileException {
        Path dir = request.path();
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString());
        }
        CertsRoot asClient = new CertsRoot(request.root().path(), request.root().kind(), request.client());
        HostReport host = new HostScanner(scanOptions.apply(asClient)).scan(dir);
        ProbeOptions options = ProbeOptions.defaults(request.client()).withSystemRoots(systemRoots)
                .withTimeouts(Timeouts.of(request.timeout()));
        return new RegistryProbe(tune.apply(options)).run(host, cancellation);
    }
}
