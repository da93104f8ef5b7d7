package dev.certsd.export;

import dev.certsd.files.AtomicWriter;
import dev.certsd.files.FileModes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes an export into the directory the user chose, through the files layer: keys 0600 from the first byte,
 * directories private (they hold keys). Remembers what it wrote, so the command can list it (names, never
 * contents).
 */
final class ExportWriter {
    private final Path out;
    private final List<Path> written = new ArrayList<>();

    ExportWriter(Path out) throws IOException {
        this.out = out.toAbsolutePath().normalize();
        mkdirs(this.out);
    }

    Path dir(String relative) throws IOException {
        Path d = out.resolve(relative).normalize();
        if (!d.startsWith(out)) {
            throw new IOException("outside the output directory: " + relative);
        }
        mkdirs(d);
        return d;
    }

    void write(String relative, byte[] content, Set<PosixFilePermission> mode) throws IOException {
        Path target = out.resolve(relative).normalize();
        if (!target.startsWith(out) || target.equals(out)) {
            throw new IOException("outside the output directory: " + relative);
        }
        mkdirs(target.getParent());
        AtomicWriter.write(target, content, mode, true, null);
        written.add(target);
    }

    List<Path> written() {
        return List.copyOf(written);
    }

    private static void mkdirs(Path d) throws IOException {
        if (!Files.isDirectory(d)) {
            Files.createDirectories(d, PosixFilePermissions.asFileAttribute(FileModes.PRIVATE_DIRECTORY));
        }
    }
}
