package dev.certsd.fleet;

import dev.certsd.diagnose.RootReport;
import dev.certsd.remote.RemoteAccess;
import dev.certsd.remote.RemoteException;
import dev.certsd.remote.RemoteMachine;
import dev.certsd.remote.RemoteProblem;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Checks the machines of an inventory in parallel, with at most {@code maxConnections} SSH connections open at
 * once; each machine is connected, read and disconnected in turn. A machine that cannot be read is a result too.
 */
public final class FleetChecker {
    /** How many connections a fleet check opens at most by default. */
    public static final int DEFAULT_MAX_CONNECTIONS = 8;

    /** How one machine is read once connected (which root, as which client). */
    @FunctionalInterface
    public interface MachineScan {
        RootReport scan(RemoteMachine machine) throws IOException;
    }

    private final RemoteAccess access;
    private final int maxConnections;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger maxOpen = new AtomicInteger();

    public FleetChecker(RemoteAccess access, int maxConnections) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections");
        }
        this.access = access;
        this.maxConnections = maxConnections;
    }

    /**
     * Checks every entry; {@code done} hears of each machine as it is finished (from a worker thread);
     * {@code cancelled} stops machines not yet started.
     */
    public FleetReport check(List<InventoryEntry> entries, MachineScan scan, Consumer<MachineResult> done,
                             BooleanSupplier cancelled) throws InterruptedException {
        long start = System.nanoTime();
        int threads = Math.max(1, Math.min(maxConnections, entries.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "certsd-fleet");
            t.setDaemon(true);
            return t;
        });
        List<Future<MachineResult>> futures = new ArrayList<>();
        try {
            for (InventoryEntry e : entries) {
                futures.add(pool.submit(() -> {
                    if (cancelled.getAsBoolean()) {
                        return null;
                    }
                    MachineResult r = one(e, scan);
                    done.accept(r);
                    return r;
                }));
            }
            List<MachineResult> results = new ArrayList<>();
            for (Future<MachineResult> f : futures) {
                try {
                    MachineResult r = f.get();
                    if (r != null) {
                        results.add(r);
                    }
                } catch (java.util.concurrent.ExecutionException ex) {
                    throw new IllegalStateException(ex.getCause());
                }
            }
            return new FleetReport(results, maxOpen.get(), Duration.ofNanos(System.nanoTime() - start),
                    results.size() < entries.size());
        } finally {
            pool.shutdownNow();
        }
    }

    private MachineResult one(InventoryEntry e, MachineScan scan) {
        long start = System.nanoTime();
        int now = open.incrementAndGet();
        maxOpen.accumulateAndGet(now, Math::max);
        try (RemoteMachine m = access.open(e.target())) {
            RootReport report = scan.scan(m);
            return new MachineResult(e, report, null, null, Duration.ofNanos(System.nanoTime() - start));
        } catch (RemoteException ex) {
            RemoteProblem p = ex.problem();
            String named = e.name().equals(e.target().label()) ? p.machine() : e.name() + " (" + p.machine() + ")";
            return new MachineResult(e, null, new RemoteProblem(p.kind(), named, p.args()), null,
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException | RuntimeException ex) {
            return new MachineResult(e, null, null, String.valueOf(ex.getMessage()),
                    Duration.ofNanos(System.nanoTime() - start));
        } finally {
            open.decrementAndGet();
        }
    }
}
