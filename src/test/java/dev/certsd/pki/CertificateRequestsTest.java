package dev.certsd.pki;

import static dev.certsd.pki.PkiChecks.apply;
import static dev.certsd.pki.PkiChecks.changes;
import static dev.certsd.pki.PkiChecks.clean;
import static dev.certsd.pki.PkiChecks.firstCert;
import static dev.certsd.pki.PkiChecks.mode;
import static dev.certsd.pki.PkiChecks.openssl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.certs.Cancel;
import dev.certsd.certs.KeySpec;
import dev.certsd.certs.PkiException;
import dev.certsd.certs.Subject;
import dev.certsd.files.FileChanges;
import dev.certsd.files.Outcome;
import dev.certsd.material.GoPem;
import dev.certsd.plan.Planned;
import dev.certsd.roots.Client;
import dev.certsd.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateRequestsTest {
    private static final TestPki.Issued CORP_CA = TestPki.cert("O=Corp,CN=Corp Issuing CA").keys(TestPki.rsa(62)).ca()
            .build();

    @TempDir
    Path tmp;

    private PendingKeys pending() {
        return new PendingKeys(tmp.resolve("data/pending-keys"));
    }

    private Planned request(Path dir, Path csr) throws PkiException {
        return new CertificateRequests(Clock.systemUTC(), pending()).request(
                new ClientSpec(dir, "corp", KeySpec.EC_P256, new Subject("alice", "Corp", ""), 365, false), csr,
                Cancel.none(), Progress.NONE);
    }

    /** What the corporate CA does with the request: signs its public key (with the usage it chooses). */
    private static String sign(Path csr, boolean clientAuth) throws Exception {
        byte[] der = GoPem.decodeAll(Files.readAllBytes(csr)).get(0).bytes();
        PublicKey pub = new JcaPKCS10CertificationRequest(der).getPublicKey();
        TestPki.Spec s = TestPki.cert("O=Corp,CN=alice").keys(new KeyPair(pub, null)).issuer(CORP_CA);
        TestPki.Issued leaf = (clientAuth ? s.clientAuth() : s.serverAuth()).build();
        return leaf.certPem() + CORP_CA.certPem();
    }

    @Test
    void theWaitingKeyStaysOutsideCertsDUntilTheSignedCertificateComes() throws Exception {
        Path dir = tmp.resolve("certs.d/reg.corp.example");
        Path csr = tmp.resolve("outbox/alice.csr");
        FileChanges changes = changes(tmp);
        apply(changes, request(dir, csr));

        assertFalse(Files.exists(dir), "no lone .key in certs.d");
        assertTrue(openssl("req", "-verify", "-noout", "-in", csr.toString()).contains("verify OK"));
        assertTrue(openssl("req", "-noout", "-text", "-in", csr.toString()).contains("TLS Web Client Authentication"));
        List<PendingKeys.Waiting> waiting = pending().list();
        assertEquals(1, waiting.size());
        assertEquals("rw-------", mode(waiting.get(0).keyFile()));
        assertEquals("rwx------", mode(pending().directory()));
        assertEquals(dir, waiting.get(0).hostDir());

        String signed = sign(csr, true);
        Planned imported = new CertificateRequests(Clock.systemUTC(), pending()).importSigned(dir, "corp",
                signed.getBytes(StandardCharsets.US_ASCII), false);
        apply(changes, imported);
        clean(dir, Client.DOCKER);
        assertEquals("CN=alice,O=Corp", firstCert(dir.resolve("corp.cert")).subject());
        assertEquals(1, GoPem.decodeAll(Files.readAllBytes(dir.resolve("corp.cert"))).size(),
                "the self-signed root is the server's to know, not sent along");
        assertEquals("rw-------", mode(dir.resolve("corp.key")));
        assertTrue(pending().list().isEmpty(), "the key left the data directory with the same change");

        assertInstanceOf(Outcome.Done.class, changes.undo());
        assertFalse(Files.exists(dir.resolve("corp.key")));
        assertEquals(1, pending().list().size(), "undo: the key waits again");
    }

    @Test
    void aCertificateForAnotherKeyIsRefused() throws Exception {
        Path dir = tmp.resolve("certs.d/reg.corp.example");
        apply(changes(tmp), request(dir, tmp.resolve("alice.csr")));
        TestPki.Issued other = TestPki.cert("O=Corp,CN=bob").keys(TestPki.ec(63)).issuer(CORP_CA).clientAuth().build();
        PkiException e = assertThrows(PkiException.class, () -> new CertificateRequests(Clock.systemUTC(), pending())
                .importSigned(dir, "corp", other.certPem().getBytes(StandardCharsets.US_ASCII), false));
        assertEquals("signed.noMatch", e.text().key());
        assertFalse(Files.exists(dir));
    }

    @Test
    void aCertificateWithoutClientAuthIsImportedWithAWarning() throws Exception {
        Path dir = tmp.resolve("certs.d/reg.corp.example");
        Path csr = tmp.resolve("alice.csr");
        apply(changes(tmp), request(dir, csr));
        Planned p = new CertificateRequests(Clock.systemUTC(), pending()).importSigned(dir, "corp",
                sign(csr, false).getBytes(StandardCharsets.US_ASCII), false);
        assertTrue(p.notes().stream().anyMatch(t -> t.key().equals("signed.noClientAuth")), p.notes().toString());
    }

    @Test
    void theOpensslRecipeForTheRequestMakesAVerifiableRequest() throws Exception {
        Path csr = tmp.resolve("by-openssl/alice.csr");
        Files.createDirectories(csr.getParent());
        PkiChecks.runScript(request(tmp.resolve("certs.d/reg.corp.example"), csr).openssl(), tmp);
        assertTrue(openssl("req", "-verify", "-noout", "-in", csr.toString()).contains("verify OK"));
    }

    @Test
    void pendingKeysAreListedOldestFirstWithWhatTheyWaitFor() throws Exception {
        apply(changes(tmp), request(tmp.resolve("certs.d/a.example"), tmp.resolve("a.csr")));
        assertEquals(tmp.resolve("a.csr"), pending().list().get(0).csr());
        assertEquals("corp", pending().list().get(0).name());
        assertTrue(pending().list().get(0).created().isAfter(Instant.now().minus(Duration.ofMinutes(5))));
        assertTrue(new X500Name(pending().list().get(0).subject()).toString().contains("CN=alice"));
    }
}
