package dev.certsd.files;

import static dev.certsd.files.UndoRedoTest.text;
import static dev.certsd.files.UndoRedoTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.testing.TreeSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A change to a file modified on disk since it was shown is refused with a clear message, and nothing changes. */
class ChangeRefusalTest {
    private static final byte[] SHOWN = "as shown\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EDITED = "edited by someone else\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;
    @TempDir
    Path journalDir;
    private FileChanges changes;

    @BeforeEach
    void open() throws IOException {
        changes = new FileChanges(Journal.open(journalDir), journalDir.getParent());
    }

    @Test
    void overwritingAFileEditedSinceItWasShownIsRefused() throws IOException {
        write(dir.resolve("ca.crt"), SHOWN, "rw-r--r--");
        ChangeSet cs = ChangeSet.of(text(), FileOp.WriteFile.overwrite(dir.resolve("ca.crt"),
                Expected.file(SHOWN, null), "converted".getBytes(StandardCharsets.US_ASCII), FileModes.CERTIFICATE));
        assertTrue(changes.preview(cs).ready());
        Files.write(dir.resolve("ca.crt"), EDITED);
        TreeSnapshot before = TreeSnapshot.of(dir);

        assertFalse(changes.preview(cs).ready());
        Outcome.Refused r = assertInstanceOf(Outcome.Refused.class, changes.apply(cs));
        assertEquals(Problem.Code.CHANGED_SINCE_SHOWN, r.problems().get(0).code());
        assertTrue(r.problems().get(0).message(Locale.ENGLISH).contains("changed on disk since it was shown"));
        assertEquals(before, TreeSnapshot.of(dir));
        assertEquals(List.of(), changes.history());
    }

    @Test
    void renamingAFileEditedSinceItWasShownIsRefusedAndTheEarlierStepsDoNotRun() throws IOException {
        write(dir.resolve("a.key"), SHOWN, "rw-------");
        write(dir.resolve("b.cert"), SHOWN, "rw-r--r--");
        ChangeSet cs = ChangeSet.of(text(),
                new FileOp.Rename(dir.resolve("a.key"), dir.resolve("0-a.key"), Expected.file(SHOWN, null)),
                new FileOp.Rename(dir.resolve("b.cert"), dir.resolve("0-b.cert"), Expected.file(SHOWN, null)));
        Files.write(dir.resolve("b.cert"), EDITED);
        TreeSnapshot before = TreeSnapshot.of(dir);
        Outcome.Refused r = assertInstanceOf(Outcome.Refused.class, changes.apply(cs));
        assertEquals(dir.resolve("b.cert"), r.problems().get(0).path());
        assertEquals(before, TreeSnapshot.of(dir));
    }

    @Test
    void aModeChangedSinceItWasShownIsRefused() throws IOException {
        write(dir.resolve("client.key"), SHOWN, "rw-r--r--");
        ChangeSet cs = ChangeSet.of(text(), new FileOp.ChangeMode(dir.resolve("client.key"), FileModes.KEY,
                Expected.file(SHOWN, PosixFilePermissions.fromString("rw-r--r--"))));
        Files.setPosixFilePermissions(dir.resolve("client.key"), PosixFilePermissions.fromString("rw-r-----"));
        Outcome.Refused r = assertInstanceOf(Outcome.Refused.class, changes.apply(cs));
        assertEquals(Problem.Code.MODE_CHANGED, r.problems().get(0).code());
        assertEquals(List.of("0644", "0640"), r.problems().get(0).args());
    }

    @Test
    void anExistingFileIsNeverReplacedWithoutTheExplicitChoice() throws IOException {
        write(dir.resolve("ca.crt"), SHOWN, "rw-r--r--");
        ChangeSet create = ChangeSet.of(text(), FileOp.WriteFile.create(dir.resolve("ca.crt"), EDITED, FileModes.CERTIFICATE));
        Outcome.Refused r = assertInstanceOf(Outcome.Refused.class, changes.apply(create));
        assertEquals(Problem.Code.ALREADY_EXISTS, r.problems().get(0).code());
        ChangeSet rename = ChangeSet.of(text(), new FileOp.Rename(dir.resolve("ca.crt"), dir.resolve("ca.crt"),
                Expected.file(SHOWN, null)));
        assertInstanceOf(Outcome.Refused.class, changes.apply(rename));
        assertEquals("as shown\n", Files.readString(dir.resolve("ca.crt")));
    }

    @Test
    void aSymbolicLinkIsNeverWrittenThrough() throws IOException {
        Path target = dir.resolve("elsewhere.pem");
        write(target, SHOWN, "rw-r--r--");
        Files.createSymbolicLink(dir.resolve("ca.crt"), target);
        ChangeSet cs = ChangeSet.of(text(), FileOp.WriteFile.overwrite(dir.resolve("ca.crt"),
                Expected.file(SHOWN, null), EDITED, FileModes.CERTIFICATE));
        Outcome.Refused r = assertInstanceOf(Outcome.Refused.class, changes.apply(cs));
        assertEquals(Problem.Code.NOT_A_FILE, r.problems().get(0).code());
        assertEquals("as shown\n", Files.readString(target));
        assertTrue(Files.isSymbolicLink(dir.resolve("ca.crt")));
    }

    @Test
    void undoIsRefusedWhenTheFileChangedSinceAndWorksOnceItIsBack() throws IOException {
        write(dir.resolve("ca.cert"), SHOWN, "rw-r--r--");
        changes.apply(ChangeSet.of(text(), new FileOp.Rename(dir.resolve("ca.cert"), dir.resolve("ca.crt"),
                Expected.file(SHOWN, null))));
        Files.write(dir.resolve("ca.crt"), EDITED);
        TreeSnapshot edited = TreeSnapshot.of(dir);

        Outcome.Refused r = assertInstanceOf(Outcome.Refused.class, changes.undo());
        assertEquals(Problem.Code.CHANGED_SINCE_SHOWN, r.problems().get(0).code());
        assertEquals(edited, TreeSnapshot.of(dir));
        assertEquals(JournalEntry.Status.APPLIED, changes.history().get(0).status());

        Files.write(dir.resolve("ca.crt"), SHOWN);
        assertInstanceOf(Outcome.Done.class, changes.undo());
        assertEquals("as shown\n", Files.readString(dir.resolve("ca.cert")));
    }

    @Test
    void redoIsRefusedWhenTheFileChangedSinceTheUndo() throws IOException {
        write(dir.resolve("client.key"), SHOWN, "rw-r--r--");
        changes.apply(ChangeSet.of(text(), new FileOp.ChangeMode(dir.resolve("client.key"), FileModes.KEY,
                Expected.file(SHOWN, null))));
        changes.undo();
        Files.write(dir.resolve("client.key"), EDITED);
        Outcome.Refused r = assertInstanceOf(Outcome.Refused.class, changes.redo());
        assertEquals(Problem.Code.CHANGED_SINCE_SHOWN, r.problems().get(0).code());
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("client.key"))));
    }

    @Test
    void nothingToUndoOrRedoSaysSo() throws IOException {
        Outcome.Refused u = assertInstanceOf(Outcome.Refused.class, changes.undo());
        assertEquals("There is nothing to undo.", u.problems().get(0).message(Locale.ENGLISH));
        Outcome.Refused r = assertInstanceOf(Outcome.Refused.class, changes.redo());
        assertEquals(Problem.Code.NOTHING_TO_REDO, r.problems().get(0).code());
    }
}
