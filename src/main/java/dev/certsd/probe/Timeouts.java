package dev.certsd.probe;

import java.time.Duration;

/** Bounds of each phase of an attempt; 5 s each by default. */
public record Timeouts(Duration connect, Duration handshake, Duration read) {
    public static final Timeouts DEFAULT = of(Duration.ofSeconds(5));

    public static Timeouts of(Duration all) {
        return new Timeouts(all, all, all);
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

    private static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }
}
