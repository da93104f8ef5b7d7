package dev.certsd.files;

import static dev.certsd.files.UndoRedoTest.text;
import static dev.certsd.files.UndoRedoTest.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal holds old private keys: it is the user's alone, keeps deleted contents and a bounded history. */
class JournalTest {
    @TempDir
    Path dir;
    @TempDir
    Path home;

    @Test
    void theJournalIsPrivateToTheUser() throws IOException {
        Path journalDir = home.resolve("share/certsd-studio/journal");
        Files.createDirectories(journalDir); // as a loose umask would leave it
        Files.setPosixFilePermissions(journalDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        FileChanges changes = new FileChanges(Journal.open(journalDir), home);
        write(dir.resolve("client.key"), "secret key\n".getBytes(StandardCharsets.US_ASCII), "rw-------");
        changes.apply(ChangeSet.of(text(), FileOp.WriteFile.overwrite(dir.resolve("client.key"),
                Expected.file("secret key\n".getBytes(StandardCharsets.US_ASCII), null),
                "new key\n".getBytes(StandardCharsets.US_ASCII), FileModes.KEY)));
        try (Stream<Path> walk = Files.walk(journalDir)) {
            for (Path p : walk.toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                assertEquals(Files.isDirectory(p) ? "rwx------" : "rw-------", mode, p.toString());
            }
        }
    }

    @Test
    void theDefaultJournalIsInTheUsersDataDirectory() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path data = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local/share");
        assertEquals(data.resolve("certsd-studio/journal"), Journal.defaultDirectory());
    }

    @Test
    void aDeletedFileIsInTheJournalBeforeItIsGone() throws IOException {
        byte[] key = "orphan key\n".getBytes(StandardCharsets.US_ASCII);
        write(dir.resolve("orphan.key"), key, "rw-------");
        Journal journal = Journal.open(home.resolve("j"));
        new FileChanges(journal, home).apply(ChangeSet.of(text(),
                new FileOp.Delete(dir.resolve("orphan.key"), Expected.file(key, null))));
        assertTrue(Files.notExists(dir.resolve("orphan.key")));
        assertArrayEquals(key, Files.readAllBytes(home.resolve("j/blobs").resolve(Sha256.hex(key))));
        FileOp.WriteFile restore = (FileOp.WriteFile) journal.entries().get(0).inverse().get(0);
        assertArrayEquals(key, restore.content());
    }

    @Test
    void theHistoryIsBoundedAndForgetsTheContentsOfDroppedEntries() throws IOException {
        Journal journal = Journal.open(home.resolve("j"), 3);
        FileChanges changes = new FileChanges(journal, home);
        for (int i = 0; i < 5; i++) {
            byte[] content = ("version " + i + "\n").getBytes(StandardCharsets.US_ASCII);
            changes.apply(ChangeSet.of(text(), FileOp.WriteFile.create(dir.resolve("f" + i + ".crt"), content,
                    FileModes.CERTIFICATE)));
        }
        List<JournalEntry> history = changes.history();
        assertEquals(List.of(3L, 4L, 5L), history.stream().map(JournalEntry::id).toList());
        try (Stream<Path> blobs = Files.list(home.resolve("j/blobs"))) {
            assertEquals(3, blobs.count(), "only the contents of the three kept entries");
        }
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(Outcome.Done.class, changes.undo());
        }
        assertInstanceOf(Outcome.Refused.class, changes.undo());
        assertTrue(Files.exists(dir.resolve("f1.crt")), "older than the history: stays");
        assertTrue(Files.notExists(dir.resolve("f2.crt")));
    }

    @Test
    void aNewChangeAfterAnUndoEndsTheRedoHistory() throws IOException {
        FileChanges changes = new FileChanges(Journal.open(home.resolve("j")), home);
        byte[] a = "a\n".getBytes(StandardCharsets.US_ASCII);
        changes.apply(ChangeSet.of(text(), FileOp.WriteFile.create(dir.resolve("a.crt"), a, FileModes.CERTIFICATE)));
        changes.undo();
        assertTrue(changes.nextRedo().isPresent());
        changes.apply(ChangeSet.of(text(), FileOp.WriteFile.create(dir.resolve("b.crt"), a, FileModes.CERTIFICATE)));
        assertTrue(changes.nextRedo().isEmpty());
        assertInstanceOf(Outcome.Refused.class, changes.redo());
        assertEquals(List.of(2L), changes.history().stream().map(JournalEntry::id).toList(),
                "the dropped change #1 keeps its number to itself");
    }

    @Test
    void anEntryInterruptedBeforeItsFirstStepIsForgottenAndOneInterruptedAfterItsLastIsApplied() throws IOException {
        Journal journal = Journal.open(home.resolve("j"));
        byte[] c = "c\n".getBytes(StandardCharsets.US_ASCII);
        Path p = dir.resolve("c.crt");
        FileOp create = FileOp.WriteFile.create(p, c, FileModes.CERTIFICATE);
        FileOp remove = new FileOp.Delete(p, Expected.file(c, FileModes.CERTIFICATE));
        // As a crash would leave them: recorded as being applied, then the process died.
        journal.add(text(), List.of(create), List.of(remove), JournalEntry.Status.APPLYING, null);
        FileChanges changes = new FileChanges(journal, home);
        assertEquals(List.of(), changes.history(), "nothing happened: nothing to undo");

        journal.add(text(), List.of(create), List.of(remove), JournalEntry.Status.APPLYING, null);
        Files.write(p, c);
        Files.setPosixFilePermissions(p, FileModes.CERTIFICATE);
        assertEquals(JournalEntry.Status.APPLIED, changes.history().get(0).status());
        assertInstanceOf(Outcome.Done.class, changes.undo());
        assertTrue(Files.notExists(p));
    }

    @Test
    void aChangeInterruptedHalfWayIsShownAndNotUndoneBlindly() throws IOException {
        Journal journal = Journal.open(home.resolve("j"));
        byte[] c = "c\n".getBytes(StandardCharsets.US_ASCII);
        Path a = dir.resolve("a.crt");
        Path b = dir.resolve("b.crt");
        // Recorded as being applied; the process died after the first of two steps.
        journal.add(text(), List.of(FileOp.WriteFile.create(a, c, FileModes.CERTIFICATE),
                FileOp.WriteFile.create(b, c, FileModes.CERTIFICATE)),
                List.of(new FileOp.Delete(b, Expected.file(c, FileModes.CERTIFICATE)),
                        new FileOp.Delete(a, Expected.file(c, FileModes.CERTIFICATE))), JournalEntry.Status.APPLYING, null);
        Files.write(a, c);
        Files.setPosixFilePermissions(a, FileModes.CERTIFICATE);
        FileChanges changes = new FileChanges(journal, home);
        assertEquals(JournalEntry.Status.INTERRUPTED, changes.history().get(0).status());
        Outcome.Refused r = assertInstanceOf(Outcome.Refused.class, changes.undo());
        assertEquals(Problem.Code.INTERRUPTED, r.problems().get(0).code());
        assertTrue(r.problems().get(0).message(java.util.Locale.ENGLISH).contains("kept in the undo journal at "
                + home.resolve("j")), r.problems().get(0).message(java.util.Locale.ENGLISH));
        assertTrue(Files.exists(a));
    }
}
