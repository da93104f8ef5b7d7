package dev.certsd.fix;

import static dev.certsd.testing.Fixtures.CLIENT;
import static dev.certsd.testing.Fixtures.CLIENT_CA;
import static dev.certsd.testing.TestPki.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.diagnose.Finding;
import dev.certsd.diagnose.FindingCode;
import dev.certsd.diagnose.HostReport;
import dev.certsd.files.FileChanges;
import dev.certsd.files.Journal;
import dev.certsd.files.Outcome;
import dev.certsd.files.Problem;
import dev.certsd.testing.Fixtures;
import dev.certsd.testing.TestPki;
import dev.certsd.testing.TreeSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fixes never act on what the user did not see, and say so when they cannot act. */
class FixSafetyTest {
    @TempDir
    Path tmp;

    private Path healthy() {
        return Fixtures.healthy(tmp.resolve("certs.d").resolve("reg.example.com:5000"));
    }

    private static Finding finding(HostReport r, FindingCode code) {
        return r.findings().stream().filter(f -> f.code() == code).findFirst().orElseThrow();
    }

    @Test
    void aFixOfAFileChangedSinceTheScanIsRefusedAndChangesNothing() throws Exception {
        Path dir = healthy();
        write(dir, "myca.cert", CLIENT_CA.certPem());
        HostReport shown = Fixtures.scan(dir);
        var fix = Fixes.forFinding(finding(shown, FindingCode.CA_SAVED_AS_CERT), shown).get(0);
        Files.writeString(dir.resolve("myca.cert"), TestPki.cert("CN=Another CA").keys(TestPki.rsa(8)).ca().build().certPem());
        TreeSnapshot before = TreeSnapshot.of(dir);
        FileChanges files = new FileChanges(Journal.open(tmp.resolve("journal")), tmp);
        Outcome.Refused r = assertInstanceOf(Outcome.Refused.class, files.apply(fix.plan()));
        assertEquals(Problem.Code.CHANGED_SINCE_SHOWN, r.problems().get(0).code());
        assertEquals(dir.resolve("myca.cert") + " changed on disk since it was shown, so it was not touched."
                + " Refresh to see its current content, then try again.", r.problems().get(0).message(Locale.ENGLISH));
        assertEquals(before, TreeSnapshot.of(dir));
    }

    @Test
    void aWrongPassphraseSaysSoAndPlansNothing() throws Exception {
        Path dir = healthy();
        write(dir, "client.key", TestPki.encryptedPkcs8Pem(CLIENT.keys().getPrivate(), "right"));
        HostReport shown = Fixtures.scan(dir);
        Fix fix = Fixes.forFinding(finding(shown, FindingCode.ENCRYPTED_KEY), shown).get(0);
        assertTrue(fix.needsPassphrase());
        FixException noPass = assertThrows(FixException.class, fix::plan);
        assertEquals("client.key is encrypted: enter its passphrase to decrypt it.", noPass.getMessage());
        FixException wrong = assertThrows(FixException.class, () -> fix.plan("wrong".toCharArray()));
        assertEquals("The passphrase does not decrypt client.key. Check it and try again.", wrong.getMessage());
        char[] pass = "right".toCharArray();
        fix.plan(pass);
        assertEquals("\0\0\0\0\0", new String(pass), "the passphrase is wiped after use");
    }

    @Test
    void noFixIsOfferedWhereItsNameIsTakenOrTheFileIsALink() throws IOException {
        Path dir = healthy();
        TestPki.Issued other = TestPki.cert("CN=other").keys(TestPki.rsa(4)).issuer(CLIENT_CA).clientAuth().build();
        write(dir, "other.crt", other.certPem());
        write(dir, "other.key", other.keyPem());
        Files.createDirectory(dir.resolve("other.cert")); // a directory where the renamed certificate would go
        Files.createSymbolicLink(dir.resolve("linked.cert"), dir.resolve("client.cert").getFileName());
        HostReport shown = Fixtures.scan(dir);
        assertEquals(List.of(), Fixes.forFinding(finding(shown, FindingCode.CLIENT_CERT_SAVED_AS_CRT), shown));
        Finding linked = shown.findings().stream().filter(f -> "linked.cert".equals(f.file())
                && f.code() == FindingCode.ORPHAN_CERT).findFirst().orElseThrow();
        assertEquals(List.of(), Fixes.forFinding(linked, shown));
    }

    @Test
    void aKeySetAsideIsMadeReadableByItsOwnerOnlyBeforeItMoves() throws Exception {
        Path dir = healthy();
        TestPki.Issued other = TestPki.cert("CN=other").keys(TestPki.rsa(4)).issuer(CLIENT_CA).clientAuth().build();
        write(dir, "other.key", other.keyPem());
        Files.setPosixFilePermissions(dir.resolve("other.key"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        HostReport shown = Fixtures.scan(dir);
        Fix setAside = Fixes.forFinding(finding(shown, FindingCode.ORPHAN_KEY), shown).get(0);
        assertEquals(FixKind.SET_ASIDE, setAside.kind());
        FileChanges files = new FileChanges(Journal.open(tmp.resolve("journal")), tmp);
        assertInstanceOf(Outcome.Done.class, files.apply(setAside.plan()));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("disabled/other.key"))));
        assertEquals(List.of(), Fixtures.scan(dir).findings());
    }

    @Test
    void theFixTestsCoverEveryFixableCode() {
        Set<FindingCode> covered = FixesTest.cases().map(FixesTest.Case::code).collect(Collectors.toSet());
        assertEquals(Fixes.FIXABLE, covered);
    }
}
