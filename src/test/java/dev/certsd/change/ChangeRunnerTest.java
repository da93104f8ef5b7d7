package dev.certsd.change;

import static dev.certsd.testing.Fixtures.CLIENT_CA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.diagnose.FindingCode;
import dev.certsd.diagnose.HostReport;
import dev.certsd.files.ChangeSet;
import dev.certsd.files.FileChanges;
import dev.certsd.files.Journal;
import dev.certsd.files.JournalEntry;
import dev.certsd.files.PreparedChange;
import dev.certsd.files.PrivilegedRunner;
import dev.certsd.files.Problem;
import dev.certsd.fix.Fixes;
import dev.certsd.testing.Fixtures;
import dev.certsd.testing.TestPki;
import dev.certsd.testing.TreeSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The change workflow on real files: apply, undo, redo, the administrator's path, and the words of each outcome. */
class ChangeRunnerTest {
    private static final Locale EN = Locale.ENGLISH;
    @TempDir
    Path home;
    private Path root;
    private Path dir;
    private ChangeRunner runner;

    @BeforeEach
    void files() throws Exception {
        root = home.resolve("certs.d");
        dir = Fixtures.healthy(root.resolve("registry.example.com"));
        runner = new ChangeRunner(new FileChanges(Journal.open(home.resolve("data/journal")), home));
    }

    private ChangeSet renameCa(String name) throws Exception {
        TestPki.write(dir, name, CLIENT_CA.certPem());
        HostReport h = Fixtures.scan(dir);
        return Fixes.forFinding(h.findings().stream().filter(f -> f.code() == FindingCode.CA_SAVED_AS_CERT
                && f.file().equals(name)).findFirst().orElseThrow(), h).get(0).plan();
    }

    @Test
    void applyUndoAndRedoEachSayWhatTheyDidWithTheStepsInTheirDirection() throws Exception {
        ChangeSet cs = renameCa("myca.cert");
        ChangeReport done = runner.apply(cs);
        assertEquals(ChangeReport.Kind.DONE, done.kind());
        assertEquals(0, done.exitCode());
        assertEquals("Done: Rename myca.cert to myca.crt", done.title(EN));
        assertEquals(cs.ops(), done.steps());
        assertEquals(List.of(), done.explanation());
        assertTrue(Files.exists(dir.resolve("myca.crt")));

        ChangeReport undone = runner.undo();
        assertEquals("Undone: Rename myca.cert to myca.crt", undone.title(EN));
        assertEquals(undone.entry().inverse(), undone.steps());
        assertTrue(undone.paths().contains(dir.resolve("myca.cert")));
        assertTrue(Files.exists(dir.resolve("myca.cert")));

        ChangeReport redone = runner.redo();
        assertEquals("Redone: Rename myca.cert to myca.crt", redone.title(EN));
        assertEquals("done", redone.kind().id());
        assertEquals("元に戻しました: myca.cert の名前を myca.crt に変更", undone.title(Locale.JAPANESE));
    }

    @Test
    void aChangeRefusedByTheDiskSaysWhyAndEndsInExitCodeOne() throws Exception {
        ChangeSet cs = renameCa("myca.cert");
        Files.writeString(dir.resolve("myca.cert"), CLIENT_CA.certPem() + "# edited\n");
        ChangeReport r = runner.apply(cs);
        assertEquals(ChangeReport.Kind.REFUSED, r.kind());
        assertEquals(1, r.exitCode());
        assertEquals("refused", r.kind().id());
        assertEquals("Nothing was changed", r.title(EN));
        assertEquals(List.of(Problem.Code.CHANGED_SINCE_SHOWN), r.allProblems().stream().map(Problem::code).toList());
        assertTrue(r.explanation().get(0).render(EN).startsWith(dir.resolve("myca.cert") + " changed on disk"));
        assertEquals(List.of(), r.steps());
        assertEquals(null, r.entryId());
    }

    @Test
    void nothingToUndoIsARefusal() throws Exception {
        ChangeReport r = runner.undo();
        assertEquals(ChangeReport.Kind.REFUSED, r.kind());
        assertEquals("Nothing was undone", r.title(EN));
        assertEquals("There is nothing to undo.", r.explanation().get(0).render(EN));
    }

    @Test
    void aPreparedChangeIsDoneOnceTheFilesShowIt() throws Exception {
        ChangeSet cs = renameCa("myca.cert");
        ChangeReport pending = runner.apply(cs, true);
        assertEquals(ChangeReport.Kind.NEEDS_PRIVILEGE, pending.kind());
        assertNotNull(pending.prepared());
        assertEquals("Administrator rights needed: Rename myca.cert to myca.crt", pending.title(EN));
        assertEquals(1, pending.exitCode());
        assertEquals(pending, runner.settle(pending), "not carried out yet");

        Files.move(dir.resolve("myca.cert"), dir.resolve("myca.crt")); // what the administrator's script does
        ChangeReport settled = runner.settle(pending);
        assertEquals(ChangeReport.Kind.DONE, settled.kind());
        assertEquals(JournalEntry.Status.APPLIED, settled.entry().status());
        assertEquals("Done: Rename myca.cert to myca.crt", settled.title(EN));
    }

    @Test
    void anElevationThatLeftNoTraceSaysWhy() throws Exception {
        ChangeReport pending = runner.apply(renameCa("myca.cert"), true);
        ChangeRunner.Elevation dismissed = runner.elevate(pending, ending(126));
        assertFalse(dismissed.done());
        assertEquals("The administrator prompt was dismissed or refused: nothing was changed.",
                dismissed.why().render(EN));
        assertEquals("The helper ended with code 1: no", runner.elevate(pending, ending(1)).why().render(EN));
        assertTrue(runner.elevate(pending, ending(0)).why().render(EN).startsWith("The helper ended, but"));
    }

    private static PrivilegedRunner ending(int code) {
        return new PrivilegedRunner() {
            @Override
            public boolean available() {
                return true;
            }

            @Override
            public Result run(PreparedChange prepared) {
                return new Result(code, "no");
            }
        };
    }

    @Test
    void aChangeIsUndoneFromItsPageOnlyWhileItIsTheLastOne() throws Exception {
        ChangeReport first = runner.apply(renameCa("one.cert"));
        ChangeReport second = runner.apply(renameCa("two.cert"));
        assertTrue(runner.undoIfLast(first.entry().id()).isEmpty());
        assertTrue(Files.exists(dir.resolve("one.crt")));
        assertEquals(ChangeReport.Kind.DONE, runner.undoIfLast(second.entry().id()).orElseThrow().kind());
        assertTrue(Files.exists(dir.resolve("two.cert")));
    }

    @Test
    void aDeletedRegistryDirectoryComesBackWithUndo() throws Exception {
        TestPki.write(dir.resolve("disabled"), "old.crt", CLIENT_CA.certPem());
        TreeSnapshot before = TreeSnapshot.of(root);
        ChangeSet cs = Deletion.hostDirectory(Fixtures.scan(dir));
        assertEquals("Delete the registry directory registry.example.com", cs.description().render(EN));
        assertEquals(ChangeReport.BUNDLE, cs.description().bundle());
        ChangeReport done = runner.apply(cs);
        assertEquals("Done: Delete the registry directory registry.example.com", done.title(EN));
        assertFalse(Files.exists(dir));
        runner.undo();
        assertEquals(before, TreeSnapshot.of(root));
    }

    @Test
    void aSymbolicLinkIsNotPlannedForDeletion() throws Exception {
        Files.createSymbolicLink(dir.resolve("link.crt"), dir.resolve("ca.crt"));
        HostReport h = Fixtures.scan(dir);
        Unplannable u = assertThrows(Unplannable.class, () -> Deletion.file(h.files().stream()
                .filter(f -> f.name().equals("link.crt")).findFirst().orElseThrow()));
        assertEquals("change.delete.symlink", u.text().key());
        assertTrue(u.text().render(EN).startsWith(dir.resolve("link.crt") + " is a symbolic link"));
    }

    @Test
    void theFixLoopScansAgainAfterEachFixAndADryRunWritesNothing() throws Exception {
        TestPki.write(dir, "one.cert", CLIENT_CA.certPem());
        TestPki.write(dir, "two.cert", CLIENT_CA.certPem());
        TreeSnapshot before = TreeSnapshot.of(root);
        FixLoop.Request dry = new FixLoop.Request(FindingCode.CA_SAVED_AS_CERT, null, true, null);
        List<FixResult> planned = new FixLoop(runner, Fixtures.scanner(), dry).fixHost(Fixtures.scan(dir));
        assertEquals(List.of(FixResult.Outcome.PLANNED, FixResult.Outcome.PLANNED),
                planned.stream().map(FixResult::outcome).toList());
        assertEquals(before, TreeSnapshot.of(root), "a dry run writes nothing");

        FixLoop.Request real = new FixLoop.Request(null, null, false, null);
        List<FixResult> applied = new FixLoop(runner, Fixtures.scanner(), real).fixHost(Fixtures.scan(dir));
        assertEquals(List.of(FixResult.Outcome.APPLIED, FixResult.Outcome.APPLIED),
                applied.stream().map(FixResult::outcome).toList());
        assertTrue(Files.exists(dir.resolve("one.crt")) && Files.exists(dir.resolve("two.crt")));
        assertTrue(applied.get(1).entry().id() > applied.get(0).entry().id(), "each fix is its own undo step");
        assertTrue(new FixLoop(runner, Fixtures.scanner(), real).fixHost(Fixtures.scan(dir)).isEmpty(),
                "nothing left to fix after the rescans");
    }

    @Test
    void aDeletionJournaledByAnOlderWindowStillReadsInEveryLanguage() throws Exception {
        HostReport h = Fixtures.scan(dir);
        runner.apply(Deletion.file(h.files().stream().filter(f -> f.name().equals("ca.crt")).findFirst().orElseThrow()));
        Path entries = home.resolve("data/journal/entries");
        try (var files = Files.list(entries)) {
            for (Path p : files.toList()) { // as the window wrote it before the words moved below the UI
                Files.writeString(p, Files.readString(p).replace(ChangeReport.BUNDLE, "dev.certsd.ui.ui"));
            }
        }
        assertTrue(Files.readString(entries.resolve("0000000001.json")).contains("\"dev.certsd.ui.ui\""));

        JournalEntry e = new ChangeRunner(new FileChanges(Journal.open(home.resolve("data/journal")), home))
                .history().get(0);
        assertEquals(ChangeReport.BUNDLE, e.description().bundle());
        assertEquals("Delete ca.crt", e.description().render(EN));
        assertEquals("ca.crt を削除", e.description().render(Locale.JAPANESE));
        assertEquals("Delete ca.crt", ChangeLabel.of(e, EN));
        assertEquals(ChangeReport.Kind.DONE, runner.undo().kind());
    }
}
