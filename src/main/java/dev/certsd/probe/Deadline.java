package dev.certsd.probe;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Closes a socket when its time is up, whatever the peer does meanwhile. A socket read timeout restarts with every
 * byte, so a server that drips one byte a second never trips it; closing the socket ends any blocked connect, read
 * or write at once. One daemon timer thread serves the whole process.
 */
final class Deadline implements AutoCloseable {
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final ScheduledFuture<?> task;
    private volatile boolean passed;

    private Deadline(long atNanos, Closeable target) {
        this.task = TIMER.schedule(() -> {
            passed = true;
            try {
                target.close();
            } catch (IOException e) {
                // already closed: the attempt is over either way
            }
        }, Math.max(0, atNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /**
     * Closes {@code target} when {@link System#nanoTime()} reaches {@code atNanos} (at once when it has), unless
     * {@link #close()} comes first.
     */
    static Deadline at(long atNanos, Closeable target) {
        return new Deadline(atNanos, target);
    }

    /** The earlier of two {@link System#nanoTime()} instants (overflow-safe, as nanoTime values must be compared). */
    static long earlier(long a, long b) {
        return a - b < 0 ? a : b;
    }

    /** Whether the deadline closed the socket (so whatever failed afterwards failed because time was up). */
    boolean passed() {
        return passed;
    }

    /** The work ended in time: the socket is no longer this deadline's to close. */
    @Override
    public void close() {
        task.cancel(false);
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "certsd-probe-deadline");
            thread.setDaemon(true);
            return thread;
        });
        t.setRemoveOnCancelPolicy(true);
        return t;
    }
}
