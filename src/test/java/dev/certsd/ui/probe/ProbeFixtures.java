package dev.certsd.ui.probe;

import static dev.certsd.testing.Fixtures.CLIENT;
import static dev.certsd.testing.Fixtures.CLIENT_CA;
import static dev.certsd.testing.Fixtures.SERVER_CA;

import dev.certsd.testing.Fixtures;
import dev.certsd.testing.TestPki;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A registry-like server's certificate and a host directory holding an expired pair named before a good one: the
 * case where Docker's documentation and a real Go client disagree.
 */
final class ProbeFixtures {
    /** The test registry's name; connected to loopback by {@link #runner()}. */
    static final String HOST = "registry.test";
    static final TestPki.Issued SERVER = TestPki.cert("CN=registry.test").keys(TestPki.rsa(10)).issuer(SERVER_CA)
            .serverAuth().dns(HOST).ip("127.0.0.1").build();
    static final TestPki.Issued EXPIRED = TestPki.cert("O=Certs.d Test,CN=expired client").keys(TestPki.rsa(11))
            .issuer(CLIENT_CA).clientAuth().expired().build();

    private ProbeFixtures() {
    }

    /** {@code dir} with the registry's CA, a-expired.cert/.key and b-good.cert/.key. */
    static Path expiredFirstThenGood(Path dir) {
        TestPki.write(dir, "ca.crt", SERVER_CA.certPem());
        TestPki.pair(dir, "a-expired", EXPIRED);
        TestPki.pair(dir, "b-good", CLIENT);
        return dir;
    }

    /** {@code dir} with the registry's CA and one good pair. */
    static Path good(Path dir) {
        TestPki.write(dir, "ca.crt", SERVER_CA.certPem());
        TestPki.pair(dir, "client", CLIENT);
        return dir;
    }

    /** Reads roots as the tests do, connects registry.test to loopback, trusts no system root, no proxy. */
    static ProbeRunner runner() {
        return new ProbeRunner(root -> Fixtures.options(root.client()),
                o -> o.withResolve(Map.of(HOST, InetAddress.getLoopbackAddress())).withEnv(Map.of())
                        .withSystemRoots(List::of));
    }
}
