package dev.certsd.ui.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.diagnose.ScanOptions;
import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.roots.HostsFileResolver;
import dev.certsd.roots.InsecureRegistries;
import dev.certsd.roots.OsFamily;
import dev.certsd.testing.TestPki;
import dev.certsd.ui.UiText;
import dev.certsd.ui.work.Background;
import dev.certsd.ui.work.QueuedBackground;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A root's watch is registered by its first scan's thread, not the UI thread (500 host directories are 500 inotify
 * watches), and a root taken off the list is never left watched, whenever that happens.
 */
class RootWatchRegistrationTest {
    @TempDir
    Path tmp;
    private Path docker;
    private final QueuedBackground background = new QueuedBackground();
    /** Watched roots and the thread that registered each. */
    private final Map<Path, String> watched = new ConcurrentHashMap<>();
    private final Map<Path, Consumer<DiskEvents>> listeners = new ConcurrentHashMap<>();
    /** Counted down when a registration has begun; the registration then waits for {@link #proceed}. */
    private final CountDownLatch registering = new CountDownLatch(1);
    private volatile CountDownLatch proceed = new CountDownLatch(0);

    private final ChangeWatcher watcher = new ChangeWatcher() {
        @Override
        public void watch(Path root, Consumer<DiskEvents> onChange) {
            registering.countDown();
            try {
                assertTrue(proceed.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            listeners.put(root, onChange);
            watched.put(root, Thread.currentThread().getName());
        }

        @Override
        public void unwatch(Path root) {
            watched.remove(root);
            listeners.remove(root);
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void setUp() throws Exception {
        docker = Files.createDirectories(tmp.resolve("certs.d"));
        TestPki.write(docker.resolve("reg:5000"), "ca.crt", TestPki.cert("CN=ca").ca().build().certPem());
    }

    private RootsViewModel model(Background on) {
        ScanOptions options = new ScanOptions(Client.DOCKER, OsFamily.LINUX, Clock.systemUTC(), 30,
                InsecureRegistries.defaults(HostsFileResolver.of(tmp.resolve("none"))), false, 1 << 20);
        return new RootsViewModel(() -> List.of(CertsRoot.custom(docker, Client.DOCKER)), List.of(), r -> options,
                on, watcher, () -> tmp.resolve("sample"), new UiText(Locale.ENGLISH));
    }

    @Test
    void theFirstScansThreadRegistersTheWatchAndItsEventsRescan() throws Exception {
        RootsViewModel model = model(background);
        model.start();
        assertTrue(background.drainAll(Duration.ofSeconds(10)));
        assertEquals(Set.of(docker), watched.keySet());
        assertNotEquals(Thread.currentThread().getName(), watched.get(docker), "not registered on the UI thread");
        assertEquals(1, model.roots().get(0).report().hosts().size());

        TestPki.write(docker.resolve("other:5000"), "ca.crt", TestPki.cert("CN=o").ca().build().certPem());
        listeners.get(docker).accept(DiskEvents.everything());
        assertTrue(background.drainUntil(() -> model.roots().get(0).report().hosts().size() == 2,
                Duration.ofSeconds(10)), "an event from the watch registered on the scan's thread rescans the root");
    }

    @Test
    void aRootRemovedWhileItsWatchIsRegisteredIsUnwatchedOnceTheRegistrationEnds() throws Exception {
        proceed = new CountDownLatch(1);
        RootsViewModel model = model(background);
        model.start();
        assertTrue(registering.await(10, TimeUnit.SECONDS));
        Thread release = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            proceed.countDown();
        });
        release.start();
        model.remove(docker);   // waits for the registration under way, then undoes it
        assertEquals(Set.of(), watched.keySet(), "a removed root is not left watched");
        assertTrue(background.drainAll(Duration.ofSeconds(10)));
        assertEquals(Set.of(), watched.keySet());
        release.join();
    }

    @Test
    void aRootRemovedBeforeItsFirstScanRunsIsNeverWatched() throws Exception {
        List<Runnable> queued = new ArrayList<>();
        Background now = Background.sameThread();
        Background later = new Background() {   // the same thread, once the test runs what was queued
            @Override
            public <T> void run(String what, Callable<T> work, Consumer<? super T> done,
                                Consumer<Throwable> failed) {
                queued.add(() -> now.run(what, work, done, failed));
            }

            @Override
            public void onUi(Runnable action) {
                now.onUi(action);
            }

            @Override
            public ReadOnlyStringProperty activityProperty() {
                return now.activityProperty();
            }
        };
        RootsViewModel model = model(later);
        model.start();
        assertEquals(1, queued.size(), "the first scan waits in the queue");
        model.remove(docker);
        queued.forEach(Runnable::run);
        assertEquals(Set.of(), watched.keySet(), "its scan ran after the root was removed, and did not watch it");
        assertEquals(1, registering.getCount(), "the watcher was not even asked");
    }
}
