package dev.certsd.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.certsd.testing.TreeSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every kind of step: apply, undo, redo, undo again, with a "restart" (a new journal instance on the same
 * directory) between each, and the tree compared byte for byte and mode for mode with the state before or after.
 */
class UndoRedoTest {
    @TempDir
    Path tree;
    @TempDir
    Path journalDir;

    interface Setup {
        void apply(Path dir) throws IOException;
    }

    interface Changes {
        ChangeSet of(Path dir) throws IOException;
    }

    record Case(String name, Setup setup, Changes changes, Consumer<Path> checkAfter) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final byte[] OLD = "old content\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NEW = "new content, longer than the old one\n".getBytes(StandardCharsets.US_ASCII);

    static Stream<Case> cases() {
        return Stream.of(
            new Case("create a key 0600", d -> { },
                d -> ChangeSet.of(text(), FileOp.WriteFile.create(d.resolve("client.key"), NEW, FileModes.KEY)),
                d -> assertFile(d.resolve("client.key"), NEW, "rw-------")),
            new Case("overwrite a file and tighten its mode", d -> write(d.resolve("client.key"), OLD, "rw-r--r--"),
                d -> ChangeSet.of(text(), FileOp.WriteFile.overwrite(d.resolve("client.key"),
                        Expected.file(OLD, PosixFilePermissions.fromString("rw-r--r--")), NEW, FileModes.KEY)),
                d -> assertFile(d.resolve("client.key"), NEW, "rw-------")),
            new Case("rename a file", d -> write(d.resolve("ca.cert"), OLD, "rw-r-----"),
                d -> ChangeSet.of(text(), new FileOp.Rename(d.resolve("ca.cert"), d.resolve("ca.crt"),
                        Expected.file(OLD, null))),
                d -> assertFile(d.resolve("ca.crt"), OLD, "rw-r-----")),
            new Case("rename a directory", d -> {
                Files.createDirectory(d.resolve("reg:443"));
                write(d.resolve("reg:443").resolve("ca.crt"), OLD, "rw-r--r--");
            }, d -> ChangeSet.of(text(), new FileOp.Rename(d.resolve("reg:443"), d.resolve("reg"), Expected.directory(null))),
                d -> assertFile(d.resolve("reg").resolve("ca.crt"), OLD, "rw-r--r--")),
            new Case("delete a file into the journal", d -> write(d.resolve("orphan.key"), OLD, "rw-r-----"),
                d -> ChangeSet.of(text(), new FileOp.Delete(d.resolve("orphan.key"), Expected.file(OLD, null))),
                d -> assertEquals(false, Files.exists(d.resolve("orphan.key")))),
            new Case("make a directory and write into it", d -> { },
                d -> ChangeSet.of(text(), new FileOp.MakeDirectory(d.resolve("reg:5000"), FileModes.DIRECTORY),
                        FileOp.WriteFile.create(d.resolve("reg:5000").resolve("ca.crt"), NEW, FileModes.CERTIFICATE)),
                d -> assertFile(d.resolve("reg:5000").resolve("ca.crt"), NEW, "rw-r--r--")),
            new Case("remove an empty directory", d -> Files.createDirectory(d.resolve("old"),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x---"))),
                d -> ChangeSet.of(text(), new FileOp.Delete(d.resolve("old"), Expected.directory(null))),
                d -> assertEquals(false, Files.exists(d.resolve("old")))),
            new Case("change a key's mode", d -> write(d.resolve("client.key"), OLD, "rw-rw-r--"),
                d -> ChangeSet.of(text(), new FileOp.ChangeMode(d.resolve("client.key"), FileModes.KEY,
                        Expected.file(OLD, null))),
                d -> assertFile(d.resolve("client.key"), OLD, "rw-------")),
            new Case("set an orphan aside (mkdir and rename)", d -> write(d.resolve("o.key"), OLD, "rw-------"),
                d -> ChangeSet.of(text(), new FileOp.MakeDirectory(d.resolve("disabled"), FileModes.DIRECTORY),
                        new FileOp.Rename(d.resolve("o.key"), d.resolve("disabled").resolve("o.key"), Expected.file(OLD, null))),
                d -> assertFile(d.resolve("disabled").resolve("o.key"), OLD, "rw-------")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void undoAndRedoRestoreTheTreeByteForByteAcrossRestarts(Case c) throws IOException {
        Path dir = Files.createDirectory(tree.resolve("certs.d"));
        c.setup().apply(dir);
        TreeSnapshot before = TreeSnapshot.of(dir);

        assertInstanceOf(Outcome.Done.class, session().apply(c.changes().of(dir)));
        TreeSnapshot after = TreeSnapshot.of(dir);
        assertNotEquals(before, after);
        c.checkAfter().accept(dir);

        assertInstanceOf(Outcome.Done.class, session().undo(), "undo after a restart");
        assertEquals(before, TreeSnapshot.of(dir));

        assertInstanceOf(Outcome.Done.class, session().redo(), "redo after a restart");
        assertEquals(after, TreeSnapshot.of(dir));

        assertInstanceOf(Outcome.Done.class, session().undo());
        assertEquals(before, TreeSnapshot.of(dir));
        assertEquals(JournalEntry.Status.UNDONE, session().history().get(0).status());
    }

    /** A new journal instance on the same directory: what the app sees after a restart. */
    private FileChanges session() throws IOException {
        return new FileChanges(Journal.open(journalDir), journalDir.getParent());
    }

    static Message text() {
        return Message.of("dev.certsd.files.files", "step.rename", "a", "b");
    }

    static void write(Path p, byte[] content, String mode) throws IOException {
        Files.write(p, content);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    }

    static void assertFile(Path p, byte[] content, String mode) {
        try {
            assertEquals(new String(content, StandardCharsets.ISO_8859_1),
                    new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1), p.toString());
            assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p + " mode");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
