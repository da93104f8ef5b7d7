package dev.certsd.files;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.testing.RootOnly;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnedByAnotherTest {
    @TempDir
    Path tmp;

    private static ChangeSet writing(Path file) {
        return ChangeSet.of(Message.of("dev.certsd.files.files", "x"), FileOp.WriteFile.create(file, new byte[] {1},
                PosixFilePermissions.fromString("rw-r--r--")));
    }

    @Test
    void aFolderOfTheUsersOwnNeverCallsForTheAdministrator() throws Exception {
        Path mine = Files.createDirectories(tmp.resolve("mine/certs.d"));
        assertFalse(OwnedByAnother.anyIn(writing(mine.resolve("reg.example.com/ca.crt"))),
                "the nearest existing directory is the user's");
    }

    @Test
    void aFolderOwnedBySomeoneElseDoes() throws Exception {
        RootOnly.require("giving a folder to another user");
        Path theirs = Files.createDirectories(tmp.resolve("theirs/certs.d"));
        Files.setOwner(theirs, theirs.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        assertTrue(OwnedByAnother.anyIn(writing(theirs.resolve("reg.example.com/ca.crt"))));
    }
}
