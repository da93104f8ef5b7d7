package dev.certsd.ui.fleet;

import dev.certsd.fleet.InventoryEntry;
import dev.certsd.remote.SshTarget;
import dev.certsd.sample.SampleRoot;
import dev.certsd.testing.RealSshd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The fleet tests' machines: one real sshd on loopback, reached under as many aliases as a test wants, each
 * holding the sample root. Register as a static extension; it starts before the class and stops after it.
 */
final class FleetMachines implements BeforeAllCallback, AfterAllCallback {
    private Path dir;
    private RealSshd sshd;
    private Path sample;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("certsd-fleet");
        sshd = RealSshd.start(dir.resolve("sshd"));
        sample = new SampleRoot(Clock.systemUTC()).generate(dir.resolve("data"));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (sshd != null) {
            sshd.close();
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    RealSshd sshd() {
        return sshd;
    }

    /** The sample root, the same path on every alias. */
    Path sample() {
        return sample;
    }

    /** A directory for what a test writes (exports). */
    Path dir() {
        return dir;
    }

    /** {@code runner01}… {@code runnerNN}: this user at the sshd. */
    List<InventoryEntry> aliases(int n) {
        return aliases(n, sshd.port());
    }

    /** {@code runner01}… {@code runnerNN}: this user at {@code port} on loopback. */
    static List<InventoryEntry> aliases(int n, int port) {
        List<InventoryEntry> e = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            e.add(new InventoryEntry(String.format(Locale.ROOT, "runner%02d", i),
                    new SshTarget(System.getProperty("user.name"), "127.0.0.1", port)));
        }
        return e;
    }
}
