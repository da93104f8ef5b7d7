package dev.certsd.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.certsd.testing.RootOnly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run with sudo in a user's certs.d, a change and its undo keep the user's files the user's: a replaced file keeps
 * its owner, a new file or directory takes the owner of the directory it lands in (as the privileged helper does).
 */
class RootKeepsOwnersTest {
    private static final byte[] OLD = "old\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NEW = "new, longer\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path tree;
    @TempDir
    Path journalDir;

    @Test
    void aChangeAndItsUndoByRootLeaveTheUsersFilesToTheUser() throws IOException {
        RootOnly.require("writing as root into another user's directory");
        Path dir = Files.createDirectory(tree.resolve("certs.d"));
        Path key = dir.resolve("client.key");
        Files.write(key, OLD);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        giveTo(dir, "nobody");
        giveTo(key, "nobody");

        ChangeSet change = ChangeSet.of(UndoRedoTest.text(),
                FileOp.WriteFile.overwrite(key, Expected.file(OLD, PosixFilePermissions.fromString("rw-r--r--")), NEW,
                        FileModes.KEY),
                new FileOp.MakeDirectory(dir.resolve("reg:5000"), FileModes.DIRECTORY),
                FileOp.WriteFile.create(dir.resolve("reg:5000").resolve("ca.crt"), NEW, FileModes.CERTIFICATE));
        assertInstanceOf(Outcome.Done.class, session().apply(change));
        assertEquals("nobody", owner(key));
        assertEquals("nobody", owner(dir.resolve("reg:5000")));
        assertEquals("nobody", owner(dir.resolve("reg:5000").resolve("ca.crt")));

        assertInstanceOf(Outcome.Done.class, session().undo());
        assertEquals("nobody", owner(key), "the restored key is the user's again");
        assertEquals("old\n", Files.readString(key));
    }

    @Test
    void theOwnerKeptIsTheReplacedFilesElseTheNearestDirectorysAndOptional() {
        // what decides the owner: the file replaced, else the nearest directory that exists
        Path missing = tree.resolve("a").resolve("b").resolve("c.crt");
        Owner o = Applier.inheritedOwner(missing);
        assertEquals(owner(tree), o.user());
        assertEquals(false, o.required(), "a refused chown must not fail the user's own write");
    }

    private FileChanges session() throws IOException {
        return new FileChanges(Journal.open(journalDir), journalDir.getParent());
    }

    private static void giveTo(Path p, String user) throws IOException {
        UserPrincipalLookupService lookup = p.getFileSystem().getUserPrincipalLookupService();
        Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setOwner(lookup.lookupPrincipalByName(user));
    }

    private static String owner(Path p) {
        try {
            return Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).getName();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
