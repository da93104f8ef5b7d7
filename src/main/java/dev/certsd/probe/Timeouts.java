package dev.certsd.probe;

import java.time.Duration;

/**
 * Bounds of a probe; 5 s each by default.
 *
 * @param connect   the TCP connect (and the proxy's CONNECT answer)
 * @param handshake no byte of the TLS handshake for this long
 * @param read      no byte of the HTTP answer for this long
 * @param attempt   one whole attempt, from connect to the last byte: a socket timeout restarts with every byte, so
 *                  only this bounds a server that drips its answer
 * @param overall   the whole run (every attempt of a connection test, a CA fetch): no attempt outlives it
 */
public record Timeouts(Duration connect, Duration handshake, Duration read, Duration attempt, Duration overall) {
    public static final Timeouts DEFAULT = of(Duration.ofSeconds(5));

    /** One bound for everything: what {@code --timeout S} means. */
    public static Timeouts of(Duration all) {
        return new Timeouts(all, all, all, all, all);
    }

    int connectMillis() {
        return millis(connect);
    }

    int handshakeMillis() {
        return millis(handshake);
    }

    int readMillis() {
        return millis(read);
    }

    /** When a run that starts now must be over, as a {@link System#nanoTime()} instant. */
    long overallDeadline() {
        return System.nanoTime() + nanos(overall);
    }

    /** When an attempt that starts now must be over, at the latest the run's deadline. */
    long attemptDeadline(long overallDeadline) {
        return Deadline.earlier(System.nanoTime() + nanos(attempt), overallDeadline);
    }

    /** At least 1 ns, at most about 70 years (a nanoTime instant must stay comparable by subtraction). */
    private static long nanos(Duration d) {
        long cap = Long.MAX_VALUE / 4;
        return d.compareTo(Duration.ofNanos(cap)) > 0 ? cap : Math.max(1, d.toNanos());
    }

    private static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }
}
