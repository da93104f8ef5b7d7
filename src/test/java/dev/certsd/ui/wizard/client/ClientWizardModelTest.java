package dev.certsd.ui.wizard.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.certs.Cancel;
import dev.certsd.certs.KeySpec;
import dev.certsd.pki.PendingKeys;
import dev.certsd.plan.Planned;
import dev.certsd.pki.Progress;
import dev.certsd.roots.Client;
import dev.certsd.testing.Fixtures;
import dev.certsd.testing.TestPki;
import dev.certsd.ui.UiText;
import dev.certsd.ui.wizard.RootChoice;
import dev.certsd.ui.wizard.TargetModel;
import dev.certsd.ui.wizard.client.ClientWizardModel.Way;
import dev.certsd.ui.work.Background;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client certificate wizard's model: name, load order, subject, validity, the CA's files, the CSR's place. */
class ClientWizardModelTest {
    private static final UiText EN = new UiText(Locale.ENGLISH);
    @TempDir
    Path tmp;
    private Path host;
    private ClientWizardModel m;

    @BeforeEach
    void model() {
        TargetModel target = new TargetModel(List.of(RootChoice.folder(tmp.resolve("certs.d"), EN)),
                r -> Fixtures.options(Client.DOCKER), EN);
        target.registryProperty().set("reg.example.com:5000");
        host = target.hostDir();
        m = new ClientWizardModel(target, Background.sameThread(), EN, Clock.systemUTC(),
                new PendingKeys(tmp.resolve("pending")));
    }

    @Test
    void theNameIsCheckedAsTypedAndItsPlaceInLoadOrderIsTold() {
        Fixtures.healthy(host);
        m.pair().nameProperty().set("client.cert");
        assertEquals("Enter the name without its extension: client (the pair becomes client.cert and client.key), not "
                + "client.cert.", m.pair().problemProperty().get());
        m.pair().nameProperty().set("client");
        assertEquals("client.cert, client.key already there: tick “Replace the existing pair” or choose another name.",
                m.pair().problemProperty().get());
        assertTrue(m.pair().pairExistsProperty().get());
        assertFalse(m.detailsComplete().get());
        m.pair().overwriteProperty().set(true);
        assertEquals("", m.pair().problemProperty().get());
        assertTrue(m.detailsComplete().get());

        m.pair().nameProperty().set("laptop");
        assertFalse(m.pair().pairExistsProperty().get());
        assertTrue(m.pair().placement().get(0).startsWith("laptop.cert comes at position 2 of 2 in load order, after client."),
                m.pair().placement().toString());
        m.pair().nameProperty().set("0-laptop");
        assertTrue(m.pair().placement().get(0).startsWith("0-laptop.cert comes first in load order (1 of 2)"),
                m.pair().placement().toString());
    }

    @Test
    void subjectAndValidityAreCheckedAndTheCsrWayNeedsNoValidity() {
        m.commonNameProperty().set(" ");
        assertEquals("Enter a common name (CN), e.g. the machine’s or the person’s name.".replace('’', '\''),
                m.subjectProblemProperty().get());
        m.commonNameProperty().set("laptop");
        m.days().daysProperty().set("0");
        assertEquals("Type a number of days from 1 to 36500.", m.days().problemProperty().get());
        assertFalse(m.detailsComplete().get());
        m.wayProperty().set(Way.REQUEST);
        assertTrue(m.detailsComplete().get());
        m.days().daysProperty().set("90");
        m.wayProperty().set(Way.SELF_SIGNED);
        assertTrue(m.detailsComplete().get());
    }

    @Test
    void theCsrFileFollowsTheNameUntilTheUserChoosesOne() throws Exception {
        m.pair().nameProperty().set("laptop");
        assertEquals(Path.of(System.getProperty("user.home"), "laptop.csr").toString(), m.csrFileProperty().get());
        m.csrFileProperty().set(tmp.resolve("out/req.csr").toString());
        m.pair().nameProperty().set("desk");
        assertEquals(tmp.resolve("out/req.csr").toString(), m.csrFileProperty().get());
        assertTrue(m.csrComplete().get());
        Files.writeString(tmp.resolve("taken.csr"), "x");
        m.csrFileProperty().set(tmp.resolve("taken.csr").toString());
        assertEquals(tmp.resolve("taken.csr") + " exists already: choose another name (requests are never "
                + "overwritten).", m.csrProblemProperty().get());
        m.csrFileProperty().set("req.csr");
        assertEquals("Type a full path (starting with /): req.csr", m.csrProblemProperty().get());
    }

    @Test
    void anEncryptedCaKeyAsksForItsPassphraseAndAWrongOneIsSaid() throws Exception {
        Path cert = TestPki.write(tmp, "ca.pem", Fixtures.CLIENT_CA.certPem());
        Path key = TestPki.write(tmp, "ca.key", TestPki.encryptedPkcs8Pem(Fixtures.CLIENT_CA.keys().getPrivate(),
                "s3cret"));
        CaFiles ca = m.ca();
        ca.certProperty().set(cert.toString());
        assertEquals("Choose both the CA certificate and its key.", ca.problemProperty().get());
        ca.keyProperty().set(key.toString());
        assertTrue(ca.needsPassphraseProperty().get());
        assertEquals("This key is encrypted: enter its passphrase.", ca.problemProperty().get());
        ca.passphraseProperty().set("wrong");
        assertEquals("The passphrase does not decrypt " + key + ". Check it and try again.", ca.problemProperty().get());
        assertTrue(ca.needsPassphraseProperty().get(), "the field stays while the passphrase is wrong");
        assertFalse(ca.complete().get());
        ca.passphraseProperty().set("s3cret");
        assertEquals("", ca.problemProperty().get());
        assertTrue(ca.summaryProperty().get().startsWith("CA read: CN=Client CA,O=Certs.d Test, valid until "),
                ca.summaryProperty().get());
        assertTrue(ca.complete().get());

        ca.keyProperty().set(TestPki.write(tmp, "other.key", TestPki.pkcs8Pem(Fixtures.SERVER_CA.keys().getPrivate()))
                .toString());
        assertTrue(ca.problemProperty().get().startsWith("The key in " + tmp.resolve("other.key")
                + " does not belong to the certificate"), ca.problemProperty().get());
        assertFalse(ca.needsPassphraseProperty().get());
    }

    @Test
    void eachWayPlansItsOwnFiles() throws Exception {
        m.keyProperty().set(KeySpec.EC_P256);
        m.commonNameProperty().set("laptop");
        Planned self = m.planner().plan(Cancel.none(), Progress.NONE).orElseThrow();
        assertEquals(host, self.placement().hostDir());
        assertEquals("CN=laptop", self.certificates().get(0).getIssuerX500Principal().getName());

        m.wayProperty().set(Way.SIGNED_BY_CA);
        m.ca().certProperty().set(TestPki.write(tmp, "ca.pem", Fixtures.CLIENT_CA.certPem()).toString());
        m.ca().keyProperty().set(TestPki.write(tmp, "ca.key", Fixtures.CLIENT_CA.keyPem()).toString());
        Planned signed = m.planner().plan(Cancel.none(), Progress.NONE).orElseThrow();
        assertEquals("CN=Client CA,O=Certs.d Test", signed.certificates().get(0).getIssuerX500Principal().getName());

        m.wayProperty().set(Way.REQUEST);
        m.csrFileProperty().set(tmp.resolve("laptop.csr").toString());
        Planned request = m.planner().plan(Cancel.none(), Progress.NONE).orElseThrow();
        List<Path> written = request.changes().ops().stream().flatMap(op -> op.paths().stream()).toList();
        assertTrue(written.contains(tmp.resolve("laptop.csr")), written.toString());
        assertTrue(written.stream().noneMatch(p -> p.startsWith(host)), "the waiting key stays out of certs.d: "
                + written);
        assertTrue(written.stream().anyMatch(p -> p.startsWith(tmp.resolve("pending")) && p.toString().endsWith(".key")));
    }
}
