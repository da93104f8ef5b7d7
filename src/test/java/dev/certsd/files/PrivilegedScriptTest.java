package dev.certsd.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.testing.AsNobody;
import dev.certsd.testing.ExternalTools;
import dev.certsd.testing.TreeSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prepared sudo script, run for real with bash as root, after the user who prepared it (nobody) tampered with
 * the prepared directory: it checks every content against the SHA-256 in its own text, in a copy only root may
 * read, and changes nothing when one differs or is a link; it changes only paths inside known roots.
 */
class PrivilegedScriptTest {
    @TempDir
    Path base;
    private Path shared;
    private AsNobody nobody;
    private Path host;
    private Path sentinel;
    private Path roots;

    @BeforeEach
    void prepareAsNobody() throws Exception {
        shared = Files.createTempDirectory("certsd-nobody");
        nobody = AsNobody.prepare(shared);
        ExternalTools.require("bash", "bash");
        host = Files.createDirectories(shared.resolve("certs.d").resolve("reg.example.com"));
        for (Path d = host; !d.equals(shared); d = d.getParent()) {
            Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        for (String f : List.of("ca.cert", "old.crt", "orphan.key", "weak.key", "junk.txt")) {
            UndoRedoTest.write(host.resolve(f), UnprivilegedSession.OLD, "rw-r--r--");
        }
        sentinel = Files.writeString(base.resolve("sentinel.key"), "root's own secret\n");
        Files.setPosixFilePermissions(sentinel, FileModes.KEY);
        roots = Files.writeString(base.resolve("roots"), shared.resolve("certs.d") + "\n");
    }

    @AfterEach
    void removeShared() throws IOException {
        try (Stream<Path> walk = Files.walk(shared)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** nobody prepares the change set; returns the script's path. */
    private Path prepared() throws Exception {
        Path journal = nobody.ownedDirectory("journal");
        ExternalTools.Result r = nobody.run(UnprivilegedSession.class, "apply", journal.toString(), host.toString());
        assertTrue(r.stdout().contains("outcome: NeedsPrivilege"), r.stdout() + r.stderr());
        return Path.of(r.stdout().lines().filter(l -> l.startsWith("script: ")).findFirst().orElseThrow()
                .substring("script: ".length()));
    }

    private static Path keyBlob(Path script) {
        return script.resolveSibling("blobs").resolve(Sha256.hex(UnprivilegedSession.NEW_KEY));
    }

    private ExternalTools.Result asNobody(String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=" + AsNobody.UID, "--regid=" + AsNobody.UID,
                "--clear-groups"));
        cmd.addAll(List.of(command));
        return ExternalTools.run(cmd, shared);
    }

    private ExternalTools.Result runAsRoot(Path script, boolean withRoots) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("env"));
        if (withRoots) {
            cmd.add("CERTSD_ROOTS_FILE=" + roots);
        }
        cmd.addAll(List.of("bash", script.toString()));
        return ExternalTools.run(cmd, base);
    }

    private void refusedAndNothingChanged(Path script, String why) throws Exception {
        TreeSnapshot before = TreeSnapshot.of(shared.resolve("certs.d"));
        ExternalTools.Result r = runAsRoot(script, true);
        assertEquals(1, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stderr().contains(why), r.stderr());
        assertTrue(r.stderr().contains("nothing was changed"), r.stderr());
        assertEquals(before, TreeSnapshot.of(shared.resolve("certs.d")), "nothing changed");
        try (Stream<Path> walk = Files.walk(shared.resolve("certs.d"))) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(p).contains("root's own secret"), p + " holds root's secret");
            }
        }
    }

    @Test
    void untouchedTheScriptAppliesTheChange() throws Exception {
        Path script = prepared();
        ExternalTools.Result r = runAsRoot(script, true);
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(host.resolve("client.key"))));
        assertEquals(new String(UnprivilegedSession.NEW_KEY), Files.readString(host.resolve("client.key")));
    }

    @Test
    void aBlobReplacedByALinkToARootOnlyFileIsNotInstalled() throws Exception {
        Path script = prepared();
        Path blob = keyBlob(script);
        ExternalTools.Result swap = asNobody("ln", "-sfn", sentinel.toString(), blob.toString());
        assertEquals(0, swap.exitCode(), swap.stderr());
        assertTrue(Files.isSymbolicLink(blob));
        refusedAndNothingChanged(script, blob + " is not a plain prepared file");
    }

    @Test
    void aBlobWhoseContentWasSwappedIsNotInstalled() throws Exception {
        Path script = prepared();
        Path blob = keyBlob(script);
        assertEquals(0, asNobody("sh", "-c", "echo swapped > '" + blob + "'").exitCode());
        refusedAndNothingChanged(script, blob + " does not hold what was prepared (its SHA-256 differs)");
    }

    @Test
    void aTargetOutsideTheKnownRootsIsNotChanged() throws Exception {
        Path script = prepared();
        TreeSnapshot before = TreeSnapshot.of(shared.resolve("certs.d"));
        ExternalTools.Result r = runAsRoot(script, false);
        assertEquals(1, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stderr().contains("is not inside a certs root this script may change"), r.stderr());
        assertEquals(before, TreeSnapshot.of(shared.resolve("certs.d")));
    }

    @Test
    void aHostDirectoryOthersMayWriteIsNotChanged() throws Exception {
        Path script = prepared();
        Files.setPosixFilePermissions(host, PosixFilePermissions.fromString("rwxrwxrwx"));
        refusedAndNothingChanged(script, host + " may be written by other users (mode 777)");
    }
}
