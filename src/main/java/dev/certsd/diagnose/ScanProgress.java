package dev.certsd.diagnose;

/**
 * Told each time a host directory of a root's scan is done, from whichever thread scanned it, so a window can show
 * how far a long scan is. Called often (once a directory) and concurrently: an implementation must be quick and
 * thread-safe.
 */
@FunctionalInterface
public interface ScanProgress {
    /** Tells nothing to anyone. */
    ScanProgress NONE = (done, total) -> {
    };

    /** {@code done} of {@code total} host directories are scanned; {@code done} reaches {@code total} once. */
    void scanned(int done, int total);
}
