package dev.certsd.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * File contents stored by their SHA-256 in one directory (journal or prepared change): 0600, written atomically,
 * checked against their name when read back, so a damaged copy is never restored.
 */
final class Blobs {
    private final Path dir;

    Blobs(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    Path path(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return dir.resolve(sha256);
    }

    String put(byte[] content) throws IOException {
        String sha = Sha256.hex(content);
        Path p = path(sha);
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && get(sha) != null) {
            return sha;
        }
        Files.deleteIfExists(p); // a damaged copy from an interrupted write
        try {
            AtomicWriter.write(p, content, FileModes.KEY, false, null);
        } catch (FileAlreadyExistsException e) {
            // written by a concurrent writer with the same content: its name is its hash
        }
        return sha;
    }

    /** The content, or null when it is missing or does not match its hash. */
    byte[] get(String sha256) throws IOException {
        try {
            byte[] b = Files.readAllBytes(path(sha256));
            return Sha256.hex(b).equals(sha256) ? b : null;
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
