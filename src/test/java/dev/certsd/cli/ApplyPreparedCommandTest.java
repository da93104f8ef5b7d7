package dev.certsd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.files.ChangeSet;
import dev.certsd.files.Expected;
import dev.certsd.files.FileChanges;
import dev.certsd.files.FileModes;
import dev.certsd.files.FileOp;
import dev.certsd.files.Journal;
import dev.certsd.files.Outcome;
import dev.certsd.files.Message;
import dev.certsd.testing.TreeSnapshot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The helper applies a prepared change exactly, and refuses one whose prepared content was altered. */
class ApplyPreparedCommandTest {
    private static final byte[] OLD = "old\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY = "new key\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path tmp;

    private ChangeSet changes(Path dir) {
        return ChangeSet.of(Message.of("dev.certsd.fix.fixes", "fix.tighten", "weak.key"),
                new FileOp.ChangeMode(dir.resolve("weak.key"), FileModes.KEY, Expected.file(OLD, null)),
                FileOp.WriteFile.create(dir.resolve("client.key"), KEY, FileModes.KEY));
    }

    private Path dir() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("certs.d/reg"));
        Files.write(dir.resolve("weak.key"), OLD);
        Files.setPosixFilePermissions(dir.resolve("weak.key"), FileModes.CERTIFICATE);
        return dir;
    }

    /** The test's certs root, listed as the administrator lists a custom root for the helper. */
    private Path roots() throws Exception {
        return Files.writeString(tmp.resolve("roots"), tmp.resolve("certs.d") + "\n");
    }

    @Test
    void theHelperAppliesAPreparedChangeAndTheJournalSettlesIt() throws Exception {
        Path dir = dir();
        FileChanges files = new FileChanges(Journal.open(tmp.resolve("journal")), tmp);
        Outcome.NeedsPrivilege np = assertInstanceOf(Outcome.NeedsPrivilege.class, files.prepare(changes(dir)));
        java.util.List<String> helper = np.prepared().helperCommand();
        assertEquals(np.prepared().directory().toString(), helper.get(helper.size() - 1));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, CertsdCommand.run(new String[] {"apply-prepared", "--roots-file", roots().toString(),
                np.prepared().directory().toString()},
                new PrintWriter(out), new PrintWriter(err)), err.toString());
        assertTrue(out.toString().contains("- Change the permissions of " + dir.resolve("weak.key") + " to 0600\n"),
                out.toString());
        assertTrue(out.toString().contains("- Create " + dir.resolve("client.key") + " (8 bytes, mode 0600"), out.toString());
        assertEquals("new key\n", Files.readString(dir.resolve("client.key")));
        assertEquals(FileModes.KEY, Files.getPosixFilePermissions(dir.resolve("weak.key")));
        assertEquals("APPLIED", files.history().get(0).status().name());
        assertTrue(Files.notExists(np.prepared().directory()), "the prepared keys are removed once settled");
    }

    @Test
    void aPreparedChangeWhoseContentWasAlteredIsNotApplied() throws Exception {
        Path dir = dir();
        FileChanges files = new FileChanges(Journal.open(tmp.resolve("journal")), tmp);
        Outcome.NeedsPrivilege np = assertInstanceOf(Outcome.NeedsPrivilege.class, files.prepare(changes(dir)));
        try (Stream<Path> blobs = Files.list(np.prepared().directory().resolve("blobs"))) {
            Files.writeString(blobs.findFirst().orElseThrow(), "swapped\n");
        }
        TreeSnapshot before = TreeSnapshot.of(dir);
        StringWriter err = new StringWriter();
        assertEquals(1, CertsdCommand.run(new String[] {"apply-prepared", "--roots-file", roots().toString(),
                np.prepared().directory().toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err)));
        assertTrue(err.toString().startsWith("Not applied: The prepared content "), err.toString());
        assertEquals(before, TreeSnapshot.of(dir));
    }
}
