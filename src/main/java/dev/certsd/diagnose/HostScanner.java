package dev.certsd.diagnose;

import dev.certsd.roots.Client;
import dev.certsd.roots.FileRole;
import dev.certsd.roots.HostDir;
import dev.certsd.roots.HostDirNames;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Scans one host directory: reads its entries, runs the client's loader, then every rule. */
public final class HostScanner {
    /** Entries from which a host directory's files are read, and judged, in parallel. */
    private static final int PARALLEL_READ = 256;

    private final ScanOptions options;
    private final EntryReader reader;

    public HostScanner(ScanOptions options) {
        this.options = options;
        this.reader = new EntryReader(options.maxFileBytes());
    }

    public HostReport scan(Path dir) {
        HostReport r = scanAs(dir);
        return new HostReport(r.path(), r.hostDir(), r.certsdUsed(), r.load().withVersion(options.version()),
                r.files(), r.findings());
    }

    private HostReport scanAs(Path dir) {
        Client client = options.client();
        HostDir hostDir = HostDirNames.parse(dir.getFileName().toString(), client, options.os());
        List<Finding> findings = new ArrayList<>();
        HostRules.name(hostDir, client, findings);
        Optional<Finding> insecure = client == Client.DOCKER
                ? HostRules.insecure(hostDir, options.insecure(), options.version()) : Optional.empty();
        insecure.ifPresent(findings::add);
        Optional<Finding> shadowed = client == Client.CONTAINERD ? HostRules.shadowed(dir, hostDir) : Optional.empty();
        shadowed.ifPresent(findings::add);
        boolean used = insecure.isEmpty() && shadowed.isEmpty();

        HostReport notADirectory = notADirectory(dir, hostDir, used, findings);
        if (notADirectory != null) {
            return notADirectory;
        }
        List<FileEntry> entries;
        try {
            entries = list(dir);
        } catch (IOException e) {
            return unreadable(dir, hostDir, used, findings, e);
        }
        HostRules.empty(entries, findings);
        Map<String, FileEntry> byName = Names.index(entries);
        // which file issued which: independent of the loader, so a large directory links on another core meanwhile
        java.util.concurrent.ForkJoinTask<Map<String, List<String>>> links = entries.size() >= PARALLEL_READ
                ? java.util.concurrent.ForkJoinTask.adapt(() -> ChainLinks.of(entries)).fork() : null;
        Loaded loaded = load(dir, hostDir, entries, byName);
        Map<String, List<String>> issuedBy = links != null ? links.join() : ChainLinks.of(entries);
        List<FileReport> files = files(entries, byName, issuedBy, loaded, hostDir, used);
        List<Finding> hostLevel = new ArrayList<>();
        loaded.load().hosts().stream().filter(h -> h.registry() && h.scheme().equals("http")).findFirst().ifPresent(h ->
                hostLevel.add(Finding.of(FindingCode.HOSTS_TOML_PLAIN_HTTP, Severity.INFO, null, h.url())));
        HostRules.expiredPairFirst(loaded.load(), options.clock().instant(), hostLevel);
        HostRules.duplicates(files, hostLevel);
        if (!used) {
            hostLevel.replaceAll(f -> f.withSeverity(Severity.INFO));
        }
        files.forEach(f -> findings.addAll(f.findings()));
        findings.addAll(hostLevel);
        return new HostReport(dir, hostDir, used, loaded.load(), files, findings);
    }

    /** The report of a host entry that is not a directory the client can list, or null when it is one. */
    private HostReport notADirectory(Path dir, HostDir hostDir, boolean used, List<Finding> findings) {
        Client client = options.client();
        HostEntry entry = HostEntry.of(dir);
        String error;
        switch (entry.kind()) {
            case NOT_A_DIRECTORY -> {
                error = HostEntry.notADirectoryError(client, dir);
                findings.add(Finding.of(FindingCode.HOST_DIR_NOT_A_DIRECTORY, used ? Severity.ERROR : Severity.INFO,
                        null, error));
            }
            case LINK_LOOP -> {
                error = HostEntry.loopError(client, dir);
                findings.add(Finding.of(FindingCode.HOST_DIR_LINK_LOOP, used ? Severity.ERROR : Severity.INFO,
                        null, error));
            }
            case DANGLING_LINK -> {
                // os.ReadDir/os.Stat say "does not exist": the client goes on as if there were no directory
                error = null;
                findings.add(Finding.of(FindingCode.HOST_DIR_DANGLING_LINK, used ? Severity.WARNING : Severity.INFO,
                        null, String.valueOf(entry.target())));
            }
            case LINKED_DIRECTORY -> {
                findings.add(Finding.of(FindingCode.HOST_DIR_SYMLINK, Severity.INFO, null,
                        String.valueOf(entry.target())));
                return null;
            }
            default -> {
                return null;
            }
        }
        return new HostReport(dir, hostDir, used,
                new ClientLoad(List.of(), List.of(), error, null, null, true, Map.of()), List.of(), findings);
    }

    /** The report of a host directory that cannot be listed. */
    private HostReport unreadable(Path dir, HostDir hostDir, boolean used, List<Finding> findings, IOException e) {
        Client client = options.client();
        String error = "open " + dir + ": " + (e instanceof AccessDeniedException ? "permission denied" : e.getMessage());
        boolean privileged = options.privilegedReader() && client != Client.CONTAINERS;
        findings.add(HostRules.unreadable(client, privileged, error));
        String configError = client == Client.CONTAINERS || privileged ? null : error;
        ClientLoad load = new ClientLoad(List.of(), List.of(), configError, null, null, true, Map.of());
        return new HostReport(dir, hostDir, used && client != Client.CONTAINERS, load, List.of(), findings);
    }

    /**
     * What the client's loader made of the entries; for containerd also what hosts.toml said.
     *
     * @param tomlRoles the roles hosts.toml gives files, when {@code usesHostsToml}
     */
    private record Loaded(ClientLoad load, HostsToml toml, String hostsTomlError, boolean usesHostsToml,
                          Map<String, FileRole> tomlRoles) {
    }

    private Loaded load(Path dir, HostDir hostDir, List<FileEntry> entries, Map<String, FileEntry> byName) {
        Client client = options.client();
        if (client == Client.CONTAINERD) {
            ContainerdLoader.Outcome o = new ContainerdLoader(reader, options.version()).load(dir, hostDir, entries, byName);
            return new Loaded(o.load().withSkipVerify(HostsToml.skipsVerification(o.toml(), hostDir)), o.toml(),
                    o.hostsTomlError(), o.usedHostsToml(), o.tomlRoles());
        }
        boolean merged = options.os() != dev.certsd.roots.OsFamily.WINDOWS;
        return new Loaded(new ClassicLoader(client, options.privilegedReader(), merged, options.version()).load(entries, byName),
                null, null, false, Map.of());
    }

    /** Every entry's role, findings and badges. */
    private List<FileReport> files(List<FileEntry> entries, Map<String, FileEntry> byName,
                                   Map<String, List<String>> issuedBy, Loaded loaded, HostDir hostDir, boolean used) {
        Client client = options.client();
        FileRules rules = new FileRules(client, byName, loaded.load(), options);
        java.util.function.Function<FileEntry, FileReport> report = e -> {
            FileRole role = loaded.usesHostsToml() ? loaded.tomlRoles().getOrDefault(e.name(), FileRole.IGNORED)
                    : FileRole.of(e.name(), client);
            List<Finding> fileFindings = new ArrayList<>(rules.check(e, role));
            if (e.name().equals("hosts.toml")) {
                hostsTomlFindings(e, loaded, hostDir, fileFindings);
            }
            if (!used) {
                fileFindings.replaceAll(f -> f.withSeverity(Severity.INFO));
            }
            return new FileReport(e, role, Badges.of(e, role, fileFindings), fileFindings,
                    issuedBy.getOrDefault(e.name(), List.of()));
        };
        // each file's rules read the directory's indexes only: a large directory's files are judged on every core
        return new ArrayList<>(entries.size() >= PARALLEL_READ ? EveryCore.map(entries, report)
                : entries.stream().map(report).toList());
    }

    private static void hostsTomlFindings(FileEntry e, Loaded loaded, HostDir hostDir, List<Finding> fileFindings) {
        ClientLoad load = loaded.load();
        if (loaded.hostsTomlError() != null) {
            fileFindings.add(Finding.of(FindingCode.HOSTS_TOML_INVALID, Severity.WARNING, e.name(),
                    loaded.hostsTomlError()));
        }
        if (ContainerdLoader.NO_RESOLVE_HOSTS.equals(load.configError())) {
            fileFindings.add(Finding.of(FindingCode.HOSTS_TOML_NO_RESOLVE_HOST, Severity.ERROR, e.name()));
        }
        if (loaded.toml() == null) {
            return;
        }
        for (ContainerdHost h : load.hosts()) {
            if (h.scheme().equals("http") && !h.registry()) {
                fileFindings.add(Finding.of(FindingCode.HOSTS_TOML_PLAIN_HTTP, Severity.WARNING, e.name(), h.url()));
            }
        }
        for (HostsToml.Host h : loaded.toml().hosts()) {
            if (h.skipVerify()) { // the registry's own entry or a mirror's: either is pulled from unchecked
                fileFindings.add(Finding.of(FindingCode.HOSTS_TOML_SKIP_VERIFY, Severity.WARNING, e.name(),
                        h.url() != null ? h.url() : hostDir.dirName()));
            }
        }
    }

    private List<FileEntry> list(Path dir) throws IOException {
        List<Names.Named> sorted = Names.listFast(dir);
        if (sorted == null) {
            List<Path> paths = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                stream.forEach(paths::add);
            }
            sorted = Names.sortNamed(paths);
        }
        // copies of a file are parsed once; sized for every entry, or it grows (and copies itself) a dozen times
        Map<EntryReader.ContentKey, EntryReader.Parsed> parsed = new ConcurrentHashMap<>(sorted.size());
        if (sorted.size() < PARALLEL_READ) {
            return new ArrayList<>(sorted.stream().map(n -> reader.read(n.path(), n.name(), parsed)).toList());
        }
        // a large directory is read on every core: most of its time is the system calls of each entry, made
        // relative to the directory opened once
        try (DirectoryStream<Path> opened = openDirectory(dir)) {
            SecureDirectoryStream<Path> in = opened instanceof SecureDirectoryStream<Path> s ? s : null;
            return new ArrayList<>(EveryCore.map(sorted, n -> reader.read(n.path(), n.name(), parsed, in)));
        }
    }

    /**
     * {@code dir} opened for reads relative to it, or null (reads by path): through {@code dir/.}, so that whatever
     * replaced the directory since it was listed is refused at once (a FIFO opened by its own name would block until a
     * writer came); on this machine's file system only (over SFTP it would be one more request for nothing).
     */
    private static DirectoryStream<Path> openDirectory(Path dir) {
        if (dir.getFileSystem() != java.nio.file.FileSystems.getDefault()) {
            return null;
        }
        try {
            return Files.newDirectoryStream(dir.resolve("."));
        } catch (IOException | RuntimeException e) {
            return null; // gone or replaced since the listing: each entry's read says what it finds
        }
    }

    /** Badges follow from role and findings, so the tree and the JSON never disagree with the findings. */
    static final class Badges {
        private Badges() {
        }

        static Set<Badge> of(FileEntry e, FileRole role, List<Finding> findings) {
            Set<Badge> b = EnumSet.noneOf(Badge.class);
            switch (role) {
                case CA -> b.add(Badge.CA);
                case CLIENT_CERT -> b.add(Badge.CLIENT_CERT);
                case CLIENT_KEY -> b.add(Badge.KEY);
                case CONFIG -> b.add(Badge.CONFIG);
                case IGNORED -> b.add(Badge.IGNORED);
            }
            for (int i = 0; i < findings.size(); i++) { // indexed: C1 (which runs a check) allocates every iterator
                Finding f = findings.get(i);
                switch (f.code()) {
                    case ORPHAN_KEY, ORPHAN_CERT -> b.add(Badge.ORPHAN);
                    case CA_SAVED_AS_CERT -> {
                        b.remove(Badge.CLIENT_CERT);
                        b.add(Badge.CA_SAVED_AS_CERT);
                    }
                    case CLIENT_CERT_SAVED_AS_CRT -> {
                        b.remove(Badge.CA);
                        b.add(Badge.CLIENT_CERT_SAVED_AS_CRT);
                    }
                    case KEY_MISMATCH, KEY_MATCHES_LATER_CERTIFICATE -> b.add(Badge.MISMATCH);
                    case EXPIRED -> b.add(Badge.EXPIRED);
                    case NOT_YET_VALID -> b.add(Badge.NOT_YET_VALID);
                    case EXPIRING_SOON -> b.add(Badge.EXPIRING_SOON);
                    case ENCRYPTED_KEY -> b.add(Badge.ENCRYPTED);
                    case UNREADABLE_FILE, BROKEN_SYMLINK, SYMLINK_LOOP, SPECIAL_FILE, HUGE_FILE -> b.add(Badge.UNREADABLE);
                    default -> {
                        if (f.severity() == Severity.ERROR && isContentProblem(f.code())) {
                            b.add(Badge.INVALID);
                        }
                    }
                }
            }
            return b;
        }

        private static boolean isContentProblem(FindingCode code) {
            return code.ordinal() >= FindingCode.EMPTY_FILE.ordinal() || code == FindingCode.CRT_NOT_PEM
                    || code == FindingCode.PEM_INPUTS_SWITCHED || code == FindingCode.DIRECTORY_WITH_ROLE_NAME
                    || code == FindingCode.CRT_HOLDS_PRIVATE_KEY;
        }
    }
}
