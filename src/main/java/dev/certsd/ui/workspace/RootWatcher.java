package dev.certsd.ui.workspace;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches each root and its host directories with the platform's WatchService, on one daemon thread. Events
 * are gathered until the disk has been quiet for a moment (an editor's save or a {@code cp -r} is many events),
 * then handed over as one {@link DiskEvents} per root, well within the second the window promises.
 */
public final class RootWatcher implements ChangeWatcher {
    private static final long QUIET_MS = 120;
    private static final long MAX_WAIT_MS = 400;

    private record Watched(Path root, String host) {
    }

    private final WatchService service;
    private final Map<WatchKey, Watched> keys = new ConcurrentHashMap<>();
    private final Map<Path, Consumer<DiskEvents>> listeners = new ConcurrentHashMap<>();
    private final Thread thread;

    public RootWatcher() throws IOException {
        service = FileSystems.getDefault().newWatchService();
        thread = new Thread(this::loop, "certsd-watch");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void watch(Path root, Consumer<DiskEvents> onChange) {
        listeners.put(root, onChange);
        register(root, null);
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path d : dirs) {
                register(d, d.getFileName().toString());
            }
        } catch (IOException e) {
            // an unreadable or missing root shows its problem in the tree; nothing to watch inside it
        }
    }

    @Override
    public void unwatch(Path root) {
        listeners.remove(root);
        keys.entrySet().removeIf(e -> {
            if (e.getValue().root().equals(root)) {
                e.getKey().cancel();
                return true;
            }
            return false;
        });
    }

    private void register(Path dir, String host) {
        Path root = host == null ? dir : dir.getParent();
        try {
            keys.put(dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), new Watched(root, host));
        } catch (IOException e) {
            // gone already, or not readable: the scan reports it
        }
    }

    private void loop() {
        try {
            while (true) {
                Map<Path, DiskEvents> batch = new HashMap<>();
                collect(service.take(), batch);
                long deadline = System.currentTimeMillis() + MAX_WAIT_MS;
                WatchKey next;
                while (System.currentTimeMillis() < deadline
                        && (next = service.poll(QUIET_MS, TimeUnit.MILLISECONDS)) != null) {
                    collect(next, batch);
                }
                batch.forEach((root, changes) -> {
                    Consumer<DiskEvents> listener = listeners.get(root);
                    if (listener != null) {
                        listener.accept(changes);
                    }
                });
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the window is going away
        }
    }

    private void collect(WatchKey key, Map<Path, DiskEvents> batch) {
        Watched w = keys.get(key);
        Set<String> hosts = new HashSet<>();
        boolean whole = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (w == null) {
                continue;
            }
            if (event.kind() == OVERFLOW) {
                whole = true;
            } else if (w.host() != null) {
                hosts.add(w.host());
            } else {
                Path child = w.root().resolve((Path) event.context());
                if (event.kind() == ENTRY_MODIFY && Files.isDirectory(child)) {
                    hosts.add(child.getFileName().toString());
                    continue;
                }
                // a host directory appeared or went away (or a stray file in the root): rescan the root
                whole = true;
                if (event.kind() == ENTRY_CREATE && Files.isDirectory(child)) {
                    register(child, child.getFileName().toString());
                }
            }
        }
        if (!key.reset()) {
            keys.remove(key);
            if (w != null) {
                whole = true;
            }
        }
        if (w != null && (whole || !hosts.isEmpty())) {
            batch.merge(w.root(), new DiskEvents(whole, hosts), DiskEvents::merge);
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // closing a watch service releases inotify handles; nothing useful to do if that fails
        }
        thread.interrupt();
    }
}
