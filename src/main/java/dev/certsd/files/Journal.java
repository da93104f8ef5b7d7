package dev.certsd.files;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The change journal: every applied change set with the contents it replaced or removed, so undo and redo restore
 * the tree byte for byte, across restarts. It holds old private keys, so it is the user's alone (0700, files 0600),
 * and it keeps a bounded history.
 */
public final class Journal {
    public static final int DEFAULT_CAPACITY = 100;
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path dir;
    private final int capacity;
    private final Path entries;
    private final Blobs blobs;

    private Journal(Path dir, int capacity) {
        this.dir = dir;
        this.capacity = capacity;
        this.entries = dir.resolve("entries");
        this.blobs = new Blobs(dir.resolve("blobs"));
    }

    /** {@code $XDG_DATA_HOME/certsd-studio/journal}, by default {@code ~/.local/share/certsd-studio/journal}. */
    public static Path defaultDirectory() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path data = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return data.resolve("certsd-studio").resolve("journal");
    }

    public static Journal open(Path dir) throws IOException {
        return open(dir, DEFAULT_CAPACITY);
    }

    /** Opens (creating it 0700 if needed) the journal in {@code dir}, keeping at most {@code capacity} change sets. */
    public static Journal open(Path dir, int capacity) throws IOException {
        if (capacity < 1) {
            throw new IllegalArgumentException("the history keeps at least one change set");
        }
        Journal j = new Journal(dir.toAbsolutePath().normalize(), capacity);
        for (Path p : List.of(j.dir, j.entries, j.blobs.dir())) {
            privateDirectory(p);
        }
        return j;
    }

    /**
     * The journal's directories must be this user's own, private and reached by no path another user could steer:
     * undo runs its entries, so a journal someone else could write would let them choose what is written (as root,
     * anywhere). A symbolic link, a directory of another user's, or (as root) a way another user controls is refused.
     */
    private static void privateDirectory(Path p) throws IOException {
        PosixFileAttributes a = attributes(p);
        if (a == null) {
            Problem unsafe = OpenedDir.rootRefusal(p);
            if (unsafe != null) {
                throw refused(p, unsafe.message(java.util.Locale.ENGLISH));
            }
            Files.createDirectories(p, PosixFilePermissions.asFileAttribute(FileModes.PRIVATE_DIRECTORY));
            a = attributes(p);
        }
        if (a == null || a.isSymbolicLink() || !a.isDirectory()) {
            throw refused(p, "not a directory but " + (a == null ? "nothing" : a.isSymbolicLink() ? "a symbolic link"
                    : "a file"));
        }
        long uid = ((Number) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
        if (CurrentUser.uid() >= 0 && uid != CurrentUser.uid()) {
            throw refused(p, "it belongs to " + Principals.name(uid));
        }
        Problem unsafe = OpenedDir.rootRefusal(p);
        if (unsafe != null) {
            throw refused(p, unsafe.message(java.util.Locale.ENGLISH));
        }
        // Created earlier by hand or with a loose umask: old keys are in here, so close it.
        Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setPermissions(FileModes.PRIVATE_DIRECTORY);
    }

    private static PosixFileAttributes attributes(Path p) throws IOException {
        try {
            return Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
    }

    private static ChangeException refused(Path p, String why) {
        return new ChangeException(Problem.of(Problem.Code.UNSAFE_JOURNAL, p, why));
    }

    public Path directory() {
        return dir;
    }

    public int capacity() {
        return capacity;
    }

    /** A unit of work under the journal's lock, which both this process's threads and other processes respect. */
    interface Work<T> {
        T run() throws IOException;
    }

    <T> T locked(Work<T> work) throws IOException {
        ReentrantLock lock = IN_PROCESS.computeIfAbsent(dir, d -> new ReentrantLock());
        lock.lock();
        try (FileChannel ch = FileChannel.open(dir.resolve("lock"),
                java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(FileModes.KEY));
             FileLock ignored = ch.lock()) {
            return work.run();
        } finally {
            lock.unlock();
        }
    }

    /** Every entry, oldest first. */
    public List<JournalEntry> entries() throws IOException {
        List<JournalEntry> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(entries, "*.json")) {
            for (Path p : s) {
                out.add(read(p));
            }
        }
        out.sort(Comparator.comparingLong(JournalEntry::id));
        return out;
    }

    /** Records a new entry: the contents first, then the entry, so a deleted file is in the journal before it goes. */
    JournalEntry add(Message description, List<FileOp> forward, List<FileOp> inverse, JournalEntry.Status status,
                     Path prepared) throws IOException {
        // Never reuse a number the user may have seen, even of an entry since dropped from the redo history.
        Path counter = dir.resolve("last-id");
        long last = Files.exists(counter) ? Long.parseLong(Files.readString(counter).strip()) : 0;
        long id = Math.max(last, entries().stream().mapToLong(JournalEntry::id).max().orElse(0)) + 1;
        AtomicWriter.write(counter, Long.toString(id).getBytes(StandardCharsets.US_ASCII), FileModes.KEY,
                Files.exists(counter), null);
        JournalEntry e = new JournalEntry(id, Instant.now(), description, status, forward, inverse, prepared);
        save(e);
        return e;
    }

    void save(JournalEntry e) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("time", e.time().toString());
        m.put("description", OpCodec.text(e.description()));
        m.put("status", e.status().name());
        m.put("prepared", e.prepared() == null ? null : e.prepared().toString());
        m.put("forward", OpCodec.encodeAll(e.forward(), blobs));
        m.put("inverse", OpCodec.encodeAll(e.inverse(), blobs));
        byte[] json = JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(m).getBytes(StandardCharsets.UTF_8);
        Path p = file(e.id());
        AtomicWriter.write(p, json, FileModes.KEY, Files.exists(p), null);
    }

    void delete(long id) throws IOException {
        Files.deleteIfExists(file(id));
        AtomicWriter.syncDirectory(entries);
    }

    /** Drops the oldest entries beyond the capacity, then the contents no entry refers to any more. */
    void prune() throws IOException {
        List<JournalEntry> all = entries();
        for (int i = 0; i < all.size() - capacity; i++) {
            delete(all.get(i).id());
        }
        Set<String> used = new HashSet<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(entries, "*.json")) {
            for (Path p : s) {
                collectBlobs(JSON.std.mapFrom(Files.readString(p)), used);
            }
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(blobs.dir())) {
            for (Path p : s) {
                if (!used.contains(p.getFileName().toString()) && !AtomicWriter.isTemporaryName(p.getFileName().toString())) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void collectBlobs(Map<String, Object> entry, Set<String> used) {
        for (String key : List.of("forward", "inverse")) {
            for (Object o : (List<?>) entry.get(key)) {
                Object blob = ((Map<?, ?>) o).get("blob");
                if (blob != null) {
                    used.add((String) blob);
                }
            }
        }
    }

    private Path file(long id) {
        return entries.resolve(String.format("%010d.json", id));
    }

    private JournalEntry read(Path p) throws IOException {
        Map<String, Object> m = JSON.std.mapFrom(Files.readString(p));
        try {
            Object prepared = m.get("prepared");
            return new JournalEntry(((Number) m.get("id")).longValue(), Instant.parse((String) m.get("time")),
                    OpCodec.text((Map<?, ?>) m.get("description")),
                    JournalEntry.Status.valueOf((String) m.get("status")),
                    OpCodec.decodeAll(m.get("forward"), blobs), OpCodec.decodeAll(m.get("inverse"), blobs),
                    prepared == null ? null : Path.of((String) prepared));
        } catch (RuntimeException e) {
            throw new IOException("damaged journal entry " + p + ": " + e.getMessage(), e);
        }
    }
}
