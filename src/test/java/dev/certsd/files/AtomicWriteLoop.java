package dev.certsd.files;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Set;

/**
 * The writer process of the fault test: writes {@code count} times, from write number {@code first} on, to a few
 * targets in turn, each alternating between two known contents, and reports each finished write on stdout. The
 * test kills it with SIGKILL at random points and starts it again where it left off.
 */
public final class AtomicWriteLoop {
    static final String[] TARGETS = {"t0.key", "t1.crt", "t2.cert"};
    /** Large enough that a kill often lands inside a write, not only between two. */
    static final int SIZE = 192 * 1024;

    private AtomicWriteLoop() {
    }

    /** Write number {@code i} goes to target {@code i % 3}, with version {@code (i / 3) % 2}. */
    static int target(long i) {
        return (int) (i % TARGETS.length);
    }

    static int version(long i) {
        return (int) ((i / TARGETS.length) % 2);
    }

    static byte[] content(int target, int version) {
        byte[] b = new byte[SIZE + target * 1000 + version * 333];
        Arrays.fill(b, (byte) ('A' + target * 2 + version));
        byte[] head = ("target " + target + " version " + version + "\n").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    static Set<PosixFilePermission> mode(int target) {
        return TARGETS[target].endsWith(".key") ? FileModes.KEY : FileModes.CERTIFICATE;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        long first = Long.parseLong(args[1]);
        long count = Long.parseLong(args[2]);
        byte[][][] contents = new byte[TARGETS.length][2][];
        for (int t = 0; t < TARGETS.length; t++) {
            contents[t][0] = content(t, 0);
            contents[t][1] = content(t, 1);
        }
        PrintStream out = System.out;
        out.println("ready " + ProcessHandle.current().pid());
        out.flush();
        for (long i = first; i < first + count; i++) {
            int t = target(i);
            AtomicWriter.write(dir.resolve(TARGETS[t]), contents[t][version(i)], mode(t), true, null);
            out.println(i);
            out.flush();
        }
    }
}
