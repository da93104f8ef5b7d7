package dev.certsd.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault test of issue 5: a separate writer process loops over 1,000 atomic writes and is killed with SIGKILL at
 * 100+ random points, restarted after each kill. After every kill each target holds exactly the old or the new
 * content of the write in flight (never a mix, never empty) with its mode; the next writer removes any temporary
 * file the killed one left; at the end no temporary file is left at all.
 */
class KillDuringWritesTest {
    private static final int WRITES = 1000;
    private static final int KILLS = 100;

    @TempDir
    Path dir;

    @Test
    void sigkillAtRandomPointsLeavesOldOrNewContentAndNoStrayTemporaryFile() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String why = " (seed " + seed + ")";
        for (int t = 0; t < AtomicWriteLoop.TARGETS.length; t++) {
            AtomicWriter.write(target(t), AtomicWriteLoop.content(t, 0), AtomicWriteLoop.mode(t), false, null);
        }
        // Before write 0 each target holds version 0: as if writes -3..-1 had been done.
        long done = 0;
        int kills = 0;
        int killedMidWrite = 0;
        int straysCleaned = 0;
        long started = System.nanoTime();
        while (done < WRITES || kills < KILLS) {
            Writer w = Writer.start(dir, done, WRITES);
            // A random point: after a random number of writes of this run, a random fraction of a write later.
            w.awaitWrites(1 + random.nextInt(18));
            boolean killed = w.killAfterMicros(random.nextInt(4000));
            long acknowledged = w.lastAcknowledged();
            w.cleanUp();
            if (killed) {
                kills++;
                List<Path> temps = temporaryFiles();
                if (!temps.isEmpty()) {
                    killedMidWrite++;
                }
                // The writer now dead, the next one removes its temporary file before its first write.
                for (Path p : temps) {
                    assertTrue(p.getFileName().toString().contains("-" + w.pid() + "-"),
                            "only the killed writer's own temporary file may be left: " + p + why);
                }
                straysCleaned += temps.size();
            } else {
                assertEquals(0, w.exitCode(), "the writer finished" + why);
            }
            long next = acknowledged + 1;
            for (int t = 0; t < AtomicWriteLoop.TARGETS.length; t++) {
                assertOldOrNew(t, acknowledged, next, why);
            }
            done = next;
        }
        // One last short run: its first write removes whatever the last killed writer left.
        Writer last = Writer.start(dir, done, 3);
        last.killAfterMicros(Long.MAX_VALUE);
        last.cleanUp();
        assertEquals(List.of(), temporaryFiles(), "no stray temporary file" + why);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        System.out.printf("fault test: %d writes, %d SIGKILLs (%d inside a write, %d temporary files cleaned up), %d s%n",
                done + 3, kills, killedMidWrite, straysCleaned, seconds);
        assertTrue(kills >= KILLS && done >= WRITES);
    }

    /** The target of the writes holds the content of the last acknowledged write to it, or of the one in flight. */
    private void assertOldOrNew(int t, long acknowledged, long inFlight, String why) throws IOException {
        byte[] actual = Files.readAllBytes(target(t));
        long last = acknowledged;
        while (last >= 0 && AtomicWriteLoop.target(last) != t) {
            last--;
        }
        byte[] old = AtomicWriteLoop.content(t, last < 0 ? 0 : AtomicWriteLoop.version(last));
        long nextToT = inFlight;
        while (AtomicWriteLoop.target(nextToT) != t) {
            nextToT++;
        }
        byte[] fresh = AtomicWriteLoop.content(t, AtomicWriteLoop.version(nextToT));
        boolean ok = java.util.Arrays.equals(actual, old) || (nextToT == inFlight && java.util.Arrays.equals(actual, fresh));
        if (!ok) {
            assertArrayEquals(old, actual, AtomicWriteLoop.TARGETS[t] + " is neither old nor new" + why);
        }
        assertEquals(PosixFilePermissions.toString(AtomicWriteLoop.mode(t)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(target(t))), why);
    }

    private Path target(int t) {
        return dir.resolve(AtomicWriteLoop.TARGETS[t]);
    }

    private List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !List.of(AtomicWriteLoop.TARGETS).contains(p.getFileName().toString())).toList();
        }
    }

    /**
     * The writer process. Its acknowledgements go to a file, not a pipe: the JDK closes a killed process's pipes
     * at once, which would lose the last lines.
     */
    private static final class Writer {
        private final Process process;
        private final Path acks;
        private final long first;

        private Writer(Process process, Path acks, long first) {
            this.process = process;
            this.acks = acks;
            this.first = first;
        }

        static Writer start(Path dir, long first, long count) throws IOException {
            Path acks = Files.createTempFile("certsd-acks", ".txt");
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m",
                    "--add-opens=java.base/sun.nio.fs=ALL-UNNAMED", "-cp", classPath(),
                    AtomicWriteLoop.class.getName(), dir.toString(), Long.toString(first), Long.toString(count)));
            Process p = new ProcessBuilder(cmd).redirectOutput(acks.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return new Writer(p, acks, first);
        }

        /** Only our classes: the writer needs no library, and a short class path starts faster. */
        private static String classPath() {
            List<String> keep = new ArrayList<>();
            for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
                if (e.endsWith("classes") || e.endsWith("test-classes")) {
                    keep.add(e);
                }
            }
            return String.join(File.pathSeparator, keep);
        }

        /** Waits until the writer has done {@code n} writes, so the kill lands among writes, not at start-up. */
        void awaitWrites(int n) throws IOException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (lastAcknowledged() < first + n - 1 && process.isAlive()) {
                assertTrue(System.nanoTime() < deadline, "the writer writes");
                LockSupport.parkNanos(200_000);
            }
        }

        /** Kills it with SIGKILL after the delay, unless it finished first; returns whether it was killed. */
        boolean killAfterMicros(long micros) throws InterruptedException {
            boolean finished = micros == Long.MAX_VALUE ? process.waitFor(60, TimeUnit.SECONDS)
                    : process.waitFor(micros, TimeUnit.MICROSECONDS);
            if (!finished) {
                process.destroyForcibly(); // SIGKILL on Linux
                process.waitFor();
            }
            return !finished;
        }

        /** The last write the writer reported finished (a line cut by the kill does not count). */
        long lastAcknowledged() throws IOException {
            String text = Files.readString(acks, StandardCharsets.US_ASCII);
            long last = first - 1;
            for (String line : text.split("\n", -1)) {
                if (!line.isEmpty() && !line.startsWith("ready") && text.contains(line + "\n")) {
                    last = Long.parseLong(line);
                }
            }
            return last;
        }

        void cleanUp() throws IOException {
            Files.deleteIfExists(acks);
        }

        long pid() {
            return process.pid();
        }

        int exitCode() {
            return process.exitValue();
        }
    }
}
