package dev.certsd.diagnose;

import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.HostDirNames;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Scans a certs root: every host directory in parallel, in name order in the result. */
public final class RootScanner {
    private final ScanOptions options;
    private final ScanProgress progress;

    public RootScanner(ScanOptions options) {
        this(options, ScanProgress.NONE);
    }

    /** A scanner that tells {@code progress} of every host directory it has scanned. */
    public RootScanner(ScanOptions options, ScanProgress progress) {
        this.options = options;
        this.progress = progress;
    }

    /** The order host directories and files are read in (byte order of the names), for merging partial scans. */
    public static Comparator<String> loadOrder() {
        return Names.GO_ORDER;
    }

    /**
     * Whether a root entry is scanned as a host directory: a directory or a link to one, and also a file or a
     * dangling link named like a registry ({@code reg.example.com:5000}), since a client looking that registry up
     * meets it and fails on it (or goes on without certificates).
     */
    public static boolean isHostEntry(Path p, ScanOptions options) {
        HostEntry e = HostEntry.of(p);
        return e.directory() || (e.kind() != HostEntry.Kind.OTHER && HostEntry.looksLikeRegistry(
                HostDirNames.parse(p.getFileName().toString(), options.client(), options.os())));
    }

    /**
     * Scans the whole root, or only the named host directories when {@code only} is not empty.
     *
     * @throws NoSuchFileException   when the root does not exist
     * @throws NotDirectoryException when it is not a directory
     * @throws IOException           when it cannot be listed
     */
    public RootReport scan(CertsRoot root, Collection<String> only) throws IOException {
        Path dir = root.path();
        if (!Files.exists(dir)) {
            throw new NoSuchFileException(dir.toString());
        }
        if (!Files.isDirectory(dir)) {
            throw new NotDirectoryException(dir.toString());
        }
        List<Path> hostDirs = new ArrayList<>();
        List<Finding> rootFindings = new ArrayList<>();
        Set<String> wanted = Set.copyOf(only);
        for (String name : wanted) {
            if (name.isEmpty() || name.contains("/") || name.contains(dir.getFileSystem().getSeparator())
                    || name.equals(".") || name.equals("..")) {
                throw new NoSuchFileException(name, null, "not a host directory name");
            }
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                String name = p.getFileName().toString();
                if (!wanted.isEmpty() && !wanted.contains(name)) {
                    continue;
                }
                if (isHostEntry(p, options) || wanted.contains(name)) {
                    hostDirs.add(p);
                } else {
                    rootFindings.add(Finding.of(FindingCode.STRAY_FILE_IN_ROOT, Severity.INFO, name));
                }
            }
        }
        for (String name : wanted) {
            if (!Files.exists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                throw new NoSuchFileException(dir.resolve(name).toString(), null, "no such host directory");
            }
        }
        hostDirs = Names.sortByName(hostDirs);
        Function<Path, HostReport> scanner = counted(new HostScanner(options), hostDirs.size());
        // one directory at a time from a shared counter: a parallel stream split the list into quarters up front,
        // and on two cores one thread then waited up to 50 ms for the other's last quarter
        List<HostReport> hosts = hostDirs.size() < 4
                ? hostDirs.stream().map(scanner).toList()
                : List.copyOf(EveryCore.map(hostDirs, scanner, 1));
        return new RootReport(root, options.clock().instant(), hosts, rootFindings);
    }

    /** The host scanner, telling {@link #progress} of each directory done (none is told when nobody listens). */
    private Function<Path, HostReport> counted(HostScanner scanner, int total) {
        if (progress == ScanProgress.NONE) {
            return scanner::scan;
        }
        AtomicInteger done = new AtomicInteger();
        return dir -> {
            HostReport r = scanner.scan(dir);
            progress.scanned(done.incrementAndGet(), total);
            return r;
        };
    }
}
