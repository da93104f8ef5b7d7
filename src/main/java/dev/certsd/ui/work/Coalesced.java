package dev.certsd.ui.work;

import java.util.function.Consumer;

/**
 * An update run once, later, however often it is asked for before then. Views that follow every rescan use it to
 * leave the tree's own update alone in its frame: a 500-directory root then updates in two short steps, not in
 * one long stall of the UI thread.
 */
public final class Coalesced {
    private final Consumer<Runnable> later;
    private final Runnable update;
    private boolean pending;

    /** @param later how to run something later on the UI thread ({@code Platform::runLater}; {@code Runnable::run} runs it now) */
    public Coalesced(Consumer<Runnable> later, Runnable update) {
        this.later = later;
        this.update = update;
    }

    public void request() {
        if (pending) {
            return;
        }
        pending = true;
        later.accept(() -> {
            pending = false;
            update.run();
        });
    }
}
