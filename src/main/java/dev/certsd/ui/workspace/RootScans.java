package dev.certsd.ui.workspace;

import dev.certsd.diagnose.RootReport;
import dev.certsd.diagnose.ScanOptions;
import dev.certsd.roots.CertsRoot;
import dev.certsd.ui.UiText;
import dev.certsd.ui.work.Background;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.Function;

/**
 * Scans the listed roots off the UI thread: at most one scan per root at a time, the disk events that arrive
 * meanwhile merged into the next one, and none at all while held (the window's first frame comes first). A root's
 * first scan registers its watch on the scan's own thread (500 host directories are 500 inotify watches), before it
 * reads anything, so a change made while it is read is still seen.
 */
final class RootScans {
    private final List<RootModel> roots;
    private final Function<CertsRoot, ScanOptions> scanOptions;
    private final Background background;
    private final ChangeWatcher watcher;
    private final UiText text;
    private final Consumer<RootModel> applied;
    private boolean held;
    /** The watch of each root followed and not yet unwatched (UI thread only). */
    private final Map<RootModel, Watch> watches = new HashMap<>();

    /**
     * A root's watch: registered by its first scan's thread, or called off on the UI thread before or after that.
     * The two take turns, so a root taken off the list is never left watched.
     */
    private static final class Watch {
        /** Whether a scan has taken on the registration (UI thread only). */
        boolean claimed;
        private boolean cancelled;
        private boolean registered;

        synchronized void register(Runnable watch) {
            if (!cancelled) {
                watch.run();
                registered = true;
            }
        }

        synchronized void cancel(Runnable unwatch) {
            cancelled = true;
            if (registered) {
                unwatch.run();
            }
        }
    }

    /**
     * @param roots   the roots listed now (a live list: a root taken off it is not scanned again)
     * @param applied called on the UI thread after a root's report or problem changed
     */
    RootScans(List<RootModel> roots, Function<CertsRoot, ScanOptions> scanOptions, Background background,
              ChangeWatcher watcher, UiText text, Consumer<RootModel> applied) {
        this.roots = roots;
        this.scanOptions = scanOptions;
        this.background = background;
        this.watcher = watcher;
        this.text = text;
        this.applied = applied;
    }

    /** Scans asked for from now on wait for {@link #release()}. */
    void hold() {
        held = true;
    }

    /** Starts the scans held since {@link #hold()}. */
    void release() {
        held = false;
        for (RootModel m : List.copyOf(roots)) {
            DiskEvents waiting = m.pending;
            if (waiting != null && !m.scanningProperty().get()) {
                m.pending = null;
                request(m, waiting);
            }
        }
    }

    /** Scans {@code m} now and again whenever its files change on disk (watched from its first scan on). */
    void follow(RootModel m) {
        watches.put(m, new Watch());
        request(m, DiskEvents.everything());
    }

    /** Stops watching {@code m}; waits for its first scan's thread if that is registering the watch right now. */
    void unwatch(RootModel m) {
        Watch w = watches.remove(m);
        if (w != null) {
            w.cancel(() -> watcher.unwatch(m.root().path()));
        }
    }

    /** Stops watching every root (the window is replaced). */
    void unwatchAll() {
        List.copyOf(watches.keySet()).forEach(this::unwatch);
    }

    /** Scans {@code m} for these changes now, or after the scan running now (or the hold) ends. */
    void request(RootModel m, DiskEvents changes) {
        if (!roots.contains(m)) {
            return;
        }
        if (m.scanningProperty().get() || held) {
            m.pending = changes.merge(m.pending);
            return;
        }
        m.setScanning(true);
        Watch w = watches.get(m);
        Watch register = w != null && !w.claimed ? w : null;
        if (register != null) {
            register.claimed = true;
        }
        RootReport previous = m.report();
        CertsRoot root = m.root();
        String activity = text.fmt("status.scanning", root.path());
        DoubleConsumer progress = background.progress(activity);
        background.run(activity,
                () -> {
                    if (register != null) {
                        register.register(() -> watcher.watch(root.path(),
                                events -> background.onUi(() -> request(m, events))));
                    }
                    return RootScan.run(root, scanOptions.apply(root), previous, changes,
                            (done, total) -> progress.accept((double) done / total));
                },
                outcome -> done(m, outcome),
                error -> done(m, new RootScan.Outcome(null, RootModel.Problem.UNREADABLE)));
    }

    private void done(RootModel m, RootScan.Outcome outcome) {
        m.setScanning(false);
        if (outcome.report() != null) {
            m.setReport(outcome.report());
        } else {
            m.setProblem(outcome.problem());
        }
        applied.accept(m);
        DiskEvents next = m.pending;
        m.pending = null;
        if (next != null) {
            request(m, next);
        }
    }
}
