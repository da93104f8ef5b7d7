package dev.certsd.ui.wizard.signed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.certs.Cancel;
import dev.certsd.certs.KeySpec;
import dev.certsd.certs.Subject;
import dev.certsd.files.FileChanges;
import dev.certsd.files.Journal;
import dev.certsd.files.Outcome;
import dev.certsd.material.GoPem;
import dev.certsd.pki.CertificateRequests;
import dev.certsd.pki.ClientSpec;
import dev.certsd.pki.PendingKeys;
import dev.certsd.pki.Progress;
import dev.certsd.plan.Planned;
import dev.certsd.testing.Fixtures;
import dev.certsd.testing.TestPki;
import dev.certsd.ui.UiText;
import dev.certsd.ui.work.Background;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Locale;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Import signed certificate"'s view model: the waiting keys, the certificate matched to one, the pair's name. */
class ImportSignedViewModelTest {
    private static final UiText EN = new UiText(Locale.ENGLISH);
    private static final TestPki.Issued CORP_CA = TestPki.cert("O=Corp,CN=Corp Issuing CA").keys(TestPki.rsa(62))
            .ca().build();

    @TempDir
    Path tmp;
    private Path dir;
    private Path csr;
    private PendingKeys pending;
    private FileChanges changes;

    @BeforeEach
    void requestMade() throws Exception {
        dir = tmp.resolve("certs.d/reg.corp.example");
        csr = tmp.resolve("outbox/alice.csr");
        pending = new PendingKeys(tmp.resolve("data/pending-keys"));
        changes = new FileChanges(Journal.open(tmp.resolve("journal")), tmp);
        apply(new CertificateRequests(Clock.systemUTC(), pending).request(new ClientSpec(dir, "corp",
                KeySpec.EC_P256, new Subject("alice", "Corp", ""), 365, false), csr, Cancel.none(), Progress.NONE));
    }

    private void apply(Planned plan) throws Exception {
        Outcome o = changes.apply(plan.changes());
        assertInstanceOf(Outcome.Done.class, o, () -> String.valueOf(o));
    }

    private ImportSignedViewModel loaded() {
        ImportSignedViewModel m = new ImportSignedViewModel(pending, Background.sameThread(), EN, Clock.systemUTC());
        m.load();
        return m;
    }

    /** What the corporate CA sends back: a certificate for the request's public key, and its own. */
    private Path signed(String file) throws Exception {
        byte[] der = GoPem.decodeAll(Files.readAllBytes(csr)).get(0).bytes();
        PublicKey pub = new JcaPKCS10CertificationRequest(der).getPublicKey();
        TestPki.Issued leaf = TestPki.cert("O=Corp,CN=alice").keys(new KeyPair(pub, null)).issuer(CORP_CA)
                .clientAuth().build();
        return TestPki.write(tmp.resolve("inbox"), file, leaf.certPem() + CORP_CA.certPem());
    }

    @Test
    void theWaitingKeyIsSelectedWithTheNameOfItsRequest() {
        ImportSignedViewModel m = loaded();
        assertEquals(1, m.waiting().size());
        assertEquals(m.waiting().get(0), m.selectedProperty().get());
        assertEquals(dir, m.selectedProperty().get().hostDir());
        assertEquals("corp", m.pair().nameProperty().get());
        assertEquals("", m.listProblemProperty().get());
        assertEquals("", m.pair().problemProperty().get());
        assertFalse(m.completeProperty().get(), "no certificate chosen yet");
    }

    @Test
    void withNoWaitingKeyItSaysWhereKeysWaitAndWhatToDo() {
        ImportSignedViewModel m = new ImportSignedViewModel(new PendingKeys(tmp.resolve("elsewhere")),
                Background.sameThread(), EN, Clock.systemUTC());
        m.load();
        assertTrue(m.waiting().isEmpty());
        assertEquals("No key is waiting in " + tmp.resolve("elsewhere") + ". Make a request first: New client "
                + "certificate… › Certificate request (CSR).", m.listProblemProperty().get());
    }

    @Test
    void theCertificateIsMatchedToItsKeyAndTheImportPutsBothIntoTheHostDirectory() throws Exception {
        ImportSignedViewModel m = loaded();
        m.certificateProperty().set(signed("alice.pem").toString());
        assertEquals("", m.certificateProblemProperty().get());
        assertTrue(m.summaryProperty().get().startsWith("Certificate for CN=alice,O=Corp, issued by CN=Corp Issuing "
                + "CA,O=Corp: it answers the request corp"), m.summaryProperty().get());
        assertTrue(m.completeProperty().get());

        apply(m.planner().plan(Cancel.none(), Progress.NONE).orElseThrow());
        assertTrue(Files.isRegularFile(dir.resolve("corp.cert")));
        assertTrue(Files.isRegularFile(dir.resolve("corp.key")));
        assertTrue(pending.list().isEmpty(), "the waiting key moved into certs.d");
    }

    @Test
    void aCertificateForAnotherKeyOrNoCertificateAtAllIsSaidAndStopsTheWizard() throws Exception {
        ImportSignedViewModel m = loaded();
        TestPki.Issued other = TestPki.cert("O=Corp,CN=bob").keys(TestPki.ec(63)).issuer(CORP_CA).clientAuth().build();
        m.certificateProperty().set(TestPki.write(tmp, "bob.pem", other.certPem()).toString());
        assertEquals("The certificate for CN=bob,O=Corp fits none of the 1 waiting keys: it answers a request made "
                + "elsewhere.", m.certificateProblemProperty().get());
        assertFalse(m.completeProperty().get());

        m.certificateProperty().set(TestPki.write(tmp, "empty.pem", "").toString());
        assertEquals("This file holds no certificate: choose the certificate your CA sent back (PEM, DER or PKCS#7).",
                m.certificateProblemProperty().get());
        m.certificateProperty().set("relative.pem");
        assertFalse(m.certificateProblemProperty().get().isEmpty());
        m.certificateProperty().set(" ");
        assertEquals("Choose the certificate file your CA sent back.", m.certificateProblemProperty().get());
        assertFalse(m.completeProperty().get());
    }

    @Test
    void aPairOfThatNameInTheHostDirectoryNeedsTheReplaceChoice() throws Exception {
        Fixtures.healthy(dir);
        ImportSignedViewModel m = loaded();
        m.certificateProperty().set(signed("alice.pem").toString());
        m.pair().nameProperty().set("client");
        assertEquals("client.cert, client.key already there: tick “Replace the existing pair” or choose another name.",
                m.pair().problemProperty().get());
        assertTrue(m.pair().pairExistsProperty().get());
        assertFalse(m.completeProperty().get());
        m.pair().overwriteProperty().set(true);
        assertEquals("", m.pair().problemProperty().get());
        assertTrue(m.completeProperty().get());
        m.pair().nameProperty().set("client.cert");
        assertFalse(m.completeProperty().get(), "a name with its extension is refused");
    }

    @Test
    void itsListsAreReadOnly() {
        ImportSignedViewModel m = loaded();
        assertThrows(UnsupportedOperationException.class, () -> m.waiting().clear());
        assertThrows(UnsupportedOperationException.class, () -> m.pair().placement().add("x"));
    }
}
