package dev.certsd.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.testing.RootOnly;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the privileged helper may write, and for whom: decided from the system's records, never the manifest. */
class PrivilegedRootsTest {
    @TempDir
    Path tmp;

    private static final SystemUser ALICE = new SystemUser(1000, "alice", 1000, "alice", Path.of("/home/alice"));

    @Test
    void pathsMustBeSpelledPlainly() {
        assertTrue(PrivilegedRoots.plainAbsolute("/etc/docker/certs.d/reg:5000/ca.crt"));
        for (String bad : new String[] {"etc/docker", "/etc/../shadow", "/etc/./docker", "/etc//docker", "/etc/docker/",
            "", "/etc/\0x", "/etc/docker/.."}) {
            assertFalse(PrivilegedRoots.plainAbsolute(bad), bad);
        }
    }

    @Test
    void theKnownRootsAndTheUsersOwnOnes() throws Exception {
        PrivilegedRoots r = PrivilegedRoots.load(ALICE, tmp.resolve("no-such-file"));
        assertEquals(Path.of("/etc/docker/certs.d"), r.rootOf(Path.of("/etc/docker/certs.d/reg/ca.crt")));
        assertEquals(Path.of("/home/alice/.config/containers/certs.d"),
                r.rootOf(Path.of("/home/alice/.config/containers/certs.d/reg/client.key")));
        assertNull(r.rootOf(Path.of("/etc/shadow")));
        assertNull(r.rootOf(Path.of("/home/bob/.docker/certs.d/reg/ca.crt")), "another user's home root");
        assertEquals(new Owner("alice", "alice"), r.ownerFor(Path.of("/home/alice/.docker/certs.d/reg/client.key")));
        assertNull(r.ownerFor(Path.of("/etc/docker/certs.d/reg/client.key")), "the directory's owner decides");
    }

    @Test
    void customRootsComeFromRootsOwnList() throws Exception {
        RootOnly.require("a root-owned roots list");
        Path list = Files.writeString(tmp.resolve("roots"), "# custom roots\n/srv/certs.d\n\n/opt/registry/certs.d/\n");
        PrivilegedRoots r = PrivilegedRoots.load(ALICE, list);
        assertEquals(Path.of("/srv/certs.d"), r.rootOf(Path.of("/srv/certs.d/reg/ca.crt")));
        assertEquals(Path.of("/opt/registry/certs.d"), r.rootOf(Path.of("/opt/registry/certs.d/reg/ca.crt")));

        Files.writeString(list, "/srv/../etc\n");
        assertEquals(Problem.Code.PREPARED_ROOTS_FILE, assertThrows(ChangeException.class,
                () -> PrivilegedRoots.load(ALICE, list)).problem().code());
        Files.writeString(list, "/srv/certs.d\n");
        Files.setAttribute(list, "unix:uid", 65534);
        assertEquals(Problem.Code.PREPARED_ROOTS_FILE, assertThrows(ChangeException.class,
                () -> PrivilegedRoots.load(ALICE, list)).problem().code(), "another user's list");
        Files.setAttribute(list, "unix:uid", 0);
        Files.setPosixFilePermissions(list, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
        assertEquals(Problem.Code.PREPARED_ROOTS_FILE, assertThrows(ChangeException.class,
                () -> PrivilegedRoots.load(ALICE, list)).problem().code(), "a list others may write");
    }

    @Test
    void whoAskedComesFromPkexecThenSudo() {
        assertEquals(1000, SystemUser.invokingUid(Map.of("PKEXEC_UID", "1000", "SUDO_UID", "1001")));
        assertEquals(1001, SystemUser.invokingUid(Map.of("SUDO_UID", "1001")));
        assertEquals(CurrentUser.uid(), SystemUser.invokingUid(Map.of("PKEXEC_UID", "0; rm -rf /")));
        assertEquals(CurrentUser.uid(), SystemUser.invokingUid(Map.of()));
    }

    @Test
    void usersAreTheSystemsAccounts() {
        SystemUser root = SystemUser.byUid(0).orElseThrow();
        assertEquals("root", root.name());
        assertEquals(Path.of("/root"), root.home());
        assertTrue(SystemUser.byUid(3_999_999_999L).isEmpty());
    }
}
