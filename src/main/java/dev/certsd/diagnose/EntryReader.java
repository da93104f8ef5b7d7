package dev.certsd.diagnose;

import dev.certsd.material.Content;
import dev.certsd.material.ContentReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/** Reads directory entries without ever blocking on a FIFO or reading a device. */
final class EntryReader {
    private final long maxBytes;

    EntryReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    FileEntry read(Path path) {
        return read(path, path.getFileName().toString(), null);
    }

    /**
     * A content read in a directory: its bytes (the array every copy of it shares, so copies of one file are held once
     * and are the same array for the loader's lookups) and what they hold.
     */
    record Parsed(byte[] bytes, Content content) {
    }

    /**
     * {@code name} is the last element of {@code path}, as the directory listing gave it; {@code parsed}, when not
     * null, holds what each content of the directory read so far holds: a copy of a file is parsed once, and its
     * entry holds the first copy's bytes.
     */
    FileEntry read(Path path, String name, Map<ContentKey, Parsed> parsed) {
        return read(path, name, parsed, null);
    }

    /**
     * As {@link #read(Path, String, Map)}; {@code in}, when not null, is {@code path}'s directory, opened: the entry
     * is looked up by its name relative to it (fstatat, openat), not by walking its whole path again for each system
     * call (in a directory of 100,000 files the walk was a third of the time of each open).
     */
    FileEntry read(Path path, String name, Map<ContentKey, Parsed> parsed, SecureDirectoryStream<Path> in) {
        BasicFileAttributes attrs;
        try { // lstat: for anything but a symbolic link this is also what the client's stat sees
            attrs = in != null ? attributesIn(in, path.getFileName()) : attributes(path, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return entry(name, path, FileEntry.Kind.MISSING, false, 0, null);
        } catch (IOException e) {
            return entry(name, path, FileEntry.Kind.UNREADABLE, false, 0, null);
        }
        boolean symlink = attrs.isSymbolicLink();
        if (symlink) {
            try {
                attrs = attributes(path);
            } catch (NoSuchFileException e) {
                return entry(name, path, FileEntry.Kind.BROKEN_SYMLINK, true, 0, null);
            } catch (FileSystemException e) {
                return entry(name, path, isLoop(e) ? FileEntry.Kind.SYMLINK_LOOP : FileEntry.Kind.UNREADABLE, true, 0,
                        null);
            } catch (IOException e) {
                return entry(name, path, FileEntry.Kind.UNREADABLE, true, 0, null);
            }
        }
        Set<PosixFilePermission> perms = attrs instanceof PosixFileAttributes posix ? shared(posix.permissions()) : null;
        if (attrs.isDirectory()) {
            return entry(name, path, FileEntry.Kind.DIRECTORY, symlink, 0, perms);
        }
        if (!attrs.isRegularFile()) {
            return entry(name, path, FileEntry.Kind.SPECIAL, symlink, 0, perms);
        }
        if (attrs.size() > maxBytes) {
            return entry(name, path, FileEntry.Kind.TOO_LARGE, symlink, attrs.size(), perms);
        }
        try (InputStream stream = in != null ? openIn(in, path.getFileName()) : open(path)) {
            Read r = readInto(stream, (int) attrs.size());
            if (r.length() > maxBytes) {
                return entry(name, path, FileEntry.Kind.TOO_LARGE, symlink, r.length(), perms);
            }
            if (parsed == null) {
                byte[] bytes = r.exact();
                return new FileEntry(name, path, FileEntry.Kind.REGULAR, symlink, bytes.length, perms, bytes,
                        ContentReader.read(bytes));
            }
            // a copy of a content read before is looked up in the scratch array: nothing allocated for it
            ContentKey seen = new ContentKey(r.buffer(), r.length());
            Parsed first = parsed.get(seen);
            if (first == null) {
                byte[] bytes = r.exact();
                Parsed fresh = new Parsed(bytes, ContentReader.read(bytes));
                Parsed raced = parsed.putIfAbsent(new ContentKey(bytes, bytes.length), fresh);
                first = raced != null ? raced : fresh; // another thread read a copy meanwhile: every copy holds one
            }
            return new FileEntry(name, path, FileEntry.Kind.REGULAR, symlink, first.bytes().length, perms,
                    first.bytes(), first.content());
        } catch (IOException e) { // permission denied, or gone since the stat
            return entry(name, path, FileEntry.Kind.UNREADABLE, symlink, attrs.size(), perms);
        }
    }

    /**
     * A content as a map key: its bytes compared whole, hashed by their length and a sample of them (64 spread over
     * the content, and its last 32). A hash of every byte of 100,000 files cost more than reading them; contents
     * that share a sample are still told apart by their bytes, and being comparable, a bin of many of them is a tree
     * (a lookup stays logarithmic even when someone plants many files with one sample).
     */
    static final class ContentKey implements Comparable<ContentKey> {
        private final byte[] bytes;
        private final int length;
        private final int hash;

        ContentKey(byte[] bytes, int length) {
            this.bytes = bytes;
            this.length = length;
            int h = length;
            int step = Math.max(1, length / 64);
            for (int i = 0; i < length; i += step) {
                h = 31 * h + bytes[i];
            }
            for (int i = Math.max(0, length - 32); i < length; i++) {
                h = 31 * h + bytes[i];
            }
            this.hash = h;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ContentKey k && k.hash == hash && k.length == length
                    && Arrays.equals(bytes, 0, length, k.bytes, 0, k.length);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public int compareTo(ContentKey o) {
            return Arrays.compareUnsigned(bytes, 0, length, o.bytes, 0, o.length);
        }
    }

    /**
     * A FileInputStream where the path's text names the file (reading a directory of 100,000 small files took 0.8 s
     * this way and 1.0 s through NIO's channel); a name whose bytes are not valid in the file system's encoding
     * (shown with U+FFFD in its text) is opened by its bytes, through NIO.
     */
    private static InputStream open(Path path) throws IOException {
        String text = path.toString();
        return text.indexOf('\uFFFD') < 0 ? new FileInputStream(text) : Files.newInputStream(path);
    }

    /** The entry {@code name} of an opened directory, read as it is (a symbolic link followed, as a read does). */
    private static InputStream openIn(SecureDirectoryStream<Path> in, Path name) throws IOException {
        return java.nio.channels.Channels.newInputStream(in.newByteChannel(name, Set.of(StandardOpenOption.READ)));
    }

    /** The entry's own attributes (a symbolic link's, not its target's). */
    private static BasicFileAttributes attributesIn(SecureDirectoryStream<Path> in, Path name) throws IOException {
        PosixFileAttributeView posix = in.getFileAttributeView(name, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        return posix != null ? posix.readAttributes()
                : in.getFileAttributeView(name, java.nio.file.attribute.BasicFileAttributeView.class,
                        LinkOption.NOFOLLOW_LINKS).readAttributes();
    }

    /** The POSIX attributes (one stat: they hold the basic ones), or the basic ones where there are none. */
    private static BasicFileAttributes attributes(Path path, LinkOption... options) throws IOException {
        try {
            return Files.readAttributes(path, PosixFileAttributes.class, options);
        } catch (UnsupportedOperationException e) {
            return Files.readAttributes(path, BasicFileAttributes.class, options);
        }
    }

    /**
     * The content, at most {@code maxBytes + 1} bytes (more means too large). One read into an array one byte larger
     * than the size stat gave: when it brings exactly that size, the file is whole and one system call read it (not a
     * second read to meet the end: a directory of 100,000 small files spent a fifth of its reading time in those).
     * Anything else (a file that grew or shrank since, a short read of a network file system) is read on to its end,
     * up to the cap.
     */
    byte[] readCapped(InputStream in, int size) throws IOException {
        return readInto(in, size).exact();
    }

    /**
     * What a read brought: the first {@code length} bytes of {@code buffer}, which is this thread's scratch array
     * when {@code scratch} (reused by its next read: copied out by {@link #exact}), else an array of its own.
     */
    private record Read(byte[] buffer, int length, boolean scratch) {
        byte[] exact() {
            return !scratch && buffer.length == length ? buffer : Arrays.copyOf(buffer, length);
        }
    }

    /** Scratch arrays up to this size are kept by their thread for its next read. */
    private static final int SCRATCH_MAX = 1 << 20;
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[16 * 1024]);

    /** As {@link #readCapped}, into this thread's scratch array where it fits (no array per file read). */
    private Read readInto(InputStream in, int size) throws IOException {
        int want = (int) Math.min((long) size + 1, maxBytes + 1);
        byte[] bytes = SCRATCH.get();
        if (bytes.length < want) {
            bytes = new byte[want <= SCRATCH_MAX ? Math.max(want, Math.min(SCRATCH_MAX, bytes.length * 2)) : want];
            if (bytes.length <= SCRATCH_MAX) {
                SCRATCH.set(bytes);
            }
        }
        boolean scratch = bytes.length <= SCRATCH_MAX;
        int n = Math.max(0, in.read(bytes, 0, want));
        if (n == size && n < want) {
            return new Read(bytes, n, scratch);
        }
        for (int more; n < want && (more = in.read(bytes, n, want - n)) >= 0; ) {
            n += more;
        }
        if (n < want) {
            return new Read(bytes, n, scratch);
        }
        byte[] all = readRest(in, Arrays.copyOf(bytes, want));
        return new Read(all, all.length, false);
    }

    /** {@code head} is full: the file is larger than stat said (or than the cap); the rest, up to maxBytes + 1. */
    private byte[] readRest(InputStream in, byte[] head) throws IOException {
        if (head.length > maxBytes) {
            return head;
        }
        byte[] rest = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1 - head.length));
        byte[] all = Arrays.copyOf(head, head.length + rest.length);
        System.arraycopy(rest, 0, all, head.length, rest.length);
        return all;
    }

    /** One unmodifiable set per mode: a set per file was a quarter of a 100,000-file directory's live heap. */
    private static final java.util.concurrent.ConcurrentMap<Integer, Set<PosixFilePermission>> MODES =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final PosixFilePermission[] PERMISSIONS = PosixFilePermission.values();

    static Set<PosixFilePermission> shared(Set<PosixFilePermission> perms) {
        int bits = 0;
        for (PosixFilePermission p : perms) {
            bits |= 1 << p.ordinal();
        }
        Set<PosixFilePermission> known = MODES.get(bits);
        if (known != null) {
            return known;
        }
        java.util.EnumSet<PosixFilePermission> copy = java.util.EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission p : PERMISSIONS) {
            if ((bits & 1 << p.ordinal()) != 0) {
                copy.add(p);
            }
        }
        Set<PosixFilePermission> fresh = java.util.Collections.unmodifiableSet(copy);
        Set<PosixFilePermission> raced = MODES.putIfAbsent(bits, fresh);
        return raced != null ? raced : fresh;
    }

    private static boolean isLoop(FileSystemException e) {
        String reason = String.valueOf(e.getReason()).toLowerCase(java.util.Locale.ROOT);
        return reason.contains("levels of symbolic links") || reason.contains("loop");
    }

    private static FileEntry entry(String name, Path path, FileEntry.Kind kind, boolean symlink, long size,
                                   Set<PosixFilePermission> perms) {
        return new FileEntry(name, path, kind, symlink, size, perms, null, null);
    }
}
