package dev.certsd.files;

import static dev.certsd.files.UndoRedoTest.text;
import static dev.certsd.files.UndoRedoTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.testing.ExternalTools;
import dev.certsd.testing.RootOnly;
import dev.certsd.testing.TreeSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a full file system a change fails with a clear message and changes nothing (its earlier steps are undone). */
class FullFileSystemTest {
    private static final byte[] SMALL = "small\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path base;
    private Path mount;
    private boolean mounted;

    @BeforeEach
    void mountSmallTmpfs() throws Exception {
        RootOnly.require("mounting a tmpfs");
        Path program = ExternalTools.require("mount", "mount");
        mount = Files.createDirectory(base.resolve("small"));
        ExternalTools.Result r = ExternalTools.run(List.of(program.toString(), "-t", "tmpfs", "-o", "size=64k", "tmpfs",
                mount.toString()), null);
        if (r.exitCode() != 0) {
            RootOnly.unavailable("mount -t tmpfs failed: " + r.stderr().strip());
        }
        mounted = true;
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            ExternalTools.run(List.of("umount", mount.toString()), null);
        }
    }

    @Test
    void aWriteThatDoesNotFitFailsClearlyAndTheStepsBeforeItAreUndone() throws IOException {
        write(mount.resolve("ca.cert"), SMALL, "rw-r--r--");
        write(mount.resolve("client.key"), SMALL, "rw-------");
        TreeSnapshot before = TreeSnapshot.of(mount);
        byte[] big = new byte[100 * 1024];
        Arrays.fill(big, (byte) 'k');
        FileChanges changes = new FileChanges(Journal.open(base.resolve("journal")), base);
        ChangeSet cs = ChangeSet.of(text(),
                new FileOp.Rename(mount.resolve("ca.cert"), mount.resolve("ca.crt"), Expected.file(SMALL, null)),
                FileOp.WriteFile.overwrite(mount.resolve("client.key"), Expected.file(SMALL, null), big, FileModes.KEY));

        Outcome.Failed failed = assertInstanceOf(Outcome.Failed.class, changes.apply(cs));
        assertEquals(Problem.Code.NO_SPACE, failed.problem().code());
        assertEquals("The file system holding " + mount.resolve("client.key")
                + " is full: nothing was changed. Free some space and try again.", failed.problem().message(Locale.ENGLISH));
        assertTrue(failed.rolledBack());
        assertEquals(before, TreeSnapshot.of(mount), "the rename was undone and no temporary file is left");
        assertEquals(List.of(), changes.history(), "nothing to undo: nothing happened");
    }

    @Test
    void aSingleWriteThatDoesNotFitLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        write(mount.resolve("ca.crt"), SMALL, "rw-r--r--");
        TreeSnapshot before = TreeSnapshot.of(mount);
        byte[] big = new byte[200 * 1024];
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> AtomicWriter.write(mount.resolve("ca.crt"), big, FileModes.CERTIFICATE, true, null));
        assertEquals(Problem.Code.NO_SPACE, Applier.problemOf(mount.resolve("ca.crt"), e).code());
        assertEquals(before, TreeSnapshot.of(mount));
    }
}
