package dev.certsd.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.material.CertInfo;
import dev.certsd.material.IssuerSignatures;
import dev.certsd.material.KeyIdentifiers;
import dev.certsd.testing.Fixtures;
import dev.certsd.testing.TestPki;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The issuer relation of a scan by name and key identifiers (no signature checked), as openssl-made trees carry. */
class ChainLinksKeyIdTest {
    private static final TestPki.Issued CA = TestPki.cert("O=Key Ids,CN=Team CA").keys(TestPki.ec(11)).ca().keyIds()
            .build();
    private static final TestPki.Issued OTHER_CA = TestPki.cert("O=Key Ids,CN=Team CA").keys(TestPki.ec(12)).ca()
            .keyIds().build();

    @TempDir
    Path root;

    private Path dir() {
        return root.resolve("reg.example.com");
    }

    private static List<String> issuedBy(HostReport r, String name) {
        return r.files().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().issuedBy();
    }

    @Test
    void pairsAreLinkedToTheCaTheirAuthorityKeyIdentifierNames() {
        TestPki.Issued client = TestPki.cert("O=Key Ids,CN=client").keys(TestPki.ec(13)).issuer(CA).clientAuth()
                .keyIds().build();
        TestPki.write(dir(), "ca.crt", CA.certPem());
        TestPki.write(dir(), "old-ca.crt", OTHER_CA.certPem()); // same name, another key: not the issuer
        TestPki.pair(dir(), "client", client);
        HostReport r = Fixtures.scan(dir());
        assertEquals(List.of("ca.crt"), issuedBy(r, "client.cert"));
        assertEquals(List.of(), issuedBy(r, "ca.crt"), "a root (key identifiers name itself) has no issuer");
        assertEquals(List.of(), issuedBy(r, "old-ca.crt"));
        assertEquals(List.of("client.cert"), r.issued("ca.crt"));
    }

    @Test
    void aRekeyedCaIsLinkedToTheOldKeyItsIdentifierNames() {
        TestPki.Issued rekeyed = TestPki.cert("O=Key Ids,CN=Team CA").keys(TestPki.ec(14)).issuer(CA).ca().keyIds()
                .build();
        TestPki.write(dir(), "ca.crt", CA.certPem());
        TestPki.write(dir(), "rekeyed.crt", rekeyed.certPem());
        HostReport r = Fixtures.scan(dir());
        assertEquals(List.of("ca.crt"), issuedBy(r, "rekeyed.crt"));
        assertEquals(List.of(), issuedBy(r, "ca.crt"));
    }

    @Test
    void aForgedIdentifierIsLinkedByTheScanAndItsSignatureIsCheckedWhenAsked() {
        // claims the CA's key identifier, but the other CA's key signed it
        byte[] caKeyId = KeyIdentifiers.of(CA.cert()).subject();
        TestPki.Issued forged = TestPki.cert("O=Key Ids,CN=forged").keys(TestPki.ec(15)).issuer(OTHER_CA).clientAuth()
                .claimedAuthorityKeyId(caKeyId).build();
        TestPki.Issued genuine = TestPki.cert("O=Key Ids,CN=genuine").keys(TestPki.ec(16)).issuer(CA).clientAuth()
                .keyIds().build();
        TestPki.write(dir(), "ca.crt", CA.certPem());
        TestPki.pair(dir(), "forged", forged);
        TestPki.pair(dir(), "genuine", genuine);
        HostReport r = Fixtures.scan(dir());
        assertEquals(List.of("ca.crt"), issuedBy(r, "forged.cert"));
        CertInfo ca = cert(r, "ca.crt");
        assertFalse(IssuerSignatures.verifies(cert(r, "forged.cert"), ca));
        assertTrue(IssuerSignatures.verifies(cert(r, "genuine.cert"), ca));
        assertTrue(IssuerSignatures.known(cert(r, "genuine.cert"), ca));
    }

    @Test
    void withoutKeyIdentifiersTheSignatureDecides() {
        TestPki.Issued plainCa = TestPki.cert("O=Key Ids,CN=Plain CA").keys(TestPki.ec(17)).ca().build();
        TestPki.Issued plainOther = TestPki.cert("O=Key Ids,CN=Plain CA").keys(TestPki.ec(18)).ca().build();
        TestPki.Issued client = TestPki.cert("O=Key Ids,CN=plain").keys(TestPki.ec(19)).issuer(plainCa).clientAuth()
                .build();
        TestPki.write(dir(), "a-other.crt", plainOther.certPem());
        TestPki.write(dir(), "ca.crt", plainCa.certPem());
        TestPki.pair(dir(), "client", client);
        HostReport r = Fixtures.scan(dir());
        assertEquals(List.of("ca.crt"), issuedBy(r, "client.cert"));
    }

    /**
     * Copies of a file share its parsed certificates and the answer for them; a file that holds an issuer of its own
     * first certificate (a bundle) is still never linked to itself, and each of its copies is linked to the others.
     */
    @Test
    void copiesShareTheirLinksAndABundleIsNotItsOwnIssuer() {
        TestPki.Issued client = TestPki.cert("O=Key Ids,CN=copied").keys(TestPki.ec(20)).issuer(CA).clientAuth()
                .keyIds().build();
        TestPki.write(dir(), "ca.crt", CA.certPem());
        TestPki.write(dir(), "client.cert", client.certPem());
        TestPki.write(dir(), "client-copy.cert", client.certPem());
        TestPki.write(dir(), "bundle.pem", client.certPem() + CA.certPem());
        TestPki.write(dir(), "bundle-copy.pem", client.certPem() + CA.certPem());
        HostReport r = Fixtures.scan(dir());
        assertTrue(cert(r, "client.cert") == cert(r, "client-copy.cert"), "copies share their parsed certificate");
        List<String> all = List.of("bundle-copy.pem", "bundle.pem", "ca.crt");
        assertEquals(all, issuedBy(r, "client.cert"));
        assertEquals(all, issuedBy(r, "client-copy.cert"));
        assertEquals(List.of("bundle-copy.pem", "ca.crt"), issuedBy(r, "bundle.pem"));
        assertEquals(List.of("bundle.pem", "ca.crt"), issuedBy(r, "bundle-copy.pem"));
        assertEquals(List.of(), issuedBy(r, "ca.crt"));
    }

    private static CertInfo cert(HostReport r, String name) {
        return r.files().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().entry().content()
                .certificates().get(0);
    }
}
