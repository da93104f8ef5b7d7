package dev.certsd.diagnose;

import dev.certsd.material.Content;
import dev.certsd.material.ContentReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
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
    FileEntry read(Path path, String name, Map<ByteBuffer, Parsed> parsed) {
        BasicFileAttributes attrs;
        try { // lstat: for anything but a symbolic link this is also what the client's stat sees
            attrs = attributes(path, LinkOption.NOFOLLOW_LINKS);
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
        try (InputStream in = open(path)) {
            byte[] bytes = readCapped(in, (int) attrs.size());
            if (bytes.length > maxBytes) {
                return entry(name, path, FileEntry.Kind.TOO_LARGE, symlink, bytes.length, perms);
            }
            if (parsed == null) {
                return new FileEntry(name, path, FileEntry.Kind.REGULAR, symlink, bytes.length, perms, bytes,
                        ContentReader.read(bytes));
            }
            Parsed first = parsed.computeIfAbsent(ByteBuffer.wrap(bytes), k -> new Parsed(bytes, ContentReader.read(bytes)));
            return new FileEntry(name, path, FileEntry.Kind.REGULAR, symlink, bytes.length, perms, first.bytes(),
                    first.content());
        } catch (IOException e) { // permission denied, or gone since the stat
            return entry(name, path, FileEntry.Kind.UNREADABLE, symlink, attrs.size(), perms);
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
        int want = (int) Math.min((long) size + 1, maxBytes + 1);
        byte[] bytes = new byte[want];
        int n = Math.max(0, in.read(bytes, 0, want));
        if (n == size && n < want) {
            return Arrays.copyOf(bytes, n);
        }
        for (int more; n < want && (more = in.read(bytes, n, want - n)) >= 0; ) {
            n += more;
        }
        return n < want ? Arrays.copyOf(bytes, n) : readRest(in, bytes);
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
