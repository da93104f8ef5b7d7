package dev.certsd.ui.wizard;

import java.io.IOException;

/**
 * A Harbor-like registry on loopback for {@code docs/screenshots.sh}: prints its registry name (127.0.0.1:PORT)
 * and serves its chain and published CA until its standard input closes.
 */
public final class ScreenshotHarbor {
    private ScreenshotHarbor() {
    }

    public static void main(String[] args) throws Exception {
        try (HarborTestServer server = new HarborTestServer()) {
            System.out.println(server.registry());
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
