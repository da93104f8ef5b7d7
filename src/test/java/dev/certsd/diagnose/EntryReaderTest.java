package dev.certsd.diagnose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading an entry: sized by stat, still right when the file changed size since, capped, one stat for a plain file. */
class EntryReaderTest {
    private static final int MAX = 100;
    private final EntryReader reader = new EntryReader(MAX);

    @TempDir
    Path tmp;

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ('a' + i % 26); // a different byte at each place: an offset error shows
        }
        return b;
    }

    private byte[] read(int actual, int statSize) throws IOException {
        return reader.readCapped(new ByteArrayInputStream(bytes(actual)), statSize);
    }

    @Test
    void sizeAsStatSaid() throws IOException {
        assertArrayEquals(bytes(10), read(10, 10));
        assertArrayEquals(bytes(0), read(0, 0));
        assertArrayEquals(bytes(MAX), read(MAX, MAX));
    }

    @Test
    void shrankOrGrewSinceStat() throws IOException {
        assertArrayEquals(bytes(4), read(4, 10));
        assertArrayEquals(bytes(30), read(30, 10));
        assertArrayEquals(bytes(30), read(30, 0)); // e.g. files whose stat size is 0
    }

    @Test
    void grewPastTheCapReadsOneByteMoreThanTheCap() throws IOException {
        assertEquals(MAX + 1, read(5 * MAX, 10).length);
        assertEquals(MAX + 1, read(MAX + 1, MAX).length);
    }

    @Test
    void plainFileAndLinkedFileReadTheSame() throws IOException {
        Path file = Files.write(tmp.resolve("a.crt"), bytes(20));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        Path link = Files.createSymbolicLink(tmp.resolve("b.crt"), file.getFileName());
        FileEntry plain = reader.read(file);
        FileEntry linked = reader.read(link);
        assertFalse(plain.symlink());
        assertTrue(linked.symlink());
        for (FileEntry e : new FileEntry[] {plain, linked}) {
            assertEquals(FileEntry.Kind.REGULAR, e.kind());
            assertArrayEquals(bytes(20), e.bytes());
            assertEquals(PosixFilePermissions.fromString("rw-r-----"), e.perms());
        }
        Files.write(tmp.resolve("big.crt"), bytes(MAX + 1));
        assertEquals(FileEntry.Kind.TOO_LARGE, reader.read(tmp.resolve("big.crt")).kind());
        assertEquals(FileEntry.Kind.BROKEN_SYMLINK,
                reader.read(Files.createSymbolicLink(tmp.resolve("gone.crt"), tmp.resolve("nowhere"))).kind());
    }
}
