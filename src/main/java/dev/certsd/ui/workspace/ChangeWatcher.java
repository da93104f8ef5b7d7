package dev.certsd.ui.workspace;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Tells when files under a root change on disk; events arrive on the watcher's own thread. Roots are watched and
 * unwatched from any thread (a root's first scan registers its watch on the scan's thread).
 */
public interface ChangeWatcher extends AutoCloseable {
    void watch(Path root, Consumer<DiskEvents> onChange);

    void unwatch(Path root);

    @Override
    void close();

    /** Never reports anything: for view-model tests that drive rescans themselves. */
    static ChangeWatcher none() {
        return new ChangeWatcher() {
            @Override
            public void watch(Path root, Consumer<DiskEvents> onChange) {
            }

            @Override
            public void unwatch(Path root) {
            }

            @Override
            public void close() {
            }
        };
    }
}
