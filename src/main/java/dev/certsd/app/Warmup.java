package dev.certsd.app;

import dev.certsd.material.ContentReader;
import dev.certsd.material.GoKeyPair;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A command that reads certificates first spends about a third of a one-directory run setting up what parsing
 * needs (the JDK's certificate factory and providers, Bouncy Castle's ASN.1 and curve tables: hundreds of classes
 * loaded and initialised), while the main thread is busy building the command line's model (picocli, by
 * reflection). This parses a bundled sample (warmup.pem: a throw-away EC and RSA certificate and key made for
 * nothing else, never a secret) on a daemon thread meanwhile, so the other core does that setup. It changes no
 * answer: nothing it makes is kept, and a failure here is ignored (the command meets the same code and reports).
 * A plain {@code check} or {@code test} skips picocli's model ({@code CertsdCommand.runsQuickly}): its main thread
 * reads certificates at once, so it gets no warm-up (one would only repeat that work: the same time, more CPU).
 */
final class Warmup {
    /** The commands that read certificates and keys. */
    private static final List<String> READERS = List.of("check", "test", "fix", "compare", "export");

    private Warmup() {
    }

    /** Starts the warm-up when the first argument names a command that reads certificates. */
    static void start(String[] args) {
        if (args.length == 0 || !READERS.contains(args[0])) {
            return;
        }
        Thread t = new Thread(Warmup::run, "certsd-warmup");
        t.setDaemon(true);
        t.start();
    }

    /**
     * For a plain {@code check} or {@code test}: only opens the class path's jars on a daemon thread. The JDK does
     * that on the first certificate parsed: its security-event logger looks for a {@code System.LoggerFinder} in every
     * jar (about 35 ms of the main thread in a one-directory check, most of it reading Bouncy Castle's 855 KB
     * manifest). Here it is done beside the main thread, which then finds them open. Nothing is loaded, only the jars'
     * directories read.
     */
    static void openJars() {
        Thread t = new Thread(new ReadJars(), "certsd-jars");
        t.setDaemon(true);
        t.start();
    }

    /** A class, not a method reference: linking one cost the main thread 6 ms, the time this saves it. */
    private static final class ReadJars implements Runnable {
        @Override
        public void run() {
            readJars();
        }
    }

    /** Looks up the JDK's logger service in every jar of the class path; returns how many have it (none of ours). */
    static int readJars() {
        int found = 0;
        try {
            java.util.Enumeration<java.net.URL> e = ClassLoader.getSystemClassLoader()
                    .getResources("META-INF/services/java.lang.System$LoggerFinder");
            while (e.hasMoreElements()) {
                e.nextElement();
                found++;
            }
        } catch (IOException | RuntimeException e) {
            return -1; // only a warm-up: the JDK meets the same jars and reports what it must
        }
        return found;
    }

    /** Parses the sample: the bundle whole, then its EC pair as Go's key-pair loader does. Returns how many parsed. */
    static int run() {
        try (InputStream in = Warmup.class.getResourceAsStream("warmup.pem")) {
            if (in == null) {
                return 0;
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            int parsed = ContentReader.read(pem.getBytes(StandardCharsets.US_ASCII)).certificates().size();
            String[] blocks = pem.split("(?=-----BEGIN )");
            GoKeyPair.Result pair = GoKeyPair.load(blocks[0].getBytes(StandardCharsets.US_ASCII),
                    blocks[1].getBytes(StandardCharsets.US_ASCII));
            return parsed + (pair.ok() ? 1 : 0);
        } catch (IOException | RuntimeException e) {
            return -1; // only a warm-up: the command itself meets whatever this met, and says so
        }
    }
}
