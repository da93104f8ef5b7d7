package dev.certsd.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need root (mounting a file system, acting as another user). CI runs as root, so there a missing
 * privilege fails the test; on a laptop it skips with a message saying why.
 */
public final class RootOnly {
    private RootOnly() {
    }

    public static boolean isRoot() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue() == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Skips (or fails in CI) when not root. */
    public static void require(String what) {
        if (!isRoot()) {
            unavailable(what + " needs root");
        }
    }

    /** Skips (or fails in CI, where everything the tests need is there) with the reason. */
    public static void unavailable(String reason) {
        String message = reason + "; skipping (CI runs it as root).";
        if ("true".equals(System.getenv("CI"))) {
            fail(reason + ". In CI this test must run.");
        }
        Assumptions.abort(message);
    }
}
