package dev.certsd.material;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.testing.TestPki;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The facts {@link CertParser} takes from a certificate, where it computes them its own way. */
class CertParserTest {
    @Test
    void aSerialIsWrittenAsBigIntegerWritesIt() {
        for (String s : new String[] {"0", "1", "f", "10", "7f", "80", "ff", "100", "0123456789abcdef0123456789abcdef",
            "8000000000000000000000000000000000000001", "-1", "-80", "-12345"}) {
            BigInteger serial = new BigInteger(s, 16);
            assertEquals(serial.toString(16), CertParser.serialHex(serial), s);
        }
    }

    @Test
    void selfIssuedComparesNamesAsNamesWhenTheBytesDiffer() throws Exception {
        java.security.KeyPair keys = TestPki.rsa(5);
        var builder = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(
                new org.bouncycastle.asn1.x500.X500Name("CN=example root"), BigInteger.TEN,
                new java.util.Date(), new java.util.Date(System.currentTimeMillis() + 86_400_000L),
                new org.bouncycastle.asn1.x500.X500Name("CN=Example Root"), keys.getPublic());
        var signer = new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
        byte[] der = builder.build(signer).getEncoded();
        CertInfo c = CertParser.parse(der).orElseThrow();
        assertFalse(java.util.Arrays.equals(c.subjectName().bytes(), c.issuerName().bytes()));
        assertTrue(c.selfIssued(), "as openssl and the JDK compare names: case does not count");
        assertTrue(c.selfSigned());
    }

    @Test
    void aRootIsSelfIssuedAndItsLeafIsNot() throws Exception {
        TestPki.Issued root = TestPki.cert("CN=root").ca().build();
        TestPki.Issued leaf = TestPki.cert("CN=leaf").issuer(root).build();
        CertInfo r = CertParser.parse(root.cert().getEncoded()).orElseThrow();
        CertInfo l = CertParser.parse(leaf.cert().getEncoded()).orElseThrow();
        assertTrue(r.selfIssued());
        assertTrue(r.selfSigned());
        assertFalse(l.selfIssued());
        assertEquals(r.subjectName(), l.issuerName());
    }
}
