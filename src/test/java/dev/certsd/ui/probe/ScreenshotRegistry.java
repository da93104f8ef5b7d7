package dev.certsd.ui.probe;

import static dev.certsd.testing.Fixtures.CLIENT_CA;

import dev.certsd.probe.TestTlsServer;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A registry-like server on loopback for {@code docs/screenshots.sh}: writes {@code ROOT/127.0.0.1:PORT} with an
 * expired pair named before a good one, prints that directory, and serves until its standard input closes.
 */
public final class ScreenshotRegistry {
    private ScreenshotRegistry() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ScreenshotRegistry CERTS_ROOT");
            System.exit(2);
        }
        try (TestTlsServer server = TestTlsServer.start(TestTlsServer.Mode.REGISTRY, ProbeFixtures.SERVER, CLIENT_CA)) {
            Path dir = ProbeFixtures.expiredFirstThenGood(Path.of(args[0]).resolve("127.0.0.1:" + server.port()));
            System.out.println(dir.toAbsolutePath());
            System.out.flush();
            waitForEndOfInput();
        }
    }

    private static void waitForEndOfInput() throws IOException {
        while (System.in.read() != -1) {
            // the script holds our input open while it takes the screenshot
        }
    }
}
