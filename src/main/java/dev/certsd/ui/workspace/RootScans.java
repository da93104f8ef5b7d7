package dev.certsd.ui.workspace;

import dev.certsd.diagnose.RootReport;
import dev.certsd.diagnose.ScanOptions;
import dev.certsd.roots.CertsRoot;
import dev.certsd.ui.UiText;
import dev.certsd.ui.work.Background;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.Function;

/**
 * Scans the listed roots off the UI thread: at most one scan per root at a time, the disk events that arrive
 * meanwhile merged into the next one, and none at all while held (the window's first frame comes first).
 */
final class RootScans {
    private final List<RootModel> roots;
    private final Function<CertsRoot, ScanOptions> scanOptions;
    private final Background background;
    private final ChangeWatcher watcher;
    private final UiText text;
    private final Consumer<RootModel> applied;
    private boolean held;
    /** Roots followed while held: watched when the hold ends, before their first scan (the first frame comes first). */
    private final List<RootModel> toWatch = new ArrayList<>();

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
        toWatch.forEach(this::watch);
        toWatch.clear();
        for (RootModel m : List.copyOf(roots)) {
            DiskEvents waiting = m.pending;
            if (waiting != null && !m.scanningProperty().get()) {
                m.pending = null;
                request(m, waiting);
            }
        }
    }

    /** Scans {@code m} now and again whenever its files change on disk. */
    void follow(RootModel m) {
        if (held) {
            toWatch.add(m);
        } else {
            watch(m);
        }
        request(m, DiskEvents.everything());
    }

    private void watch(RootModel m) {
        watcher.watch(m.root().path(), changes -> background.onUi(() -> request(m, changes)));
    }

    void unwatch(RootModel m) {
        if (toWatch.remove(m)) {
            return;
        }
        watcher.unwatch(m.root().path());
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
        RootReport previous = m.report();
        CertsRoot root = m.root();
        String activity = text.fmt("status.scanning", root.path());
        DoubleConsumer progress = background.progress(activity);
        background.run(activity,
                () -> RootScan.run(root, scanOptions.apply(root), previous, changes,
                        (done, total) -> progress.accept((double) done / total)),
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
