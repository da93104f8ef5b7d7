package dev.certsd.files;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * {@code /proc/self/fd/N} for an open directory: the kernel resolves it to the open directory itself, whatever has
 * happened to its name since, so {@code mkdir} and {@code link} (which {@link SecureDirectoryStream} lacks) can work
 * relative to it as {@code mkdirat} and {@code linkat} would.
 *
 * <p>The descriptor number is read from the JDK's stream when the launch opens {@code java.base/sun.nio.fs} to us
 * (the launchers do); otherwise it is found among this process's descriptors as the only one open on that very
 * directory (inode and device), and the caller checks afterwards, relative to its handle, that the result is there.
 */
final class FdPaths {
    private static final Path SELF_FD = Path.of("/proc/self/fd");
    private static final Field DFD = dfdField();

    private FdPaths() {
    }

    /** Null when the platform has no such path (no /proc), or no descriptor can be told apart. */
    static Path of(SecureDirectoryStream<Path> sds, Object key) {
        if (!Files.isDirectory(SELF_FD)) {
            return null;
        }
        if (DFD != null && DFD.getDeclaringClass().isInstance(sds)) {
            try {
                return SELF_FD.resolve(Integer.toString(DFD.getInt(sds)));
            } catch (IllegalAccessException e) {
                // fall through to the search
            }
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            Path found = search(key);
            if (found != null) {
                return found;
            }
            Thread.onSpinWait();
        }
        return null;
    }

    /** The one descriptor open on the directory with this key; null when none or several (another thread's). */
    private static Path search(Object key) {
        Path match = null;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(SELF_FD)) {
            for (Path fd : fds) {
                Object k;
                try {
                    BasicFileAttributes a = Files.readAttributes(fd, BasicFileAttributes.class);
                    k = a.isDirectory() ? a.fileKey() : null;
                } catch (IOException | SecurityException e) {
                    continue; // closed meanwhile, or not ours to look at
                }
                if (Objects.equals(k, key)) {
                    if (match != null) {
                        return null;
                    }
                    match = fd;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return match;
    }

    private static Field dfdField() {
        try {
            Field f = Class.forName("sun.nio.fs.UnixSecureDirectoryStream").getDeclaredField("dfd");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // not opened to us (no --add-opens): the search finds the descriptor instead
        }
    }
}
