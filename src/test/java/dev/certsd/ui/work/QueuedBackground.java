package dev.certsd.ui.work;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Work on its own thread, callbacks queued for the test's thread, which plays the UI thread: so a test can act
 * (cancel, re-run, press Stop while a key is generated) while work is running, without a JavaFX toolkit.
 */
public final class QueuedBackground implements Background {
    private final BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper("");
    /** Work started whose result (or failure) has not been handed to the test's thread yet. */
    private final AtomicInteger unfinished = new AtomicInteger();

    @Override
    public <T> void run(String what, Callable<T> work, Consumer<? super T> done, Consumer<Throwable> failed) {
        unfinished.incrementAndGet();
        Thread t = new Thread(() -> {
            try {
                T result = work.call();
                ui.add(() -> {
                    unfinished.decrementAndGet();
                    done.accept(result);
                });
            } catch (Exception e) {
                ui.add(() -> {
                    unfinished.decrementAndGet();
                    failed.accept(e);
                });
            }
        }, "queued-background");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void onUi(Runnable action) {
        ui.add(action);
    }

    @Override
    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    /** Runs queued callbacks until all work started has handed back its result; false when time runs out. */
    public boolean drainAll(Duration max) throws InterruptedException {
        return drainUntil(() -> unfinished.get() == 0, max);
    }

    /** Runs queued callbacks on the calling thread until {@code condition} holds; false when time runs out. */
    public boolean drainUntil(BooleanSupplier condition, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            Runnable r = ui.poll(left, TimeUnit.NANOSECONDS);
            if (r != null) {
                r.run();
            }
        }
        return true;
    }
}
