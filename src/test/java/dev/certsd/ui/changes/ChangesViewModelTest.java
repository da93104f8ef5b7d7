package dev.certsd.ui.changes;

import static dev.certsd.testing.Fixtures.CLIENT;
import static dev.certsd.testing.Fixtures.CLIENT_CA;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.change.ChangeLabel;
import dev.certsd.change.ChangeReport;
import dev.certsd.diagnose.Finding;
import dev.certsd.diagnose.FindingCode;
import dev.certsd.diagnose.HostReport;
import dev.certsd.files.PkexecRunner;
import dev.certsd.files.FileChanges;
import dev.certsd.files.Journal;
import dev.certsd.files.JournalEntry;
import dev.certsd.fix.Fix;
import dev.certsd.fix.Fixes;
import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.testing.Fixtures;
import dev.certsd.testing.TestPki;
import dev.certsd.testing.TreeSnapshot;
import dev.certsd.ui.UiText;
import dev.certsd.ui.workspace.Node;
import dev.certsd.ui.work.Background;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fix, delete, undo and redo as the window drives them, without a window: the view models on real files. */
class ChangesViewModelTest {
    private static final UiText EN = new UiText(Locale.ENGLISH);
    @TempDir
    Path home;
    private Path root;
    private Path dir;
    private final List<List<Path>> rescans = new ArrayList<>();

    @BeforeEach
    void files() {
        root = home.resolve("certs.d");
        dir = Fixtures.healthy(root.resolve("registry.example.com"));
    }

    private FileChanges changes() throws Exception {
        return new FileChanges(Journal.open(home.resolve("data/journal")), home);
    }

    private ChangesViewModel model(FileChanges changes) {
        return new ChangesViewModel(changes, Background.sameThread(), EN, rescans::add);
    }

    private ChangeResult run(java.util.function.Consumer<java.util.function.Consumer<ChangeResult>> action) {
        AtomicReference<ChangeResult> out = new AtomicReference<>();
        action.accept(out::set);
        assertNotNull(out.get(), "the work ran on this thread");
        return out.get();
    }

    private List<Fix> fixesOf(FindingCode code) {
        HostReport h = Fixtures.scan(dir);
        Finding f = h.findings().stream().filter(x -> x.code() == code).findFirst().orElseThrow();
        return Fixes.forFinding(f, h);
    }

    @Test
    void aFixIsPreviewedAppliedAndUndoneByteForByteWithTheMenuSayingWhat() throws Exception {
        Path cert = TestPki.write(dir, "myca.cert", CLIENT_CA.certPem());
        byte[] before = Files.readAllBytes(cert);
        ChangesViewModel vm = model(changes());
        assertEquals("Undo", vm.undoTextProperty().get());
        assertFalse(vm.canUndoProperty().get());

        ChangePreviewViewModel preview = ChangePreviewViewModel.forFixes(fixesOf(FindingCode.CA_SAVED_AS_CERT),
                vm.changes(), Background.sameThread(), EN);
        assertEquals(ChangePreviewViewModel.State.READY, preview.stateProperty().get());
        assertEquals(List.of("Rename " + cert + " to " + dir.resolve("myca.crt")), preview.steps());
        assertTrue(preview.problems().isEmpty());
        assertTrue(Files.exists(cert), "a preview changes nothing");

        ChangeResult done = run(d -> vm.apply(preview.planned(), d));
        assertEquals(ChangeReport.Kind.DONE, done.kind());
        assertEquals("Done: Rename myca.cert to myca.crt", done.title());
        assertFalse(Files.exists(cert));
        assertTrue(rescans.get(0).contains(dir.resolve("myca.crt")), rescans.toString());
        assertEquals("Undo Rename myca.cert to myca.crt", vm.undoTextProperty().get());
        assertTrue(vm.canUndoProperty().get());

        ChangeResult undone = run(vm::undo);
        assertEquals("Undone: Rename myca.cert to myca.crt", undone.title());
        assertArrayEquals(before, Files.readAllBytes(cert));
        assertFalse(Files.exists(dir.resolve("myca.crt")));
        assertEquals("Redo Rename myca.cert to myca.crt", vm.redoTextProperty().get());
        assertEquals("Undo", vm.undoTextProperty().get());

        assertEquals(ChangeReport.Kind.DONE, run(vm::redo).kind());
        assertTrue(Files.exists(dir.resolve("myca.crt")));
    }

    @Test
    void undoWorksAfterARestartFromTheJournal() throws Exception {
        Path cert = TestPki.write(dir, "myca.cert", CLIENT_CA.certPem());
        byte[] before = Files.readAllBytes(cert);
        ChangesViewModel first = model(changes());
        ChangePreviewViewModel p = ChangePreviewViewModel.forFixes(fixesOf(FindingCode.CA_SAVED_AS_CERT), first.changes(),
                Background.sameThread(), EN);
        run(d -> first.apply(p.planned(), d));

        ChangesViewModel second = model(changes()); // a new start: a new FileChanges on the same journal
        second.refresh();
        assertEquals("Undo Rename myca.cert to myca.crt", second.undoTextProperty().get());
        assertEquals(ChangeReport.Kind.DONE, run(second::undo).kind());
        assertArrayEquals(before, Files.readAllBytes(cert));
    }

    @Test
    void aFileChangedOnDiskAfterThePreviewIsRefusedAndLeftAsItIs() throws Exception {
        Path cert = TestPki.write(dir, "myca.cert", CLIENT_CA.certPem());
        ChangesViewModel vm = model(changes());
        ChangePreviewViewModel p = ChangePreviewViewModel.forFixes(fixesOf(FindingCode.CA_SAVED_AS_CERT), vm.changes(),
                Background.sameThread(), EN);
        Files.writeString(cert, CLIENT_CA.certPem() + "# edited\n");
        byte[] edited = Files.readAllBytes(cert);

        ChangeResult r = run(d -> vm.apply(p.planned(), d));
        assertEquals(ChangeReport.Kind.REFUSED, r.kind());
        assertEquals("Nothing was changed", r.title());
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).startsWith(cert + " changed on disk since it was shown"), r.problems().get(0));
        assertArrayEquals(edited, Files.readAllBytes(cert));
        assertFalse(Files.exists(dir.resolve("myca.crt")));
        assertTrue(rescans.isEmpty());
        assertFalse(vm.canUndoProperty().get());
    }

    @Test
    void aPreviewOfAFileChangedSinceItWasShownSaysSoAndCannotBeApplied() throws Exception {
        Path cert = TestPki.write(dir, "myca.cert", CLIENT_CA.certPem());
        List<Fix> fixes = fixesOf(FindingCode.CA_SAVED_AS_CERT);
        Files.writeString(cert, "changed");
        ChangePreviewViewModel p = ChangePreviewViewModel.forFixes(fixes, changes(), Background.sameThread(), EN);
        assertEquals(ChangePreviewViewModel.State.REFUSED, p.stateProperty().get());
        assertNull(p.planned());
        assertTrue(p.problems().get(0).contains("changed on disk since it was shown"), p.problems().toString());
    }

    @Test
    void severalFixesAreAChoiceAndTheStepsFollowIt() throws Exception {
        TestPki.write(dir, "other.key", TestPki.cert("CN=other").keys(TestPki.rsa(5)).build().keyPem());
        ChangePreviewViewModel p = ChangePreviewViewModel.forFixes(fixesOf(FindingCode.ORPHAN_KEY), changes(),
                Background.sameThread(), EN);
        assertEquals(2, p.choices().size());
        assertTrue(p.steps().get(p.steps().size() - 1).startsWith("Rename " + dir.resolve("other.key") + " to "
                + dir.resolve("disabled")), p.steps().toString());
        p.selectedProperty().set(p.choices().get(1));
        assertEquals(List.of("Remove " + dir.resolve("other.key") + "; its content goes to the undo journal"),
                p.steps());
    }

    @Test
    void anEncryptedKeyIsDecryptedOnlyWithItsPassphrase() throws Exception {
        TestPki.write(dir, "client.key", TestPki.encryptedPkcs8Pem(CLIENT.keys().getPrivate(), "s3cret"));
        ChangePreviewViewModel p = ChangePreviewViewModel.forFixes(fixesOf(FindingCode.ENCRYPTED_KEY), changes(),
                Background.sameThread(), EN);
        assertEquals(ChangePreviewViewModel.State.NEEDS_PASSPHRASE, p.stateProperty().get());
        assertNull(p.planned());
        char[] wrong = "nope".toCharArray();
        p.check(wrong);
        assertEquals(ChangePreviewViewModel.State.UNPLANNABLE, p.stateProperty().get());
        assertEquals("The passphrase does not decrypt client.key. Check it and try again.", p.errorProperty().get());
        assertArrayEquals(new char[4], wrong, "the passphrase is wiped");
        p.check("s3cret".toCharArray());
        assertEquals(ChangePreviewViewModel.State.READY, p.stateProperty().get());
        assertTrue(p.steps().get(0).startsWith("Replace " + dir.resolve("client.key") + " with new content"),
                p.steps().toString());
        assertEquals("", p.errorProperty().get());
    }

    @Test
    void deletingARegistryDirectoryKeepsEverythingForUndoEvenItsFolders() throws Exception {
        TestPki.write(dir.resolve("disabled"), "old.key", TestPki.cert("CN=old").keys(TestPki.rsa(6)).build().keyPem());
        TreeSnapshot before = TreeSnapshot.of(root);
        ChangesViewModel vm = model(changes());
        HostReport h = Fixtures.scan(dir);
        ChangePreviewViewModel p = ChangePreviewViewModel.forDeletion(new Node.HostNode(CertsRoot.custom(root, Client.DOCKER),
                h), vm.changes(), Background.sameThread(), EN);
        assertEquals(ChangePreviewViewModel.State.READY, p.stateProperty().get());
        assertEquals("Remove the empty directory " + dir, p.steps().get(p.steps().size() - 1));

        ChangeResult done = run(d -> vm.apply(p.planned(), d));
        assertEquals("Done: Delete the registry directory registry.example.com", done.title());
        assertFalse(Files.exists(dir));
        assertEquals(ChangeReport.Kind.DONE, run(vm::undo).kind());
        assertEquals(before, TreeSnapshot.of(root), "contents and modes are back");
    }

    @Test
    void aSymbolicLinkIsNotDeletedAndTheUserIsToldWhy() throws Exception {
        Files.createSymbolicLink(dir.resolve("link.crt"), dir.resolve("ca.crt"));
        HostReport h = Fixtures.scan(dir);
        ChangePreviewViewModel p = ChangePreviewViewModel.forDeletion(new Node.FileNode(CertsRoot.custom(root, Client.DOCKER),
                h, h.files().stream().filter(f -> f.name().equals("link.crt")).findFirst().orElseThrow()),
                changes(), Background.sameThread(), EN);
        assertEquals(ChangePreviewViewModel.State.UNPLANNABLE, p.stateProperty().get());
        assertTrue(p.errorProperty().get().startsWith(dir.resolve("link.crt") + " is a symbolic link"),
                p.errorProperty().get());
        assertTrue(Files.isSymbolicLink(dir.resolve("link.crt")));
    }

    @Test
    void aPreparedChangeIsShownWithItsScriptAndCountsAsDoneOnceRootRanIt() throws Exception {
        Path cert = TestPki.write(dir, "myca.cert", CLIENT_CA.certPem());
        FileChanges changes = changes();
        ChangesViewModel vm = model(changes);
        ChangePreviewViewModel p = ChangePreviewViewModel.forFixes(fixesOf(FindingCode.CA_SAVED_AS_CERT), changes,
                Background.sameThread(), EN);
        // the administrator path, as for a root-owned directory (the tests run as root, so it is asked for)
        ChangeResult pending = ChangeResult.of(ChangeReport.of(ChangeReport.Action.APPLY, changes.prepare(p.planned())), EN);
        assertEquals(ChangeReport.Kind.NEEDS_PRIVILEGE, pending.kind());
        assertEquals("Administrator rights needed: Rename myca.cert to myca.crt", pending.title());
        assertEquals(List.of("Rename " + cert + " to " + dir.resolve("myca.crt")), pending.steps());
        assertTrue(pending.prepared().scriptText().contains(cert.toString()), pending.prepared().scriptText());

        ChangeResult notYet = run(d -> vm.checkAdministratorDone(pending, d));
        assertEquals(ChangeReport.Kind.NEEDS_PRIVILEGE, notYet.kind());
        assertTrue(Files.exists(cert));

        ProcessBuilder pb = new ProcessBuilder("sh", pending.prepared().script().toString()).redirectErrorStream(true);
        // the test's root, listed as an administrator lists a custom root for the privileged path
        pb.environment().put("CERTSD_ROOTS_FILE", Files.writeString(home.resolve("roots"), root + "\n").toString());
        Process sh = pb.start();
        String said = new String(sh.getInputStream().readAllBytes());
        assertEquals(0, sh.waitFor(), said);
        ChangeResult done = run(d -> vm.checkAdministratorDone(pending, d));
        assertEquals(ChangeReport.Kind.DONE, done.kind());
        assertTrue(Files.exists(dir.resolve("myca.crt")));
        assertEquals("Undo Rename myca.cert to myca.crt", vm.undoTextProperty().get());
    }

    @Test
    void theHistoryListsEachChangeNewestFirstWithItsStatus() throws Exception {
        TestPki.write(dir, "myca.cert", CLIENT_CA.certPem());
        Files.setPosixFilePermissions(dir.resolve("client.key"), java.nio.file.attribute.PosixFilePermissions
                .fromString("rw-r--r--"));
        ChangesViewModel vm = model(changes());
        for (FindingCode code : List.of(FindingCode.CA_SAVED_AS_CERT, FindingCode.KEY_READABLE_BY_OTHERS)) {
            ChangePreviewViewModel p = ChangePreviewViewModel.forFixes(fixesOf(code), vm.changes(), Background.sameThread(), EN);
            run(d -> vm.apply(p.planned(), d));
        }
        run(vm::undo);
        assertEquals(List.of("Change the permissions of client.key", "Rename myca.cert to myca.crt"),
                vm.history().stream().map(HistoryRow::label).toList());
        assertEquals(List.of(JournalEntry.Status.UNDONE, JournalEntry.Status.APPLIED),
                vm.history().stream().map(HistoryRow::status).toList());
        assertEquals(List.of("undone", "done"), vm.history().stream().map(HistoryRow::statusText).toList());
        assertEquals(List.of("Change the permissions of " + dir.resolve("client.key") + " from 0644 to 0600"),
                vm.history().get(0).steps());
    }

    @Test
    void aChangeOfSeveralStepsIsNamedByItsMainStep() throws Exception {
        HostReport h = Fixtures.scan(dir);
        String label = ChangeLabel.of(ChangePreviewViewModel.deletion(new Node.HostNode(CertsRoot.custom(root,
                Client.DOCKER), h)).ops(), EN.locale());
        assertEquals("Delete ca.crt and 3 more steps", label);
        assertEquals("ca.crt を削除 ほか 3 手順", ChangeLabel.of(ChangePreviewViewModel.deletion(new Node.HostNode(
                CertsRoot.custom(root, Client.DOCKER), h)).ops(), Locale.JAPANESE));
    }

    @Test
    void pkexecIsOfferedOnlyWhereItIsInstalled() throws Exception {
        Path bin = Files.createDirectories(home.resolve("bin"));
        assertFalse(PkexecRunner.onPath("pkexec", bin.toString()).isPresent());
        Path pkexec = Files.writeString(bin.resolve("pkexec"), "#!/bin/sh\n");
        pkexec.toFile().setExecutable(true);
        assertTrue(PkexecRunner.onPath("pkexec", "/nonexistent:" + bin).isPresent());
        assertFalse(PkexecRunner.onPath("pkexec", null).isPresent());
        ChangesViewModel without = new ChangesViewModel(changes(), Background.sameThread(), EN, p -> { },
                new PkexecRunner(PkexecRunner.onPath("pkexec", home.toString()), d -> List.of(), PkexecRunner.LIMIT));
        assertFalse(without.administratorAvailable(), "no pkexec: the action is not offered");
    }
}
