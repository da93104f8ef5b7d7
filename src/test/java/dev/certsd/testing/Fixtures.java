package dev.certsd.testing;

import dev.certsd.diagnose.HostReport;
import dev.certsd.diagnose.HostScanner;
import dev.certsd.diagnose.ScanOptions;
import dev.certsd.roots.Client;
import dev.certsd.roots.HostsFileResolver;
import dev.certsd.roots.InsecureRegistries;
import dev.certsd.roots.OsFamily;
import java.nio.file.Path;
import java.time.Clock;

/** A healthy host directory and the few certificates most tests vary from. */
public final class Fixtures {
    public static final TestPki.Issued SERVER_CA = TestPki.cert("O=Certs.d Test,CN=Registry CA").keys(TestPki.rsa(1)).ca().build();
    public static final TestPki.Issued CLIENT_CA = TestPki.cert("O=Certs.d Test,CN=Client CA").keys(TestPki.rsa(2)).ca().build();
    public static final TestPki.Issued CLIENT = TestPki.cert("O=Certs.d Test,CN=client").keys(TestPki.rsa(3))
            .issuer(CLIENT_CA).clientAuth().build();

    private Fixtures() {
    }

    /** ca.crt (the registry's CA), client.cert + client.key (clientAuth, signed by the client CA, key 0600). */
    public static Path healthy(Path dir) {
        TestPki.write(dir, "ca.crt", SERVER_CA.certPem());
        TestPki.pair(dir, "client", CLIENT);
        return dir;
    }

    /** Scan options for tests: Linux, no daemon.json, only localhost resolves to loopback. */
    public static ScanOptions options(Client client) {
        return new ScanOptions(client, OsFamily.LINUX, Clock.systemUTC(), ScanOptions.DEFAULT_EXPIRING_SOON_DAYS,
                InsecureRegistries.defaults(HostsFileResolver.of(Path.of("/nonexistent-hosts-file"))), false,
                ScanOptions.DEFAULT_MAX_FILE_BYTES);
    }

    public static HostReport scan(Path dir, Client client) {
        return new HostScanner(options(client)).scan(dir);
    }

    /** A scanner with the test options, for Docker. */
    public static HostScanner scanner() {
        return new HostScanner(options(Client.DOCKER));
    }

    public static HostReport scan(Path dir) {
        return scan(dir, Client.DOCKER);
    }
}
