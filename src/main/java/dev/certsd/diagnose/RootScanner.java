package dev.certsd.diagnose;

import dev.certsd.layout.CertsRoot;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Scans a certs root: every host directory in parallel, in name order in the result. */
public final class RootScanner {
    private final ScanOptions options;

    public RootScanner(ScanOptions options) {
        this.options = options;
    }

    /** The order host directories and files are read in (byte order of the names), for merging partial scans. */
    public static Comparator<String> loadOrder() {
        return Names.GO_ORDER;
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
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                String name = p.getFileName().toString();
                if (!wanted.isEmpty() && !wanted.contains(name)) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    hostDirs.add(p);
                } else {
                    rootFindings.add(Finding.of(FindingCode.STRAY_FILE_IN_ROOT, Severity.INFO, name));
                }
            }
        }
        for (String name : wanted) {
            if (!Files.isDirectory(dir.resolve(name))) {
                throw new NoSuchFileException(dir.resolve(name).toString(), null, "no such host directory");
            }
        }
        hostDirs = Names.sortByName(hostDirs);
        HostScanner scanner = new HostScanner(options);
        List<HostReport> hosts = hostDirs.size() < 4
                ? hostDirs.stream().map(scanner::scan).toList()
                : hostDirs.parallelStream().map(scanner::scan).toList();
        return new RootReport(root, options.clock().instant(), hosts, rootFindings);
    }
}
