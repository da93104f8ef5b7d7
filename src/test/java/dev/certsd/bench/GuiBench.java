package dev.certsd.bench;

import dev.certsd.ui.shell.Startup;
import dev.certsd.ui.shell.StudioApp;
import dev.certsd.ui.workspace.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Launches the real application on a certs root (the {@code gui ROOT} path) and measures, from the moment the
 * script launched the JVM: the first frame of the main window (laid out, then painted: the end of the pulse after
 * it, which waits for the renderer to finish it), the moment the tree holds every host directory and
 * file of the root, and every gap between two pulses longer than 100 ms after the first frame (an AnimationTimer
 * runs on every pulse, so a gap is time the FX thread was busy). Prints one line of figures and exits.
 * Run by {@code bench/gui-bench.sh} under Xvfb.
 */
public final class GuiBench {
    private static final long STALL_NANOS = 100_000_000L;
    private static final long WATCH_AFTER_LOAD_NANOS = 3_000_000_000L;
    private static final long GIVE_UP_NANOS = 60_000_000_000L;

    private final Path root;
    private final int hosts;
    private final int files;
    private final long launchedAtMillis;
    private volatile long toolkitMillis = -1;
    private volatile long shownMillis = -1;
    private volatile long firstLayoutMillis = -1;
    private volatile long firstFrameMillis = -1;
    private volatile long treeLoadedMillis = -1;
    /** Each stall: start (ms after the first frame), length (ms), FX-thread CPU during it (ms). */
    private final List<long[]> stalls = new ArrayList<>();
    private long maxGapNanos;
    private volatile long firstFrameCpuMillis = -1;
    private volatile long firstFrameFxCpuMillis = -1;
    private volatile long treeLoadedCpuMillis = -1;
    private volatile long treeLoadedFxCpuMillis = -1;
    private volatile DetailsProbe details;

    private GuiBench(Path root, int hosts, int files, long launchedAtMillis) {
        this.root = root;
        this.hosts = hosts;
        this.files = files;
        this.launchedAtMillis = launchedAtMillis;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: GuiBench ROOT   (-Dbench.launchedAt=EPOCH_MS: when the script started java)");
            System.exit(2);
        }
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        long launched = Long.getLong("bench.launchedAt", ProcessHandle.current().info().startInstant()
                .map(java.time.Instant::toEpochMilli).orElse(System.currentTimeMillis()));
        GuiBench bench = new GuiBench(root, BenchTree.HOSTS, BenchTree.HOSTS * BenchTree.FILES_PER_HOST, launched);
        Thread watcher = new Thread(bench::attachWhenToolkitIsUp, "gui-bench");
        watcher.setDaemon(true);
        watcher.start();
        StudioApp.launch(new Startup(null, false, root));
        bench.report();
        System.exit(bench.firstFrameMillis > 0 && bench.treeLoadedMillis > 0 ? 0 : 1);
    }

    /** Waits for the toolkit, then for the main window to be shown. */
    private void attachWhenToolkitIsUp() {
        while (true) {
            try {
                Platform.runLater(() -> {
                    toolkitMillis = System.currentTimeMillis();
                    Window.getWindows().addListener((ListChangeListener<Window>) c -> Window.getWindows()
                            .forEach(this::watch));
                    Window.getWindows().forEach(this::watch);
                });
                return;
            } catch (IllegalStateException notYet) {
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private boolean watching;

    private void watch(Window w) {
        if (watching || !(w instanceof Stage s) || !"Certs.d Studio".equals(s.getTitle()) || s.getScene() == null) {
            return;
        }
        watching = true;
        shownMillis = System.currentTimeMillis();
        Scene scene = s.getScene();
        // The first frame is laid out in the first pulse, but it is on screen only once the renderer has painted it:
        // the next pulse waits for that paint before it ends, so what runs after the next pulse runs after the paint.
        Runnable[] first = new Runnable[1];
        Runnable[] second = new Runnable[1];
        first[0] = () -> {
            scene.removePostLayoutPulseListener(first[0]);
            firstLayoutMillis = System.currentTimeMillis();
            scene.addPostLayoutPulseListener(second[0]);
            Platform.requestNextPulse();
        };
        second[0] = () -> {
            scene.removePostLayoutPulseListener(second[0]);
            Platform.runLater(() -> {
                firstFrameMillis = System.currentTimeMillis();
                firstFrameCpuMillis = processCpuMillis();
                firstFrameFxCpuMillis = millis(threadCpuNanos());
                monitor(scene);
            });
        };
        scene.addPostLayoutPulseListener(first[0]);
    }

    /** From the first frame on: every pulse's gap, and whether the whole root is in the tree yet. */
    private void monitor(Scene scene) {
        long start = System.nanoTime();
        new AnimationTimer() {
            private long last = System.nanoTime();
            private long lastCpu = threadCpuNanos();
            private long loadedAt = -1;

            @Override
            public void handle(long pulse) {
                long now = System.nanoTime();
                long cpu = threadCpuNanos();
                long gap = now - last;
                // the stalls of the start and the load; the clicks of the details probe are timed by it
                if (details == null) {
                    maxGapNanos = Math.max(maxGapNanos, gap);
                }
                if (gap > STALL_NANOS && details == null) {
                    stalls.add(new long[] {(last - start) / 1_000_000, gap / 1_000_000, (cpu - lastCpu) / 1_000_000});
                }
                last = now;
                lastCpu = cpu;
                if (loadedAt < 0 && treeComplete(scene)) {
                    loadedAt = now;
                    treeLoadedMillis = System.currentTimeMillis();
                    treeLoadedCpuMillis = processCpuMillis();
                    treeLoadedFxCpuMillis = millis(cpu);
                }
                // after the watch: the details of certificate files, selected one at a time (DetailsProbe)
                boolean watched = loadedAt > 0 && now - loadedAt > WATCH_AFTER_LOAD_NANOS;
                if (watched && details == null) {
                    details = new DetailsProbe(scene);
                }
                if ((watched && details.step()) || now - start > GIVE_UP_NANOS) {
                    stop();
                    Platform.exit();
                }
            }
        }.start();
    }

    private boolean treeComplete(Scene scene) {
        if (!(scene.lookup("#roots-tree") instanceof TreeView<?> tree) || tree.getRoot() == null) {
            return false;
        }
        for (TreeItem<?> r : tree.getRoot().getChildren()) {
            if (r.getValue() instanceof Node.RootNode n && n.model().root().path().equals(root)) {
                int h = r.getChildren().size();
                int f = 0;
                for (TreeItem<?> host : r.getChildren()) {
                    f += host.getChildren().size();
                }
                return h == hosts && f == files;
            }
        }
        return false;
    }

    private long since(long millis) {
        return millis < 0 ? -1 : millis - launchedAtMillis;
    }

    /**
     * Without java.management, which the installed app's runtime leaves out (bench/all.sh runs this class on it):
     * the process's CPU from ProcessHandle, the calling thread's from Linux's schedstat (-1 elsewhere).
     */
    private static long processCpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
    }

    private static long millis(long nanos) {
        return nanos < 0 ? -1 : nanos / 1_000_000;
    }

    /** Each thread's own schedstat, opened once (read on every pulse: a new open each time cost the FX thread). */
    private static final ThreadLocal<java.io.RandomAccessFile> SCHEDSTAT = ThreadLocal.withInitial(() -> {
        try {
            return new java.io.RandomAccessFile("/proc/thread-self/schedstat", "r");
        } catch (java.io.IOException e) {
            return null;
        }
    });

    private static long threadCpuNanos() {
        java.io.RandomAccessFile stat = SCHEDSTAT.get();
        if (stat == null) {
            return -1;
        }
        try {
            byte[] b = new byte[64];
            stat.seek(0);
            int n = stat.read(b);
            if (n <= 0) {
                return -1;
            }
            long ns = 0;
            for (int i = 0; i < n && b[i] >= '0' && b[i] <= '9'; i++) {
                ns = ns * 10 + (b[i] - '0');
            }
            return ns;
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    /**
     * Milliseconds from launch: the toolkit up (first runLater), the window shown, its first frame, the full tree;
     * the CPU the process and the FX thread had used by then (on a loaded machine wall time is mostly waiting); the
     * stalls, and among them those where the FX thread itself worked 100 ms or more (the others are time the OS did
     * not run it, or it waited for the renderer).
     */
    private void report() {
        StringBuilder worst = new StringBuilder();
        stalls.stream().sorted((a, b) -> Long.compare(b[1], a[1])).limit(5)
                .forEach(s -> worst.append(String.format(Locale.ROOT, " %d@%d(cpu %d)", s[1], s[0], s[2])));
        long busy = stalls.stream().filter(s -> s[2] >= STALL_NANOS / 1_000_000).count();
        System.out.printf(Locale.ROOT, "toolkitMs=%d windowMs=%d firstLayoutMs=%d firstFrameMs=%d treeLoadedMs=%d"
                + " stallsOver100ms=%d busyStallsOver100ms=%d maxGapMs=%d cpuAtFirstFrameMs=%d fxCpuAtFirstFrameMs=%d"
                + " cpuAtTreeLoadedMs=%d fxCpuAtTreeLoadedMs=%d %s worst(ms@t)=[%s]%n", since(toolkitMillis),
                since(shownMillis), since(firstLayoutMillis), since(firstFrameMillis), since(treeLoadedMillis),
                stalls.size(), busy,
                maxGapNanos / 1_000_000, firstFrameCpuMillis, firstFrameFxCpuMillis, treeLoadedCpuMillis,
                treeLoadedFxCpuMillis, DetailsProbe.report(details),
                worst.toString().trim());
    }
}
