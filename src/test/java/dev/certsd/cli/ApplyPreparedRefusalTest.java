package dev.certsd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.certsd.files.ChangeSet;
import dev.certsd.files.Expected;
import dev.certsd.files.FileChanges;
import dev.certsd.files.FileModes;
import dev.certsd.files.FileOp;
import dev.certsd.files.Journal;
import dev.certsd.files.Outcome;
import dev.certsd.files.Message;
import dev.certsd.testing.AsNobody;
import dev.certsd.testing.RootOnly;
import dev.certsd.testing.TreeSnapshot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The privileged helper refuses a prepared change that was tampered with after preparation, each tampering with its
 * own message, exit code 1 and no stack trace, and changes nothing: neither in the certs root nor elsewhere.
 */
class ApplyPreparedRefusalTest {
    private static final byte[] OLD = "old\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY = "new key\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path tmp;
    private Path certs;
    private Path host;
    private Path outside;
    private Path roots;

    @BeforeEach
    void setUp() throws Exception {
        certs = Files.createDirectories(tmp.resolve("certs.d"));
        host = Files.createDirectories(certs.resolve("reg.example.com"));
        Files.write(host.resolve("weak.key"), OLD);
        Files.setPosixFilePermissions(host.resolve("weak.key"), FileModes.CERTIFICATE);
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "root only\n");
        Files.setPosixFilePermissions(outside.resolve("secret"), FileModes.KEY);
        roots = Files.writeString(tmp.resolve("roots"), certs + "\n");
    }

    private Path prepare() throws Exception {
        FileChanges files = new FileChanges(Journal.open(tmp.resolve("journal")), tmp);
        ChangeSet changes = ChangeSet.of(Message.of("dev.certsd.fix.fixes", "fix.tighten", "weak.key"),
                new FileOp.ChangeMode(host.resolve("weak.key"), FileModes.KEY, Expected.file(OLD, null)),
                FileOp.WriteFile.create(host.resolve("client.key"), KEY, FileModes.KEY),
                new FileOp.MakeDirectory(host.resolve("disabled"), FileModes.DIRECTORY));
        return assertInstanceOf(Outcome.NeedsPrivilege.class, files.prepare(changes)).prepared().directory();
    }

    /** Runs the helper on a prepared change altered by {@code tamper}; returns what it said on stderr. */
    private String refused(Consumer<Path> tamper) throws Exception {
        Path prepared = prepare();
        tamper.accept(prepared);
        TreeSnapshot before = TreeSnapshot.of(tmp.resolve("certs.d"));
        TreeSnapshot outsideBefore = TreeSnapshot.of(outside);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CertsdCommand.run(new String[] {"apply-prepared", "--roots-file", roots.toString(),
            prepared.toString()}, new PrintWriter(out), new PrintWriter(err));
        String said = err.toString();
        assertEquals(1, code, out + said);
        assertTrue(said.startsWith("Not applied: "), said);
        assertFalse(said.contains("Exception") || said.contains("\tat "), said);
        assertEquals(before, TreeSnapshot.of(tmp.resolve("certs.d")), "nothing changed in the root");
        assertEquals(outsideBefore, TreeSnapshot.of(outside), "nothing changed outside");
        return said;
    }

    /** Rewrites the manifest's first step of kind {@code op}. */
    private static Consumer<Path> step(String op, Consumer<Map<String, Object>> edit) {
        return prepared -> {
            try {
                Path m = prepared.resolve("change.json");
                Map<String, Object> manifest = JSON.std.mapFrom(Files.readString(m));
                for (Object o : (List<?>) manifest.get("ops")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> s = (Map<String, Object>) o;
                    if (op.equals(s.get("op"))) {
                        edit.accept(s);
                        break;
                    }
                }
                Files.writeString(m, JSON.std.asString(manifest));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static Path blob(Path prepared) {
        try (Stream<Path> blobs = Files.list(prepared.resolve("blobs"))) {
            return blobs.findFirst().orElseThrow();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSwappedBlobIsRefused() throws Exception {
        String said = refused(p -> {
            try {
                Files.writeString(blob(p), "swapped\n");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(said.contains("does not hold what was prepared (its SHA-256 differs"), said);
    }

    @Test
    void aBlobReplacedByALinkToARootOnlyFileIsRefused() throws Exception {
        String said = refused(p -> {
            try {
                Path b = blob(p);
                Files.delete(b);
                Files.createSymbolicLink(b, outside.resolve("secret"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(said.contains("is not a plain file of the asking user's (a symbolic link"), said);
    }

    @Test
    void aPathWithDotDotIsRefused() throws Exception {
        String said = refused(step("write", s -> s.put("path", host + "/../../outside/client.key")));
        assertTrue(said.contains("a path that is not plainly absolute (a . or .. component"), said);
    }

    @Test
    void anAbsolutePathOutsideTheRootsIsRefused() throws Exception {
        String said = refused(step("write", s -> s.put("path", outside.resolve("client.key").toString())));
        assertTrue(said.contains(outside.resolve("client.key") + " is not inside a certs root the helper knows"), said);
        assertTrue(said.contains(roots.toString()), said);
    }

    @Test
    void aRelativePathIsRefused() throws Exception {
        String said = refused(step("mkdir", s -> s.put("path", "certs.d/reg.example.com/disabled")));
        assertTrue(said.contains("not plainly absolute"), said);
    }

    @Test
    void aSymlinkComponentBelowTheRootIsRefused() throws Exception {
        // a host directory that is a link to a directory outside, even one root made: the helper does not follow it
        Path linked = certs.resolve("linked.example.com");
        Files.createSymbolicLink(linked, outside);
        String said = refused(step("write", s -> s.put("path", linked.resolve("client.key").toString())));
        assertTrue(said.contains("goes through the symbolic link " + linked), said);
    }

    @Test
    void aSetuidModeIsRefused() throws Exception {
        String said = refused(step("write", s -> s.put("mode", "rwsrwxrwx")));
        assertTrue(said.contains("the mode rwsrwxrwx; the helper sets only 0600, 0644 there"), said);
    }

    @Test
    void aWorldWritableModeIsRefused() throws Exception {
        String said = refused(step("mkdir", s -> s.put("mode", "rwxrwxrwx")));
        assertTrue(said.contains("the mode rwxrwxrwx; the helper sets only 0755 there"), said);
    }

    @Test
    void aFileMadeWritableByOthersIsRefused() throws Exception {
        String said = refused(step("chmod", s -> s.put("mode", "rw-rw-rw-")));
        assertTrue(said.contains("the mode rw-rw-rw-; the helper sets only 0600, 0644 there"), said);
    }

    @Test
    void aPreparedDirectoryOfAnotherUserIsRefused() throws Exception {
        RootOnly.require("giving the prepared directory to another user");
        String said = refused(p -> chownTree(p, AsNobody.UID));
        assertTrue(said.contains("belongs to nobody (uid 65534), not to root (uid 0) who asked for it"), said);
    }

    @Test
    void aPreparedDirectoryOthersMayWriteIsRefused() throws Exception {
        String said = refused(p -> {
            try {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxrwxrwx"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(said.contains("Other users may write the prepared change at "), said);
        assertTrue(said.contains("(mode 0777)"), said);
    }

    @Test
    void aManifestTooLargeIsRefused() throws Exception {
        String said = refused(p -> {
            try {
                Path m = p.resolve("change.json");
                Files.writeString(m, Files.readString(m) + " ".repeat(2 * 1024 * 1024));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(said.contains("change.json is larger than the helper reads (1048576 bytes)"), said);
    }

    @Test
    void aManifestThatIsNoManifestIsRefused() throws Exception {
        String said = refused(p -> {
            try {
                Files.writeString(p.resolve("change.json"), "{\"ops\": \"rm -rf /\"}");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(said.contains("is not a prepared change this version of Certs.d Studio can read"), said);
    }

    @Test
    void ownersInTheManifestAreIgnored() throws Exception {
        Path prepared = prepare();
        Path m = prepared.resolve("change.json");
        Map<String, Object> manifest = JSON.std.mapFrom(Files.readString(m));
        manifest.put("owners", Map.of(host.resolve("client.key").toString(), Map.of("user", "nobody", "group",
                "nogroup")));
        Files.writeString(m, JSON.std.asString(manifest));
        StringWriter err = new StringWriter();
        assertEquals(0, CertsdCommand.run(new String[] {"apply-prepared", "--roots-file", roots.toString(),
            prepared.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err)), err.toString());
        assertEquals(Files.getOwner(host), Files.getOwner(host.resolve("client.key")),
                "the owner is the directory's, not the manifest's");
        assertEquals(FileModes.KEY, Files.getPosixFilePermissions(host.resolve("weak.key")));
    }

    private static void chownTree(Path p, int uid) {
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.toList()) {
                Files.setAttribute(f, "unix:uid", uid, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
