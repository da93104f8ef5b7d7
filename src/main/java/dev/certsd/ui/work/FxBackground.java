package dev.certsd.ui.work;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** Two daemon worker threads (the machines this runs on have few cores) with results handed to the FX thread. */
public final class FxBackground implements Background {
    private final AtomicInteger threadCount = new AtomicInteger();
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "certsd-work-" + threadCount.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper("");
    /** Activities in the order they started; touched on the FX thread only. */
    private final List<String> running = new ArrayList<>();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(UNKNOWN);
    /** The fraction done of the activities that tell one; touched on the FX thread only. */
    private final Map<String, Double> fractions = new HashMap<>();

    @Override
    public <T> void run(String what, Callable<T> work, Consumer<? super T> done, Consumer<Throwable> failed) {
        onUi(() -> started(what));
        workers.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> {
                    finished(what);
                    done.accept(result);
                });
            } catch (Throwable e) {
                // Any throwable, errors included: a task that ends must never stay "running" in the status bar.
                Platform.runLater(() -> {
                    finished(what);
                    failed.accept(e);
                });
                if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                    throw (VirtualMachineError) e;
                }
            }
        });
    }

    @Override
    public void onUi(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    /**
     * The fraction reaches the status bar at most every {@link Throttled#PERIOD_NANOS}: a 500-directory scan tells
     * it after every directory, and a bar redrawn at every pulse would cost what the spinning indicator it replaced
     * cost, a frame drawn 60 times a second while the scan needs the CPU (docs/performance.md).
     */
    @Override
    public DoubleConsumer progress(String what) {
        onUi(() -> {
            fractions.put(what, 0.0);
            showProgress();
        });
        return new Throttled(f -> Platform.runLater(() -> {
            if (fractions.containsKey(what)) {
                fractions.put(what, f);
                showProgress();
            }
        }));
    }

    @Override
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    private void started(String what) {
        running.add(what);
        activity.set(what);
        showProgress();
    }

    private void finished(String what) {
        running.remove(what);
        if (!running.contains(what)) {
            fractions.remove(what);
        }
        activity.set(running.isEmpty() ? "" : running.get(running.size() - 1));
        showProgress();
    }

    private void showProgress() {
        progress.set(fractions.getOrDefault(activity.get(), UNKNOWN));
    }

    /** Passes a fraction on when the last one passed is at least {@link #PERIOD_NANOS} old; from any thread. */
    static final class Throttled implements DoubleConsumer {
        static final long PERIOD_NANOS = 100_000_000L;
        private final DoubleConsumer sink;
        private final AtomicLong last = new AtomicLong(System.nanoTime() - PERIOD_NANOS);

        Throttled(DoubleConsumer sink) {
            this.sink = sink;
        }

        @Override
        public void accept(double fraction) {
            long now = System.nanoTime();
            long before = last.get();
            if (now - before >= PERIOD_NANOS && last.compareAndSet(before, now)) {
                sink.accept(fraction);
            }
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
