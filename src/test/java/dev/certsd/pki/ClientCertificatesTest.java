package dev.certsd.pki;

import static dev.certsd.pki.PkiChecks.apply;
import static dev.certsd.pki.PkiChecks.changes;
import static dev.certsd.pki.PkiChecks.clean;
import static dev.certsd.pki.PkiChecks.firstCert;
import static dev.certsd.pki.PkiChecks.mode;
import static dev.certsd.pki.PkiChecks.openssl;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.certs.Cancel;
import dev.certsd.certs.KeyPairs;
import dev.certsd.certs.KeySpec;
import dev.certsd.certs.PkiException;
import dev.certsd.certs.SigningCa;
import dev.certsd.certs.Subject;
import dev.certsd.files.FileChanges;
import dev.certsd.files.Outcome;
import dev.certsd.material.CertInfo;
import dev.certsd.material.KeyParser;
import dev.certsd.material.PrivateKeys;
import dev.certsd.plan.Placement;
import dev.certsd.plan.Planned;
import dev.certsd.roots.Client;
import dev.certsd.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientCertificatesTest {
    private static final TestPki.Issued CA = TestPki.cert("O=Certs.d Test,CN=Users CA").keys(TestPki.rsa(60)).ca()
            .build();

    @TempDir
    Path tmp;

    private final ClientCertificates certs = new ClientCertificates(Clock.systemUTC());

    private ClientSpec spec(Path dir, String name, KeySpec key, boolean overwrite) {
        return new ClientSpec(dir, name, key, new Subject("build-agent-7", "Acme", "CI"), 90, overwrite);
    }

    @Test
    void selfSignedPairIsTheDocsRecipeWithClientAuthAndLoadsClean() throws Exception {
        Path dir = tmp.resolve("certs.d/reg.example.com:5000");
        List<String> progress = new ArrayList<>();
        Planned plan = certs.selfSigned(spec(dir, "client", KeySpec.DEFAULT, false), Cancel.none(),
                (done, total, now) -> progress.add(done + "/" + total));
        assertFalse(Files.exists(dir), "nothing is written before apply");
        FileChanges changes = changes(tmp);
        apply(changes, plan);

        CertInfo cert = firstCert(dir.resolve("client.cert"));
        assertTrue(cert.selfSigned());
        assertEquals(List.of("clientAuth"), cert.extendedKeyUsages());
        assertEquals("CN=build-agent-7,OU=CI,O=Acme", cert.subject());
        assertEquals(4096, cert.keyBits());
        assertEquals(cert.publicKeyId(), KeyParser.parseGo(PrivateKeys.fromPem(Files.readAllBytes(dir.resolve(
                "client.key"))).orElseThrow().getEncoded()).key().publicKeyId());
        assertEquals("rw-------", mode(dir.resolve("client.key")));
        assertEquals("rw-r--r--", mode(dir.resolve("client.cert")));
        assertEquals(List.of("0/2", "1/2", "2/2"), progress);
        clean(dir, Client.DOCKER);
        clean(dir, Client.CONTAINERS);

        assertTrue(openssl("x509", "-in", dir.resolve("client.cert").toString(), "-noout", "-text")
                .contains("TLS Web Client Authentication"));
        assertTrue(openssl("rsa", "-check", "-noout", "-in", dir.resolve("client.key").toString()).contains("RSA key ok"));
        assertTrue(plan.openssl().render(Locale.ENGLISH).contains("openssl genrsa -out client.key 4096"));

        assertInstanceOf(Outcome.Done.class, changes.undo());
        assertFalse(Files.exists(dir), "undo removes the pair and the directory it made");
    }

    @Test
    void pairSignedByTheUsersCaVerifiesAgainstThatCa() throws Exception {
        Path caCert = TestPki.write(tmp, "ca.pem", CA.certPem());
        Path caKey = TestPki.write(tmp, "ca.key", TestPki.traditionalPem(CA.keys().getPrivate()));
        Path dir = tmp.resolve("certs.d/reg.example.com");
        Planned plan = certs.signedBy(spec(dir, "laptop", KeySpec.EC_P384, false),
                SigningCa.read(caCert, caKey, null), Cancel.none(), Progress.NONE);
        apply(changes(tmp), plan);

        CertInfo cert = firstCert(dir.resolve("laptop.cert"));
        assertEquals("CN=Users CA,O=Certs.d Test", cert.issuer());
        assertFalse(cert.isCa());
        assertEquals(384, cert.keyBits());
        assertEquals("SHA256withRSA", cert.signatureAlgorithm(), "the CA's key signs");
        clean(dir, Client.DOCKER);
        assertTrue(openssl("verify", "-CAfile", caCert.toString(), dir.resolve("laptop.cert").toString())
                .contains(": OK"));
        openssl("pkey", "-noout", "-in", dir.resolve("laptop.key").toString());
        assertEquals("rw-------", mode(dir.resolve("laptop.key")));
    }

    @Test
    void encryptedCaKeysNeedTheirPassphraseAndAWrongOneIsAClearError() throws Exception {
        Path caCert = TestPki.write(tmp, "ca.pem", CA.certPem());
        for (String pem : List.of(TestPki.encryptedPkcs8Pem(CA.keys().getPrivate(), "s3cret"),
                TestPki.legacyEncryptedPem(CA.keys().getPrivate(), "s3cret"))) {
            Path caKey = TestPki.write(tmp, "ca.key", pem);
            assertTrue(SigningCa.needsPassphrase(caKey));
            assertEquals("ca.needsPassphrase",
                    assertThrows(PkiException.class, () -> SigningCa.read(caCert, caKey, null)).text().key());
            PkiException wrong = assertThrows(PkiException.class,
                    () -> SigningCa.read(caCert, caKey, "wrong".toCharArray()));
            assertEquals("ca.wrongPassphrase", wrong.text().key());
            assertTrue(wrong.text().render(Locale.ENGLISH).contains("The passphrase does not decrypt"));
            SigningCa ca = SigningCa.read(caCert, caKey, "s3cret".toCharArray());
            assertArrayEquals(CA.keys().getPrivate().getEncoded(), ca.key().getEncoded());
        }
        assertFalse(SigningCa.needsPassphrase(TestPki.write(tmp, "plain.key", TestPki.pkcs8Pem(CA.keys().getPrivate()))));
    }

    @Test
    void theKeyOfAnotherCaIsRefused() {
        Path caCert = TestPki.write(tmp, "ca.pem", CA.certPem());
        Path otherKey = TestPki.write(tmp, "other.key", TestPki.pkcs8Pem(TestPki.rsa(61).getPrivate()));
        assertEquals("ca.keyMismatch",
                assertThrows(PkiException.class, () -> SigningCa.read(caCert, otherKey, null)).text().key());
    }

    @Test
    void anExistingPairIsReplacedOnlyWhenAskedAndUndoBringsItBack() throws Exception {
        Path dir = tmp.resolve("certs.d/reg.example.com");
        FileChanges changes = changes(tmp);
        apply(changes, certs.selfSigned(spec(dir, "client", KeySpec.EC_P256, false), Cancel.none(), Progress.NONE));
        byte[] first = Files.readAllBytes(dir.resolve("client.cert"));

        PkiException refused = assertThrows(PkiException.class, () -> certs.selfSigned(
                spec(dir, "client", KeySpec.EC_P256, false), Cancel.none(), Progress.NONE));
        assertEquals("error.pairExists", refused.text().key());
        assertArrayEquals(first, Files.readAllBytes(dir.resolve("client.cert")));

        apply(changes, certs.selfSigned(spec(dir, "client", KeySpec.EC_P256, true), Cancel.none(), Progress.NONE));
        assertFalse(java.util.Arrays.equals(first, Files.readAllBytes(dir.resolve("client.cert"))));
        clean(dir, Client.DOCKER);
        assertInstanceOf(Outcome.Done.class, changes.undo());
        assertArrayEquals(first, Files.readAllBytes(dir.resolve("client.cert")));
    }

    @Test
    void aPlanIsRefusedWhenTheFileAppearedBeforeApplying() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("certs.d/reg.example.com"));
        Planned plan = certs.selfSigned(spec(dir, "client", KeySpec.EC_P256, false), Cancel.none(), Progress.NONE);
        TestPki.write(dir, "client.key", "someone else's key");
        assertInstanceOf(Outcome.Refused.class, changes(tmp).apply(plan.changes()));
        assertFalse(Files.exists(dir.resolve("client.cert")), "all or nothing");
    }

    @Test
    void placementTellsThePositionInByteOrder() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("reg.example.com"));
        for (String n : List.of("a", "c")) {
            TestPki.pair(dir, n, TestPki.cert("CN=" + n).keys(TestPki.ec(0)).clientAuth().build());
        }
        Placement b = Placement.of(dir, "b");
        assertEquals(2, b.position());
        assertEquals(List.of("a", "b", "c"), b.pairsInLoadOrder());
        assertEquals("placement.after", b.notes().get(0).key());
        assertEquals(1, Placement.of(dir, "B").position(), "upper case sorts before lower case");
        assertEquals(1, Placement.of(dir, "a-new").position(), "'-' (0x2D) sorts before '.' (0x2E) of a.cert");
        assertEquals(List.of("a.cert", "a.key"), Placement.of(dir, "a").existing());
        assertEquals("name.extension", Placement.nameProblem("client.cert").orElseThrow().key());
        assertEquals("name.characters", Placement.nameProblem("../client").orElseThrow().key());
        assertEquals("name.empty", Placement.nameProblem(" ").orElseThrow().key());
        assertTrue(Placement.nameProblem("ci-runner_2").isEmpty());
    }

    @Test
    void cancellingKeyGenerationReturnsAtOnceAndWritesNothing() throws Exception {
        Cancel cancel = new Cancel();
        long[] cancelledAt = new long[1];
        Thread canceller = new Thread(() -> {
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                return;
            }
            cancelledAt[0] = System.nanoTime();
            cancel.cancel();
        });
        canceller.start();
        Path dir = tmp.resolve("reg.example.com");
        assertThrows(PkiException.Cancelled.class, () -> certs.selfSigned(
                new ClientSpec(dir, "client", KeySpec.RSA_4096, Subject.cn("x"), 30, false), cancel, Progress.NONE));
        long afterCancelMillis = (System.nanoTime() - cancelledAt[0]) / 1_000_000;
        canceller.join();
        assertTrue(afterCancelMillis < 500, "returned " + afterCancelMillis + " ms after the cancel");
        assertFalse(Files.exists(dir));
        assertThrows(PkiException.Cancelled.class, () -> KeyPairs.generate(KeySpec.EC_P256, cancel),
                "a cancelled request stops the next generation before it starts");
    }

    @Test
    void theOpensslRecipesShownMakeDirectoriesJustAsGood() throws Exception {
        Path selfDir = tmp.resolve("by-openssl/reg.example.com");
        PkiChecks.runScript(certs.selfSigned(spec(selfDir, "client", KeySpec.RSA_2048, false), Cancel.none(),
                Progress.NONE).openssl(), tmp);
        clean(selfDir, Client.DOCKER);
        assertEquals(List.of("clientAuth"), firstCert(selfDir.resolve("client.cert")).extendedKeyUsages());

        Path caCert = TestPki.write(tmp, "ca.pem", CA.certPem());
        Path caKey = TestPki.write(tmp, "ca.key", TestPki.pkcs8Pem(CA.keys().getPrivate()));
        Path signedDir = tmp.resolve("by-openssl/reg.example.org");
        PkiChecks.runScript(certs.signedBy(spec(signedDir, "laptop", KeySpec.EC_P256, false),
                SigningCa.read(caCert, caKey, null), Cancel.none(), Progress.NONE).openssl(), tmp);
        clean(signedDir, Client.DOCKER);
        assertTrue(openssl("verify", "-CAfile", caCert.toString(), signedDir.resolve("laptop.cert").toString())
                .contains(": OK"));
        assertEquals(List.of("laptop.cert", "laptop.key"), Files.list(signedDir).map(p -> p.getFileName().toString())
                .sorted().toList(), "the recipe cleans up after itself");
    }

    @Test
    void aSubjectWithoutCommonNameOrValidityOutOfRangeIsRefused() {
        Path dir = tmp.resolve("reg.example.com");
        assertEquals("subject.cnEmpty", assertThrows(PkiException.class, () -> certs.selfSigned(
                new ClientSpec(dir, "c", KeySpec.EC_P256, new Subject(" ", "Acme", ""), 30, false),
                Cancel.none(), Progress.NONE)).text().key());
        assertEquals("error.days", assertThrows(PkiException.class, () -> certs.selfSigned(
                new ClientSpec(dir, "c", KeySpec.EC_P256, Subject.cn("x"), 0, false),
                Cancel.none(), Progress.NONE)).text().key());
    }
}
