package dev.certsd.material;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link LeanCert} against the JDK's parser: whatever the lean reader accepts, the JDK accepts with the same facts,
 * on a corpus of the shapes certificates come in (and many they should not) and on random mutations of each.
 */
class LeanCertTest {
    /** Bytes a mutation writes: characters that need escaping in a name, and digits for times. */
    private static final String SPECIAL = "aZ09 .-,=+#\\'\"<>;_*@:/0123456789\r\0";

    /** Lean accepted: then the JDK accepts too, with every fact the same. Lean refused: nothing to compare. */
    private static boolean agrees(byte[] der) {
        CertInfo lean = LeanCert.read(der);
        if (lean == null) {
            return false;
        }
        Optional<CertInfo> jdk = CertParser.parseWithJdk(der);
        assertTrue(jdk.isPresent(), () -> "the lean reader accepted what the JDK refuses: " + hex(der));
        CertInfo j = jdk.get();
        String at = hex(der);
        assertEquals(j.subject(), lean.subject(), at);
        assertEquals(j.issuer(), lean.issuer(), at);
        assertEquals(j.serialHex(), lean.serialHex(), at);
        assertEquals(j.subjectAltNames(), lean.subjectAltNames(), at);
        assertEquals(j.notBefore(), lean.notBefore(), at);
        assertEquals(j.notAfter(), lean.notAfter(), at);
        assertEquals(j.keyAlgorithm(), lean.keyAlgorithm(), at);
        assertEquals(j.keyBits(), lean.keyBits(), at);
        assertEquals(j.signatureAlgorithm(), lean.signatureAlgorithm(), at);
        assertEquals(j.pathLength(), lean.pathLength(), at);
        assertEquals(j.keyUsages(), lean.keyUsages(), at);
        assertEquals(j.extendedKeyUsages(), lean.extendedKeyUsages(), at);
        assertEquals(j.sha256(), lean.sha256(), at);
        assertEquals(j.selfIssued(), lean.selfIssued(), at);
        assertEquals(j.publicKeyId(), lean.publicKeyId(), at);
        assertEquals(j.subjectName(), lean.subjectName(), at);
        assertEquals(j.issuerName(), lean.issuerName(), at);
        assertEquals(j.keyIdentifiers(), lean.keyIdentifiers(), at);
        assertEquals(j, lean, at);
        assertEquals(j.certificate(), lean.certificate(), "the JDK's object, made when asked");
        return true;
    }

    private static String hex(byte[] der) {
        return java.util.HexFormat.of().formatHex(der);
    }

    @Test
    void theUsualShapesAreReadWithoutTheJdksParserAndGiveItsFacts() throws Exception {
        for (byte[] der : LeanCertCorpus.usual()) {
            assertTrue(agrees(der), () -> "the lean reader should take " + hex(der));
        }
    }

    @Test
    void theUnusualOnesAreLeftToTheJdk() throws Exception {
        for (byte[] der : LeanCertCorpus.unusual()) {
            assertNull(LeanCert.read(der), () -> "the JDK should decide " + hex(der));
            assertEquals(CertParser.parseWithJdk(der), CertParser.parse(der));
        }
    }

    @Test
    void mutatedCertificatesAreReadAsTheJdkReadsThemOrLeftToIt() throws Exception {
        Random random = new Random(20261204L);
        List<byte[]> bases = new ArrayList<>(LeanCertCorpus.usual());
        bases.addAll(LeanCertCorpus.unusual());
        int accepted = 0;
        int tried = 0;
        for (byte[] base : bases) {
            for (int i = 0; i < 400; i++) {
                byte[] m = mutate(base, random);
                tried++;
                if (agrees(m)) {
                    accepted++;
                }
            }
        }
        // a mutation of a name's letters, a time's digits or a key's bits is still a certificate: the lean reader
        // must have taken some, or this test compared nothing
        assertTrue(accepted > tried / 20, accepted + " of " + tried + " mutations read by the lean reader");
    }

    private static byte[] mutate(byte[] base, Random random) {
        byte[] m = base.clone();
        int at = random.nextInt(m.length);
        switch (random.nextInt(5)) {
            case 0 -> m[at] = (byte) random.nextInt(256);
            case 1 -> m[at] ^= (byte) (1 << random.nextInt(8));
            case 2 -> m[at] = (byte) SPECIAL.charAt(random.nextInt(SPECIAL.length()));
            case 3 -> m = Arrays.copyOf(m, at);
            default -> m[at] = (byte) (m[at] + (random.nextBoolean() ? 1 : -1));
        }
        return m;
    }

    @Test
    void bytesAfterTheCertificateAreLeftToTheJdk() throws Exception {
        byte[] der = LeanCertCorpus.client().build();
        byte[] longer = Arrays.copyOf(der, der.length + 3);
        assertNull(LeanCert.read(longer));
        assertNotNull(LeanCert.read(der));
    }
}
