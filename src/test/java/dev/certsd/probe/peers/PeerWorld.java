package dev.certsd.probe.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.certsd.diagnose.HostReport;
import dev.certsd.diagnose.HostScanner;
import dev.certsd.diagnose.ScanOptions;
import dev.certsd.roots.Client;
import dev.certsd.roots.ClientVersion;
import dev.certsd.roots.HostsFileResolver;
import dev.certsd.roots.InsecureRegistries;
import dev.certsd.roots.OsFamily;
import dev.certsd.probe.Cancellation;
import dev.certsd.probe.ProbeOptions;
import dev.certsd.probe.ProbeReport;
import dev.certsd.probe.RegistryProbe;
import dev.certsd.probe.Timeouts;
import dev.certsd.testing.ExternalTools;
import dev.certsd.testing.TestPki;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Docker Engine and containerd tests share: the PKI, a server certificate valid for every
 * {@code *.certsd.test} name, 127.0.0.1 and ::1; the real registry requiring a client certificate (on {@code address})
 * holding a tiny image; a plain-HTTP registry over the same storage; and a hosts file mapping the scenario names
 * ({@code s0.certsd.test} ...) to the TLS registry's address and {@code plain.certsd.test} to the plain one.
 */
public final class PeerWorld implements AutoCloseable {
    public static final String IMAGE = "tiny:1";
    public static final String PLAIN_NAME = "plain.certsd.test";

    public final PeerPki pki = new PeerPki();
    public final TestPki.Issued server;
    public final RealRegistry registry;
    public final RealRegistry plain;
    public final Path hostsFile;
    public final String address;
    private final Map<String, InetAddress> resolve = new HashMap<>();

    private PeerWorld(Path work, String address) throws IOException {
        this.address = address;
        server = TestPki.cert("CN=registry.certsd.test").keys(TestPki.rsa(41)).issuer(pki.serverCa).serverAuth()
                .ip("127.0.0.1").ip("::1").dns("localhost").dns("*.certsd.test").build();
        Path storage = Files.createDirectories(work.resolve("storage"));
        registry = RealRegistry.start(work.resolve("registry"), pki.writeServerFiles(work.resolve("tls"), server),
                address, storage);
        plain = RealRegistry.start(work.resolve("plain"), null, "127.0.0.1", storage);
        StringBuilder hosts = new StringBuilder("127.0.0.1 localhost\n::1 localhost ip6-localhost\n");
        InetAddress tls = InetAddress.getByName(address);
        for (int i = 0; i < 400; i++) {
            hosts.append(address).append(" s").append(i).append(".certsd.test\n");
            resolve.put("s" + i + ".certsd.test", tls);
        }
        hosts.append("127.0.0.1 ").append(PLAIN_NAME).append('\n');
        resolve.put(PLAIN_NAME, InetAddress.getByName("127.0.0.1"));
        resolve.put("localhost", tls);
        hostsFile = TestPki.write(work, "hosts", hosts.toString());
    }

    /** Starts both registries and pushes the tiny image with skopeo through the TLS one (on 127.0.0.1). */
    public static PeerWorld start(Path work, String address, PeerLogs logs) throws IOException {
        PeerWorld w = new PeerWorld(work, address);
        logs.watch(w.registry, w.registry.process());
        logs.watch(w.plain, w.plain.process());
        Skopeo skopeo = Skopeo.find(work);
        // pushed through the plain-HTTP registry (skopeo's reference grammar has no IPv6 literals); the TLS one
        // reads the same storage
        ExternalTools.Result push = skopeo.copyPlain(TinyImage.layout(work.resolve("layout"), "1"), "1",
                "127.0.0.1:" + w.plain.port() + "/" + IMAGE);
        assertEquals(0, push.exitCode(), "skopeo copy: " + push.stderr() + "\n" + w.plain.process().log());
        return w;
    }

    /** The registry reference of scenario {@code i}: {@code s<i>.certsd.test:PORT}. */
    public String name(int i) {
        return "s" + i + ".certsd.test:" + registry.port();
    }

    /** The engine's answer for one host directory, as that client release, then its connection test. */
    public Answer answer(Path hostDir, ClientVersion version) {
        ScanOptions options = new ScanOptions(version.client(), OsFamily.LINUX, Clock.systemUTC(),
                ScanOptions.DEFAULT_EXPIRING_SOON_DAYS, InsecureRegistries.defaults(HostsFileResolver.of(hostsFile)),
                true, ScanOptions.DEFAULT_MAX_FILE_BYTES, version);
        HostReport host = new HostScanner(options).scan(hostDir);
        ProbeOptions probe = ProbeOptions.defaults(version.client()).withTimeouts(Timeouts.of(Duration.ofSeconds(5)))
                .withEnv(Map.of()).withSystemRoots(List::of).withResolve(resolve);
        ProbeReport report = host.hostDir().host() == null ? null
                : new RegistryProbe(probe).run(host, new Cancellation());
        return new Answer(host, report);
    }

    /** The scan and the connection test of one directory. */
    public record Answer(HostReport host, ProbeReport probe) {
        public boolean predictsSuccess() {
            return probe != null && probe.prediction().success();
        }

        public String story() {
            return "verdict " + host.verdict() + "\nfindings " + host.findings() + "\nprediction "
                    + (probe == null ? null : probe.prediction() + " via " + probe.endpoint().url() + " sends "
                    + probe.goSends() + " attempts " + probe.attempts().stream()
                    .map(a -> a.kind() + "/" + a.pair() + "=" + a.outcome() + "(" + a.transportError() + ")").toList());
        }
    }

    public Map<String, InetAddress> resolve() {
        return Map.copyOf(resolve);
    }

    @Override
    public void close() {
        registry.close();
        plain.close();
    }
}
