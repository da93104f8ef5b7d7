package dev.certsd.fix;

import static dev.certsd.testing.Fixtures.CLIENT;
import static dev.certsd.testing.Fixtures.CLIENT_CA;
import static dev.certsd.testing.Fixtures.SERVER_CA;
import static dev.certsd.testing.TestPki.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.diagnose.Finding;
import dev.certsd.diagnose.FindingCode;
import dev.certsd.diagnose.HostReport;
import dev.certsd.files.ChangeSet;
import dev.certsd.files.FileChanges;
import dev.certsd.files.FileOp;
import dev.certsd.files.Journal;
import dev.certsd.files.Outcome;
import dev.certsd.testing.Fixtures;
import dev.certsd.testing.TestPki;
import dev.certsd.testing.TreeSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fix: the engine runs before and after; the finding is gone and every other finding is the same (with the
 * renamed names), and undo restores the tree byte for byte.
 */
class FixesTest {
    private static final String DIR = "reg.example.com:5000";
    private static final TestPki.Issued OTHER = TestPki.cert("CN=other client").keys(TestPki.rsa(4)).issuer(CLIENT_CA)
            .clientAuth().build();

    @TempDir
    Path tmp;

    interface Setup {
        void apply(Path dir) throws Exception;
    }

    record Case(String name, FindingCode code, FixKind kind, String dirName, Setup setup, String passphrase,
                Set<FindingCode> alsoResolved) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case c(FindingCode code, FixKind kind, Setup setup) {
        return new Case(code + " " + kind.id(), code, kind, DIR, d -> {
            Fixtures.healthy(d);
            setup.apply(d);
        }, null, Set.of());
    }

    private static Case also(Case c, FindingCode... resolved) {
        return new Case(c.name(), c.code(), c.kind(), c.dirName(), c.setup(), c.passphrase(), Set.of(resolved));
    }

    private static Case passphrase(Case c, String name, String pass) {
        return new Case(c.name() + " " + name, c.code(), c.kind(), c.dirName(), c.setup(), pass, c.alsoResolved());
    }

    static Stream<Case> cases() {
        String caPem = SERVER_CA.certPem();
        return Stream.of(
            c(FindingCode.CA_SAVED_AS_CERT, FixKind.RENAME_TO_CRT, d -> write(d, "myca.cert", CLIENT_CA.certPem())),
            also(c(FindingCode.CLIENT_CERT_SAVED_AS_CRT, FixKind.RENAME_TO_CERT, d -> {
                write(d, "other.crt", OTHER.certPem());
                write(d, "other.key", OTHER.keyPem());
            }), FindingCode.ORPHAN_KEY),
            c(FindingCode.CRT_NOT_PEM, FixKind.CONVERT_TO_PEM, d -> write(d, "ca.crt", TestPki.der(SERVER_CA.cert()))),
            c(FindingCode.DER_CERTIFICATE, FixKind.CONVERT_TO_PEM, d -> write(d, "client.cert", TestPki.der(CLIENT.cert()))),
            c(FindingCode.PKCS7_DER, FixKind.CONVERT_TO_PEM, d -> write(d, "extra.crt", TestPki.pkcs7Der(SERVER_CA.cert()))),
            c(FindingCode.PKCS7_PEM, FixKind.CONVERT_TO_PEM, d -> write(d, "extra.crt", TestPki.pkcs7Pem(SERVER_CA.cert()))),
            c(FindingCode.PKCS7_DER, FixKind.CONVERT_TO_PEM, d ->
                    write(d, "client.cert", TestPki.pkcs7Der(CLIENT_CA.cert(), CLIENT.cert()))),
            c(FindingCode.DER_KEY, FixKind.CONVERT_TO_PEM, d -> write(d, "client.key", CLIENT.keys().getPrivate().getEncoded())),
            // client.pem holding the certificate of client.key: renamed to client.cert, the pair works
            also(c(FindingCode.ORPHAN_KEY, FixKind.RENAME, d -> {
                write(d, "other.key", OTHER.keyPem());
                write(d, "other.pem", OTHER.certPem());
            }), FindingCode.IGNORED_CERTIFICATE_FILE),
            also(c(FindingCode.IGNORED_CERTIFICATE_FILE, FixKind.RENAME, d -> {
                write(d, "other.key", OTHER.keyPem());
                write(d, "other.pem", OTHER.certPem());
            }), FindingCode.ORPHAN_KEY),
            c(FindingCode.IGNORED_CERTIFICATE_FILE, FixKind.RENAME, d -> write(d, "extra.pem", CLIENT_CA.certPem())),
            c(FindingCode.ORPHAN_KEY, FixKind.SET_ASIDE, d -> write(d, "other.key", OTHER.keyPem())),
            c(FindingCode.ORPHAN_KEY, FixKind.REMOVE, d -> write(d, "other.key", OTHER.keyPem())),
            c(FindingCode.ORPHAN_CERT, FixKind.SET_ASIDE, d -> write(d, "other.cert", OTHER.certPem())),
            c(FindingCode.ORPHAN_CERT, FixKind.REMOVE, d -> write(d, "other.cert", OTHER.certPem())),
            new Case("DEFAULT_PORT_IN_DIR_NAME rename-dir", FindingCode.DEFAULT_PORT_IN_DIR_NAME, FixKind.RENAME_HOST_DIR,
                    "reg.example.com:443", Fixtures::healthy, null, Set.of()),
            c(FindingCode.KEY_READABLE_BY_OTHERS, FixKind.TIGHTEN_KEY_MODE, d -> Files.setPosixFilePermissions(
                    d.resolve("client.key"), PosixFilePermissions.fromString("rw-r--r--"))),
            passphrase(c(FindingCode.ENCRYPTED_KEY, FixKind.DECRYPT_KEY, d -> write(d, "client.key",
                    TestPki.encryptedPkcs8Pem(CLIENT.keys().getPrivate(), "s3cret"))), "pkcs8", "s3cret"),
            passphrase(c(FindingCode.ENCRYPTED_KEY, FixKind.DECRYPT_KEY, d -> write(d, "client.key",
                    TestPki.legacyEncryptedPem(CLIENT.keys().getPrivate(), "s3cret"))), "legacy", "s3cret"),
            also(c(FindingCode.EXPIRED_PAIR_SENT_FIRST, FixKind.REORDER_PAIRS, d -> TestPki.pair(d, "a-old",
                    TestPki.cert("CN=old").keys(TestPki.rsa(7)).issuer(CLIENT_CA).clientAuth().expired())),
                    FindingCode.EXPIRED_PAIR_SENT_FIRST),
            c(FindingCode.COMBINED_CERT_AND_KEY, FixKind.SPLIT_KEY, d -> write(d, "client.cert", CLIENT.certPem() + CLIENT.keyPem())),
            c(FindingCode.CRT_HOLDS_PRIVATE_KEY, FixKind.SPLIT_KEY, d -> write(d, "ca.crt", caPem + SERVER_CA.keyPem())),
            c(FindingCode.CRT_HOLDS_PRIVATE_KEY, FixKind.SPLIT_KEY, d -> write(d, "stray.crt", OTHER.keyPem())),
            also(c(FindingCode.CRT_HOLDS_PRIVATE_KEY, FixKind.SPLIT_KEY, d -> {
                Files.delete(d.resolve("client.key"));
                write(d, "client.crt", CLIENT.keyPem()); // the key saved under the wrong name, 0644
            }), FindingCode.ORPHAN_CERT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theFindingIsGoneAndNothingElseChanged(Case c) throws Exception {
        Path root = Files.createDirectory(tmp.resolve("certs.d"));
        Path dir = root.resolve(c.dirName());
        c.setup().apply(dir);
        HostReport before = Fixtures.scan(dir);
        Finding finding = before.findings().stream().filter(f -> f.code() == c.code()).findFirst()
                .orElseThrow(() -> new AssertionError("fixture lacks " + c.code() + ": " + before.findings()));
        Fix fix = Fixes.forFinding(finding, before).stream().filter(f -> f.kind() == c.kind()).findFirst()
                .orElseThrow(() -> new AssertionError("no " + c.kind() + " fix for " + finding));
        for (Locale l : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
            assertFalse(fix.description().render(l).startsWith("fix."), fix.description().render(l));
        }
        ChangeSet changes = c.passphrase() == null ? fix.plan() : fix.plan(c.passphrase().toCharArray());
        TreeSnapshot tree = TreeSnapshot.of(root);
        FileChanges files = new FileChanges(Journal.open(tmp.resolve("journal")), tmp);
        assertTrue(files.preview(changes).ready(), files.preview(changes).problems().toString());
        assertInstanceOf(Outcome.Done.class, files.apply(changes));

        Map<String, String> renamed = renames(changes, root);
        Path afterDir = root.resolve(renamed.getOrDefault(c.dirName(), c.dirName()));
        HostReport after = Fixtures.scan(afterDir);
        assertTrue(after.findings().stream().noneMatch(f -> f.code() == c.code()), after.findings().toString());
        List<String> expected = before.findings().stream().filter(f -> !f.equals(finding))
                .filter(f -> !c.alsoResolved().contains(f.code())).map(f -> normalize(f, renamed)).sorted().toList();
        List<String> actual = after.findings().stream().map(f -> normalize(f, Map.of())).sorted().toList();
        assertEquals(expected, actual, "nothing else changed");

        assertInstanceOf(Outcome.Done.class, files.undo());
        assertEquals(tree, TreeSnapshot.of(root), "undo restores the directory byte for byte");
    }

    /** Old name to new name (files by name, the host directory by its name) for every rename of the change set. */
    private static Map<String, String> renames(ChangeSet changes, Path root) {
        Map<String, String> m = new HashMap<>();
        for (FileOp op : changes.ops()) {
            if (op instanceof FileOp.Rename r) {
                m.put(r.from().getFileName().toString(), r.to().getParent().equals(r.from().getParent())
                        ? r.to().getFileName().toString() : r.from().getParent().relativize(r.to()).toString());
            }
        }
        return m;
    }

    private static String normalize(Finding f, Map<String, String> renamed) {
        String file = f.file() == null ? null : renamed.getOrDefault(f.file(), f.file());
        List<String> args = f.args().stream().map(a -> renamed.getOrDefault(a, a)).toList();
        return f.code() + " " + f.severity() + " " + file + " " + args;
    }
}
