package dev.certsd.ui.work;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * Where long work (scans, parsing, key generation) runs: off the FX thread in the application, on the calling
 * thread in tests. Callbacks always run on the UI thread, so view models never touch properties from a worker.
 */
public interface Background extends AutoCloseable {
    /**
     * Runs {@code work} off the UI thread, then {@code done} or {@code failed} on it.
     *
     * @param activity what the status bar says while it runs
     */
    <T> void run(String activity, Callable<T> work, Consumer<? super T> done, Consumer<Throwable> failed);

    /** Runs a small action on the UI thread (events from watcher threads come back through here). */
    void onUi(Runnable action);

    /** What is running now, for the status bar; empty when idle. */
    ReadOnlyStringProperty activityProperty();

    /** Stops the worker threads, if it has any; work still queued is dropped. */
    @Override
    default void close() {
    }

    /** Everything inline on the caller's thread: for view-model tests. */
    static Background sameThread() {
        return new SameThreadBackground();
    }
}
