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
        boolean symlink;
        try {
            symlink = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isSymbolicLink();
        } catch (NoSuchFileException e) {
            return entry(name, path, FileEntry.Kind.MISSING, false, 0, null);
        } catch (IOException e) {
            return entry(name, path, FileEntry.Kind.UNREADABLE, false, 0, null);
        }
        BasicFileAttributes attrs;
        Set<PosixFilePermission> perms = null;
        try {
            try { // one stat: the POSIX attributes hold the basic ones
                PosixFileAttributes posix = Files.readAttributes(path, PosixFileAttributes.class);
                attrs = posix;
                perms = posix.permissions();
            } catch (UnsupportedOperationException e) {
                attrs = Files.readAttributes(path, BasicFileAttributes.class);
            }
        } catch (NoSuchFileException e) {
            return entry(name, path, FileEntry.Kind.BROKEN_SYMLINK, symlink, 0, null);
        } catch (FileSystemException e) {
            return entry(name, path, isLoop(e) ? FileEntry.Kind.SYMLINK_LOOP : FileEntry.Kind.UNREADABLE, symlink, 0,
                    null);
        } catch (IOException e) {
            return entry(name, path, FileEntry.Kind.UNREADABLE, symlink, 0, null);
        }
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
            byte[] bytes = in.readNBytes((int) maxBytes + 1);
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

    private static boolean isLoop(FileSystemException e) {
        String reason = String.valueOf(e.getReason()).toLowerCase(java.util.Locale.ROOT);
        return reason.contains("levels of symbolic links") || reason.contains("loop");
    }

    private static FileEntry entry(String name, Path path, FileEntry.Kind kind, boolean symlink, long size,
                                   Set<PosixFilePermission> perms) {
        return new FileEntry(name, path, kind, symlink, size, perms, null, null);
    }
}
