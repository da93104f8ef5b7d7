package dev.certsd.ui.work;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
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

    private void started(String what) {
        running.add(what);
        activity.set(what);
    }

    private void finished(String what) {
        running.remove(what);
        activity.set(running.isEmpty() ? "" : running.get(running.size() - 1));
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
