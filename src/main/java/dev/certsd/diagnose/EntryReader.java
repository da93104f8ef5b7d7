package dev.certsd.diagnose;

import dev.certsd.material.Content;
import dev.certsd.material.ContentReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.AccessDeniedException;
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
     * {@code name} is the last element of {@code path}, as the directory listing gave it; {@code parsed}, when not
     * null, holds what each content of the directory read so far holds: a copy of a file is parsed once.
     */
    FileEntry read(Path path, String name, Map<ByteBuffer, Content> parsed) {
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
        Set<PosixFilePermission> perms = attrs instanceof PosixFileAttributes posix ? posix.permissions() : null;
        if (attrs.isDirectory()) {
            return entry(name, path, FileEntry.Kind.DIRECTORY, symlink, 0, perms);
        }
        if (!attrs.isRegularFile()) {
            return entry(name, path, FileEntry.Kind.SPECIAL, symlink, 0, perms);
        }
        if (attrs.size() > maxBytes) {
            return entry(name, path, FileEntry.Kind.TOO_LARGE, symlink, attrs.size(), perms);
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = readCapped(in, (int) attrs.size());
            if (bytes.length > maxBytes) {
                return entry(name, path, FileEntry.Kind.TOO_LARGE, symlink, bytes.length, perms);
            }
            return new FileEntry(name, path, FileEntry.Kind.REGULAR, symlink, bytes.length, perms, bytes,
                    parsed == null ? ContentReader.read(bytes)
                            : parsed.computeIfAbsent(ByteBuffer.wrap(bytes), k -> ContentReader.read(bytes)));
        } catch (AccessDeniedException e) {
            return entry(name, path, FileEntry.Kind.UNREADABLE, symlink, attrs.size(), perms);
        } catch (IOException e) {
            return entry(name, path, FileEntry.Kind.UNREADABLE, symlink, attrs.size(), perms);
        }
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
     * The content, at most {@code maxBytes + 1} bytes (more means too large), read into an array of the size stat
     * gave (not the 8 KiB buffers of {@code readNBytes(int)}, which a directory of 100,000 small files made 800 MB of
     * garbage of); a file that grew or shrank since is read as it is now.
     */
    byte[] readCapped(InputStream in, int size) throws IOException {
        byte[] bytes = new byte[size];
        int n = in.readNBytes(bytes, 0, size);
        if (n < size) {
            return Arrays.copyOf(bytes, n);
        }
        int next = in.read();
        if (next < 0) {
            return bytes;
        }
        byte[] rest = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes - size)); // up to maxBytes + 1
        byte[] all = Arrays.copyOf(bytes, size + 1 + rest.length);
        all[size] = (byte) next;
        System.arraycopy(rest, 0, all, size + 1, rest.length);
        return all;
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
