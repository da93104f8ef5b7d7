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
    void shortReadsAreReadOnToTheEnd() throws IOException {
        for (int[] sizes : new int[][] {{10, 10}, {30, 10}, {4, 10}, {MAX + 7, MAX}}) {
            byte[] data = bytes(sizes[0]);
            java.io.InputStream dribble = new ByteArrayInputStream(data) {
                @Override
                public synchronized int read(byte[] b, int off, int len) {
                    return super.read(b, off, Math.min(len, 3)); // a network file system may read short anywhere
                }
            };
            byte[] expected = sizes[0] > MAX ? java.util.Arrays.copyOf(data, MAX + 1) : data;
            assertArrayEquals(expected, reader.readCapped(dribble, sizes[1]), sizes[0] + " bytes, stat said " + sizes[1]);
        }
    }

    @Test
    void aNameThatIsNotUtf8IsReadByItsBytes() throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", "printf 'stray content' > \"$(printf 'bad\\377name.crt')\"")
                .directory(tmp.toFile()).start();
        assertEquals(0, p.waitFor());
        Path odd;
        try (var listing = Files.list(tmp)) {
            odd = listing.findFirst().orElseThrow();
        }
        FileEntry e = reader.read(odd);
        assertEquals(FileEntry.Kind.REGULAR, e.kind());
        assertArrayEquals("stray content".getBytes(java.nio.charset.StandardCharsets.US_ASCII), e.bytes());
    }

    @Test
    void entriesOfOneModeShareOneUnmodifiableSet() throws IOException {
        Path a = Files.write(tmp.resolve("a.key"), bytes(3));
        Path b = Files.write(tmp.resolve("b.key"), bytes(4));
        for (Path f : new Path[] {a, b}) {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        }
        FileEntry first = reader.read(a);
        assertTrue(first.perms() == reader.read(b).perms());
        assertEquals(PosixFilePermissions.fromString("rw-------"), first.perms());
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> first.perms().add(java.nio.file.attribute.PosixFilePermission.OTHERS_READ));
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

    /** Copies share the first copy's array; a content that differs in a byte the hash does not sample is its own. */
    @Test
    void copiesShareOneArrayAndEveryContentIsItsOwn() throws IOException {
        byte[] content = bytes(1000);
        byte[] other = content.clone();
        other[1] = 'Z'; // index 1 is not in the hash's sample: same hash, other bytes
        Path a = Files.write(tmp.resolve("a.crt"), content);
        Path b = Files.write(tmp.resolve("b.crt"), content);
        Path c = Files.write(tmp.resolve("c.crt"), other);
        Path d = Files.write(tmp.resolve("d.crt"), bytes(MAX - 1));
        var parsed = new java.util.concurrent.ConcurrentHashMap<EntryReader.ContentKey, EntryReader.Parsed>();
        EntryReader big = new EntryReader(4096);
        FileEntry first = big.read(a, "a.crt", parsed);
        FileEntry copy = big.read(b, "b.crt", parsed);
        FileEntry differs = big.read(c, "c.crt", parsed);
        big.read(d, "d.crt", parsed); // read into the same scratch array after them
        assertTrue(first.bytes() == copy.bytes(), "a copy holds the first copy's array");
        assertFalse(first.bytes() == differs.bytes());
        assertArrayEquals(content, first.bytes());
        assertArrayEquals(other, differs.bytes());
        assertEquals(3, parsed.size());
        assertEquals(new EntryReader.ContentKey(content, 1000).hashCode(), new EntryReader.ContentKey(other, 1000).hashCode());
    }

    /** Keys that share their hash stay apart by their bytes and are found among thousands (a bin of them is a tree). */
    @Test
    void keysWithOneHashAreStillTold() {
        var map = new java.util.concurrent.ConcurrentHashMap<EntryReader.ContentKey, Integer>();
        int n = 5000;
        for (int i = 0; i < n; i++) {
            byte[] b = bytes(1000);
            b[1] = (byte) i;
            b[2] = (byte) (i >> 8);
            map.put(new EntryReader.ContentKey(b, b.length), i);
        }
        assertEquals(n, map.size());
        for (int i = 0; i < n; i += 7) {
            byte[] b = bytes(1200); // a longer array: only the first 1000 bytes are the key
            b[1] = (byte) i;
            b[2] = (byte) (i >> 8);
            assertEquals(i, map.get(new EntryReader.ContentKey(b, 1000)));
        }
    }
}
