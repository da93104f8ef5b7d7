package dev.certsd.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.testing.AsNobody;
import dev.certsd.testing.ExternalTools;
import dev.certsd.testing.TreeSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * As an unprivileged user against a root-owned certs.d: a clear error, nothing changed, and the privileged path
 * offered; the generated script, run by root, produces exactly the planned files and modes; the journal records the
 * change, and its undo goes through the privileged helper.
 */
class PermissionDeniedTest {
    @TempDir
    Path base;
    private Path shared;

    @AfterEach
    void removeShared() throws IOException {
        if (shared != null) {
            try (Stream<Path> walk = Files.walk(shared)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    void theUserGetsAClearErrorAndTheScriptThatRootRunsAppliesExactlyThePlan() throws Exception {
        shared = Files.createTempDirectory("certsd-nobody"); // /tmp itself: JUnit's temp dirs are closed to nobody
        AsNobody nobody = AsNobody.prepare(shared);
        Path host = populate(shared.resolve("certs.d").resolve("reg.example.com:5000"));
        Path journal = nobody.ownedDirectory("journal");
        TreeSnapshot before = TreeSnapshot.of(host);

        ExternalTools.Result asUser = nobody.run(UnprivilegedSession.class, "apply", journal.toString(), host.toString());
        assertEquals(0, asUser.exitCode(), asUser.stderr());
        assertTrue(asUser.stdout().contains("direct-write: You may not change " + host.resolve("client.key")
                + " (permission denied): nothing was changed."), asUser.stdout());
        assertTrue(asUser.stdout().contains("outcome: NeedsPrivilege"), asUser.stdout() + asUser.stderr());
        String privileged = line(asUser.stdout(), "preview-privileged: ");
        assertTrue(privileged.contains(host + ",") || privileged.endsWith(host + "]"), privileged);
        assertTrue(privileged.contains(host.resolve("weak.key").toString()), "only its owner may chmod it");
        assertEquals(before, TreeSnapshot.of(host), "nothing changed");
        Path script = Path.of(line(asUser.stdout(), "script: "));
        assertEquals(AsNobody.UID, ((Number) Files.getAttribute(script.getParent(), "unix:uid")).intValue());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(script.getParent())));
        String text = Files.readString(script);
        assertTrue(text.contains("sudo install -m 0600 -o \"${o%:*}\" -g \"${o#*:}\" -T -- \"$staged/"), text);
        String helperLine = line(asUser.stdout(), "helper: ");
        assertTrue(helperLine.startsWith("pkexec " + System.getProperty("java.home") + "/bin/java "
                + HelperCommand.ADD_OPENS + " ") || helperLine.startsWith("pkexec " + HelperCommand.WRAPPER + " "),
                helperLine);

        TreeSnapshot planned = plannedResult(base.resolve("twin").resolve("reg.example.com:5000"));
        Path roots = Files.writeString(base.resolve("roots"), shared.resolve("certs.d") + "\n");
        ExternalTools.Result asRoot = ExternalTools.run(List.of("env", "CERTSD_ROOTS_FILE=" + roots, "sh",
                script.toString()), base);
        assertEquals(0, asRoot.exitCode(), asRoot.stdout() + asRoot.stderr());
        assertEquals(planned, TreeSnapshot.of(host), "the script produced exactly the planned files and modes");
        try (Stream<Path> walk = Files.walk(host)) {
            for (Path p : walk.toList()) {
                assertEquals(0, ((Number) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS)).intValue(), p.toString());
            }
        }

        assertTrue(nobody.run(UnprivilegedSession.class, "history", journal.toString()).stdout()
                .contains("entry: 1 APPLIED"), "the journal saw the script's change through");
        ExternalTools.Result undo = nobody.run(UnprivilegedSession.class, "undo", journal.toString());
        assertTrue(undo.stdout().contains("outcome: NeedsPrivilege"), undo.stdout() + undo.stderr());
        Path prepared = Path.of(line(undo.stdout(), "script: ")).getParent();
        // What `pkexec certsd-studio apply-prepared DIR` runs as root, on behalf of nobody (PKEXEC_UID):
        PreparedApply.Result helper = PreparedApply.run(new PreparedApply.Request(prepared, AsNobody.UID, roots));
        assertTrue(helper.applied(), helper.problems().toString());
        assertEquals(before, TreeSnapshot.of(host), "undone byte for byte");
        assertTrue(nobody.run(UnprivilegedSession.class, "history", journal.toString()).stdout()
                .contains("entry: 1 UNDONE"));
    }

    /** The same change set applied in a twin directory by a user who may write there. */
    private TreeSnapshot plannedResult(Path twin) throws IOException {
        populate(twin);
        FileChanges direct = new FileChanges(Journal.open(base.resolve("root-journal")), base);
        assertInstanceOf(Outcome.Done.class, direct.apply(UnprivilegedSession.changeSet(twin)));
        return TreeSnapshot.of(twin);
    }

    private static Path populate(Path host) throws IOException {
        Files.createDirectories(host);
        for (Path d = host; d.getFileName() != null && !d.getFileName().toString().startsWith("certsd-nobody")
                && !d.getFileName().toString().startsWith("junit"); d = d.getParent()) {
            Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        UndoRedoTest.write(host.resolve("ca.cert"), UnprivilegedSession.OLD, "rw-r--r--");
        UndoRedoTest.write(host.resolve("old.crt"), UnprivilegedSession.OLD, "rw-r--r--");
        UndoRedoTest.write(host.resolve("orphan.key"), UnprivilegedSession.OLD, "rw-r--r--");
        UndoRedoTest.write(host.resolve("weak.key"), UnprivilegedSession.OLD, "rw-r--r--");
        UndoRedoTest.write(host.resolve("junk.txt"), UnprivilegedSession.OLD, "rw-r--r--");
        return host;
    }

    private static String line(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() ->
                new AssertionError("no line " + prefix + " in " + out)).substring(prefix.length());
    }
}
