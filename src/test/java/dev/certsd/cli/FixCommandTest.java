package dev.certsd.cli;

import static dev.certsd.testing.Fixtures.CLIENT;
import static dev.certsd.testing.Fixtures.CLIENT_CA;
import static dev.certsd.testing.Fixtures.SERVER_CA;
import static dev.certsd.testing.TestPki.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.certsd.testing.Fixtures;
import dev.certsd.testing.TestPki;
import dev.certsd.testing.TreeSnapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixCommandTest {
    @TempDir
    Path tmp;
    private Path root;
    private Path host;
    private Path journal;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void healthyRoot() throws IOException {
        root = Files.createDirectory(tmp.resolve("certs.d"));
        host = Fixtures.healthy(root.resolve("reg.example.com:5000"));
        journal = tmp.resolve("journal");
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        if (args[0].equals("fix") || args[0].equals("check")) {
            all.addAll(List.of("--root", root.toString(), "--daemon-json", tmp.resolve("none.json").toString(),
                    "--hosts-file", tmp.resolve("no-hosts").toString()));
        }
        if (!args[0].equals("check") && !args[0].equals("apply-prepared")) {
            all.addAll(List.of("--journal", journal.toString()));
        }
        return CertsdCommand.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void fixingOneCodeAppliesItAndUndoTakesItBack() throws IOException {
        write(host, "myca.cert", CLIENT_CA.certPem());
        TreeSnapshot before = TreeSnapshot.of(root);
        assertEquals(1, run("check"));

        assertEquals(0, run("fix", "CA_SAVED_AS_CERT"), out + "" + err);
        assertTrue(out.toString().contains("- Rename " + host.resolve("myca.cert") + " to " + host.resolve("myca.crt")), out.toString());
        assertTrue(out.toString().contains("done: recorded as change #1; `undo` takes it back"), out.toString());
        assertTrue(out.toString().contains("1 fixed, 0 not fixed"), out.toString());
        assertEquals(0, run("check"), out.toString());

        assertEquals(0, run("undo"), out + "" + err);
        assertTrue(out.toString().startsWith("Undone change #1: Rename myca.cert to myca.crt"), out.toString());
        assertEquals(before, TreeSnapshot.of(root));
        assertEquals(0, run("redo"));
        assertTrue(Files.exists(host.resolve("myca.crt")));
        assertEquals(0, run("history"));
        assertTrue(out.toString().contains("#1  "), out.toString());
        assertTrue(out.toString().contains("  applied  Rename myca.cert to myca.crt"), out.toString());
    }

    @Test
    void aChangeThroughALinkedHostDirectorySaysWhereItLands() throws IOException {
        Path real = Files.createDirectories(tmp.resolve("srv").resolve("reg"));
        write(real, "myca.cert", CLIENT_CA.certPem());
        Path link = Files.createSymbolicLink(root.resolve("reg.example.com:6000"), real);
        assertEquals(0, run("fix", "CA_SAVED_AS_CERT", "--dry-run"), out + "" + err);
        assertTrue(out.toString().contains("Through a symbolic link: " + link + " \u2192 " + real), out.toString());
        assertEquals(0, run("fix", "CA_SAVED_AS_CERT", "--json"), out + "" + err);
        assertTrue(out.toString().contains("\"links\" : [ \"Through a symbolic link: " + link) || out.toString()
                .contains("\"links\":[\"Through a symbolic link: " + link), out.toString());
        assertTrue(Files.exists(real.resolve("myca.crt")));
    }

    @Test
    void aDryRunPrintsExactlyWhatWouldChangeAndChangesNothing() throws IOException {
        write(host, "myca.cert", CLIENT_CA.certPem());
        Files.setPosixFilePermissions(host.resolve("client.key"), PosixFilePermissions.fromString("rw-r--r--"));
        TreeSnapshot before = TreeSnapshot.of(root);

        assertEquals(0, run("fix", "--all", "--dry-run"), out + "" + err);
        String text = out.toString();
        assertTrue(text.contains("Dry run: nothing is changed."), text);
        assertTrue(text.contains("- Rename " + host.resolve("myca.cert") + " to " + host.resolve("myca.crt")), text);
        assertTrue(text.contains("- Change the permissions of " + host.resolve("client.key") + " from 0644 to 0600"), text);
        assertTrue(text.contains("2 would be fixed, 0 not"), text);
        assertEquals(before, TreeSnapshot.of(root));
        assertEquals(0, run("history"));
        assertEquals("The undo journal is empty.\n", out.toString());

        assertEquals(0, run("fix", "--all", "--dry-run", "--json"));
        Map<String, Object> doc = JSON.std.mapFrom(out.toString());
        assertEquals(true, doc.get("dryRun"));
        List<?> results = (List<?>) doc.get("results");
        Map<?, ?> first = (Map<?, ?>) results.stream()
                .filter(r -> "CA_SAVED_AS_CERT".equals(((Map<?, ?>) ((Map<?, ?>) r).get("finding")).get("code")))
                .findFirst().orElseThrow();
        assertEquals("planned", first.get("outcome"));
        Map<?, ?> step = (Map<?, ?>) ((List<?>) first.get("steps")).get(0);
        assertEquals("rename", step.get("op"));
        assertEquals(host.resolve("myca.cert").toString(), step.get("path"));
        assertEquals(host.resolve("myca.crt").toString(), step.get("to"));
        assertEquals(before, TreeSnapshot.of(root));
    }

    @Test
    void allFixesEveryFixableFindingOneAtATimeAndEachIsUndoable() throws IOException {
        TestPki.Issued other = TestPki.cert("CN=other").keys(TestPki.rsa(4)).issuer(CLIENT_CA).clientAuth().build();
        write(host, "other.crt", other.certPem());
        write(host, "other.key", other.keyPem());
        write(host, "ca.crt", TestPki.der(SERVER_CA.cert()));
        Files.setPosixFilePermissions(host.resolve("client.key"), PosixFilePermissions.fromString("rw-r-----"));
        TreeSnapshot before = TreeSnapshot.of(root);

        assertEquals(0, run("fix", "--all"), out + "" + err);
        String text = out.toString();
        assertTrue(text.contains("3 fixed, 0 not fixed"), "the orphan key went with the rename of other.crt: " + text);
        assertEquals(0, run("check"), out.toString());
        assertTrue(out.toString().contains("Client pairs in load order: client.cert, other.cert"), out.toString());
        for (int i = 0; i < 3; i++) {
            assertEquals(0, run("undo"), out.toString());
        }
        assertEquals(before, TreeSnapshot.of(root));
        assertEquals(1, run("undo"));
        assertEquals("Not undone: There is nothing to undo.\n", out.toString());
    }

    @Test
    void anEncryptedKeyIsDecryptedWithThePassphraseFile() throws IOException {
        write(host, "client.key", TestPki.encryptedPkcs8Pem(CLIENT.keys().getPrivate(), "pw"));
        assertEquals(1, run("fix", "ENCRYPTED_KEY"));
        assertTrue(out.toString().contains("needs the key's passphrase: give it with --passphrase-file FILE"), out.toString());
        Path pass = tmp.resolve("pass");
        Files.writeString(pass, "wrong\n");
        assertEquals(1, run("fix", "ENCRYPTED_KEY", "--passphrase-file", pass.toString()));
        assertTrue(out.toString().contains("The passphrase does not decrypt client.key"), out.toString());
        Files.writeString(pass, "pw\n");
        assertEquals(0, run("fix", "ENCRYPTED_KEY", "--passphrase-file", pass.toString()), out.toString());
        assertEquals(0, run("check"), out.toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(host.resolve("client.key"))));
    }

    @Test
    void orphansAreSetAsideByDefaultOrRemovedOnRequest() throws IOException {
        TestPki.Issued other = TestPki.cert("CN=other").keys(TestPki.rsa(4)).issuer(CLIENT_CA).clientAuth().build();
        write(host, "a.key", other.keyPem());
        write(host, "b.key", other.keyPem());
        assertEquals(0, run("fix", "ORPHAN_KEY", "reg.example.com:5000"), out.toString());
        assertTrue(Files.exists(host.resolve("disabled/a.key")) && Files.exists(host.resolve("disabled/b.key")));
        run("undo");
        run("undo");
        assertEquals(0, run("fix", "ORPHAN_KEY", "--how", "remove"), out.toString());
        assertTrue(Files.notExists(host.resolve("a.key")) && Files.notExists(host.resolve("disabled")));
        assertEquals(0, run("check"));
    }

    @Test
    void usageErrorsExitTwoWithAMessage() {
        assertEquals(2, run("fix", "NOT_A_CODE"));
        assertTrue(err.toString().contains("Unknown finding code \"NOT_A_CODE\". Codes with a safe fix: CA_SAVED_AS_CERT,"),
                err.toString());
        assertEquals(2, run("fix", "EXPIRED"));
        assertTrue(err.toString().contains("EXPIRED has no safe fix."), err.toString());
        assertEquals(2, run("fix"));
        assertTrue(err.toString().contains("Name the finding code to fix, or use --all."), err.toString());
        assertEquals(2, run("fix", "ORPHAN_KEY", "--how", "shred"));
    }

    @Test
    void nothingToFixExitsZero() {
        assertEquals(0, run("fix", "ORPHAN_KEY"));
        assertTrue(out.toString().contains("Nothing to fix: no finding ORPHAN_KEY in the host directories checked."));
    }
}
