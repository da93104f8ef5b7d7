package dev.certsd.diagnose;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.probe.peers.Skopeo;
import dev.certsd.testing.ExternalTools;
import dev.certsd.testing.Fixtures;
import dev.certsd.testing.TestPki;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file named like a host directory, held against real skopeo: the error the scan predicts for podman/skopeo is
 * the one skopeo stops with (it fails while setting up TLS, before any network I/O, so no registry is needed).
 */
class RealSkopeoHostEntryTest {
    @TempDir
    Path work;

    @Test
    void skopeoStopsWithThePredictedErrorOnAFileNamedLikeAHostDirectory() throws Exception {
        Skopeo skopeo = Skopeo.find(work);
        Path root = work.resolve("certs.d");
        TestPki.write(root, "127.0.0.1:5443", Fixtures.SERVER_CA.certPem());
        HostReport host = new RootScanner(Fixtures.options(Client.CONTAINERS))
                .scan(CertsRoot.custom(root, Client.CONTAINERS), List.of()).hosts().get(0);
        String predicted = host.verdict().clientError();

        ExternalTools.Result run = skopeo.inspect(root.resolve("127.0.0.1:5443"), "127.0.0.1:5443/tiny:1");

        assertNotEquals(0, run.exitCode(), "skopeo: " + run.stderr());
        assertTrue(run.stderr().contains(predicted), "predicted \"" + predicted + "\", skopeo said: " + run.stderr());
    }
}
