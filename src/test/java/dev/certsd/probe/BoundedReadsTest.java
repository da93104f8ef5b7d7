package dev.certsd.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.material.InputFiles;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the connection test reads from a host directory is read within the scan's limit: a FIFO named like a client
 * certificate does not block it, and a huge file is not read into memory (the check reports both as findings).
 */
class BoundedReadsTest {
    @TempDir
    Path dir;

    private Path fifo(String name) throws Exception {
        Path p = dir.resolve(name);
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assertTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo");
        return p;
    }

    private Path sparse(String name, long size) throws IOException {
        Path p = dir.resolve(name);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(size);
        }
        return p;
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFifoNamedLikeAPairIsNotReadAndDoesNotBlock() throws Exception {
        Path cert = fifo("client.cert");
        Path key = fifo("client.key");
        assertTrue(ClientPair.load("client.cert", cert, key).isEmpty());
        assertThrows(IOException.class, () -> InputFiles.readRegular(cert));
    }

    @Test
    void aHugeFileIsRefusedWithoutBeingRead() throws Exception {
        Path cert = sparse("client.cert", 300L * 1024 * 1024);
        Path key = sparse("client.key", 300L * 1024 * 1024);
        assertTrue(ClientPair.load("client.cert", cert, key).isEmpty());
        assertThrows(InputFiles.TooLarge.class, () -> InputFiles.readRegular(cert));
        assertThrows(InputFiles.TooLarge.class, () -> InputFiles.readRegular(cert, 1024));
    }

    @Test
    void aFileWithinTheLimitIsReadWhole() throws Exception {
        Path small = Files.write(dir.resolve("ca.crt"), new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, InputFiles.readRegular(small));
        assertThrows(InputFiles.TooLarge.class, () -> InputFiles.readRegular(small, 2));
    }
}
