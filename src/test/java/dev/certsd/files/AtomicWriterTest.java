package dev.certsd.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriterTest {
    @TempDir
    Path dir;

    @Test
    void aKeyIsWrittenWithExactly0600AndNoTemporaryFileIsLeft() throws IOException {
        AtomicWriter.write(dir.resolve("client.key"), bytes("key"), FileModes.KEY, false, null);
        assertEquals("key", Files.readString(dir.resolve("client.key")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("client.key"))));
        assertEquals(List.of("client.key"), names());
    }

    @Test
    void anExistingFileIsNotReplacedWithoutTheReplaceFlag() throws IOException {
        Files.writeString(dir.resolve("ca.crt"), "original");
        assertThrows(FileAlreadyExistsException.class,
                () -> AtomicWriter.write(dir.resolve("ca.crt"), bytes("other"), FileModes.CERTIFICATE, false, null));
        assertEquals("original", Files.readString(dir.resolve("ca.crt")));
        assertEquals(List.of("ca.crt"), names());
        AtomicWriter.write(dir.resolve("ca.crt"), bytes("replaced"), FileModes.CERTIFICATE, true, null);
        assertEquals("replaced", Files.readString(dir.resolve("ca.crt")));
    }

    @Test
    void temporaryFilesOfDeadWritersAreRemovedAndThoseOfLiveWritersKept() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String dead = ".ca.crt.certsd-" + gone.pid() + "-0a1b2c.tmp";
        String live = ".ca.crt.certsd-" + ProcessHandle.current().pid() + "-0a1b2c.tmp";
        Files.writeString(dir.resolve(dead), "half");
        Files.writeString(dir.resolve(live), "in progress");
        Files.writeString(dir.resolve(".ca.crt.tmp"), "not ours");
        AtomicWriter.write(dir.resolve("ca.crt"), bytes("ca"), FileModes.CERTIFICATE, false, null);
        assertEquals(List.of(".ca.crt.certsd-" + ProcessHandle.current().pid() + "-0a1b2c.tmp", ".ca.crt.tmp", "ca.crt"),
                names());
    }

    @Test
    void temporaryNamesNeverEndInAnExtensionClientsRead() {
        assertTrue(AtomicWriter.isTemporaryName(".client.key.certsd-42-00ff.tmp"));
        assertTrue(!AtomicWriter.isTemporaryName("client.key"));
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
