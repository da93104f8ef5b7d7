package dev.certsd.ui.work;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
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

    /** {@link #progressProperty()} when the activity shown tells no fraction done (the status bar shows no bar). */
    double UNKNOWN = -1;

    /**
     * Where the work of {@code activity} tells how far it is (0 to 1), from any thread; asked for on the UI thread
     * before {@link #run}, so the status bar shows a fraction from the start. Ignored by default.
     */
    default DoubleConsumer progress(String activity) {
        return fraction -> {
        };
    }

    /** How far the activity shown is, 0 to 1, or {@link #UNKNOWN}. */
    default ReadOnlyDoubleProperty progressProperty() {
        return new ReadOnlyDoubleWrapper(UNKNOWN).getReadOnlyProperty();
    }

    /** Stops the worker threads, if it has any; work still queued is dropped. */
    @Override
    default void close() {
    }

    /** Everything inline on the caller's thread: for view-model tests. */
    static Background sameThread() {
        return new SameThreadBackground();
    }
}
