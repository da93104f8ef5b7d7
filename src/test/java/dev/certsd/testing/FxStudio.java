package dev.certsd.testing;

import dev.certsd.diagnose.ScanOptions;
import dev.certsd.roots.CertsRoot;
import dev.certsd.ui.probe.ProbeRunner;
import dev.certsd.ui.shell.AppDirs;
import dev.certsd.ui.shell.StudioContext;
import dev.certsd.ui.work.FxBackground;
import dev.certsd.ui.workspace.RootWatcher;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.util.WaitForAsyncUtils;

/**
 * For GUI tests that drive the real window: builds the app's {@link StudioContext} on a temporary home (worker
 * threads, a real watcher), closes it (and anything else handed to {@link #closeAfter}) after each test, and is the
 * one way to wait for the UI. Register it beside TestFX's extension:
 * <pre>
 * &#64;ExtendWith(ApplicationExtension.class)
 * class FooTest {
 *     &#64;RegisterExtension
 *     final FxStudio studio = new FxStudio();
 *
 *     &#64;Start
 *     void start(Stage stage) {
 *         context = studio.on(home).roots(List.of(root)).locale(Locale.JAPANESE).open();
 *         ...
 *         FxStudio.waitUntil(() -> window.roots().node(key).isPresent(), 20);
 * </pre>
 * Closing happens after the test's own {@code @AfterEach} methods and before TestFX closes the stages.
 */
public final class FxStudio implements AfterEachCallback {
    private final Deque<AutoCloseable> open = new ArrayDeque<>();

    /** A context on {@code home/config} and {@code home/data}; adjust it, then {@link Builder#open()}. */
    public Builder on(Path home) {
        return new Builder(home);
    }

    /** Closes {@code resource} after the test (last handed, first closed); returns it. */
    public synchronized <T extends AutoCloseable> T closeAfter(T resource) {
        open.push(resource);
        return resource;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Exception first = null;
        while (true) {
            AutoCloseable next;
            synchronized (this) {
                next = open.poll();
            }
            if (next == null) {
                break;
            }
            try {
                next.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * Waits up to {@code seconds} until {@code condition} holds. The condition runs on the FX thread (it may read
     * nodes and properties), each time after the events queued so far have run; it should not block.
     */
    public static void waitUntil(Callable<Boolean> condition, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return Boolean.TRUE.equals(WaitForAsyncUtils.asyncFx(condition).get());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** {@link #waitUntil(Callable, int)} with ten seconds. */
    public static void waitUntil(Callable<Boolean> condition) throws Exception {
        waitUntil(condition, 10);
    }

    /** A test's context; unless set: no roots, English, the system clock, the fixtures' scan options. */
    public final class Builder {
        private final Path home;
        private List<CertsRoot> roots = List.of();
        private Locale locale = Locale.ENGLISH;
        private Clock clock = Clock.systemUTC();
        private Function<CertsRoot, ScanOptions> scanOptions = r -> Fixtures.options(r.client());
        private ProbeRunner probes;

        private Builder(Path home) {
            this.home = home;
        }

        /** The roots discovery finds (none: a fresh machine, whatever the test host has in /etc). */
        public Builder roots(List<CertsRoot> r) {
            this.roots = List.copyOf(r);
            return this;
        }

        public Builder locale(Locale l) {
            this.locale = l;
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        public Builder scanOptions(Function<CertsRoot, ScanOptions> options) {
            this.scanOptions = options;
            return this;
        }

        /** How connection tests run (default: as on this machine, with these scan options). */
        public Builder probes(ProbeRunner runner) {
            this.probes = runner;
            return this;
        }

        /** The context, closed after the test. */
        public StudioContext open() throws IOException {
            List<CertsRoot> found = roots;
            AppDirs dirs = new AppDirs(home.resolve("config"), home.resolve("data"));
            ProbeRunner runner = probes != null ? probes : ProbeRunner.onThisMachine(scanOptions);
            RootWatcher watcher = closeAfter(new RootWatcher());
            return closeAfter(new StudioContext(() -> found, dirs, locale, clock, new FxBackground(), watcher,
                    scanOptions, runner));
        }
    }
}
