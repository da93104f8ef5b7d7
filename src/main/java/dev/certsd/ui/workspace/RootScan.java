package dev.certsd.ui.workspace;

import dev.certsd.diagnose.HostReport;
import dev.certsd.diagnose.RootReport;
import dev.certsd.diagnose.RootScanner;
import dev.certsd.diagnose.ScanProgress;
import dev.certsd.diagnose.ScanOptions;
import dev.certsd.roots.CertsRoot;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** One scan of a root, whole or only the host directories that changed; runs on a worker thread. */
final class RootScan {
    /** The snapshot, or why there is none. */
    record Outcome(RootReport report, RootModel.Problem problem) {
    }

    private RootScan() {
    }

    /** Scans {@code root} as {@code changes} ask, telling {@code progress} of each host directory scanned. */
    static Outcome run(CertsRoot root, ScanOptions options, RootReport previous, DiskEvents changes,
                       ScanProgress progress) {
        RootScanner scanner = new RootScanner(options, progress);
        try {
            if (previous == null || changes.whole()) {
                return new Outcome(scanner.scan(root, List.of()), null);
            }
            try {
                return new Outcome(merge(scanner, options, root, previous, changes), null);
            } catch (NoSuchFileException e) {
                // a host directory went away between the event and the scan: fall back to the whole root
                return new Outcome(scanner.scan(root, List.of()), null);
            }
        } catch (NoSuchFileException e) {
            return new Outcome(null, RootModel.Problem.MISSING);
        } catch (NotDirectoryException e) {
            return new Outcome(null, RootModel.Problem.NOT_A_DIRECTORY);
        } catch (IOException e) {
            return new Outcome(null, RootModel.Problem.UNREADABLE);
        }
    }

    /** Rescans only the changed host directories and puts them in place among the others, in load order. */
    private static RootReport merge(RootScanner scanner, ScanOptions options, CertsRoot root, RootReport previous, DiskEvents changes)
            throws IOException {
        List<String> present = changes.hostDirs().stream()
                .filter(h -> RootScanner.isHostEntry(root.path().resolve(h), options)).toList();
        List<HostReport> hosts = new ArrayList<>(previous.hosts());
        hosts.removeIf(h -> changes.hostDirs().contains(h.hostDir().dirName()));
        if (!present.isEmpty()) {
            hosts.addAll(scanner.scan(root, present).hosts());
        }
        Comparator<String> order = RootScanner.loadOrder();
        hosts.sort((a, b) -> order.compare(a.hostDir().dirName(), b.hostDir().dirName()));
        return new RootReport(root, options.clock().instant(), hosts, previous.findings());
    }
}
