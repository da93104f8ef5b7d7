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
    void selfIssuedMeansTheSameNameBytes() throws Exception {
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
