package dev.certsd.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.certsd.testing.Fixtures;
import dev.certsd.testing.TestPki;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pair is presented by JSSE only when its certificate's key and its private key name their algorithm alike. */
class ClientPairTest {
    @TempDir
    Path dir;

    /**
     * Found by the skopeo differential test (seed 16214616895626, case 114): an EC key in SEC1 without its public
     * part, which Go reads and sends; JSSE skipped it ("No X.509 cert selected") as the certificate said ECDSA.
     */
    @Test
    void anEcKeyWithoutItsPublicPartIsPresentable() throws Exception {
        var keys = TestPki.ec(0);
        var cert = TestPki.cert("CN=ec client").keys(keys).issuer(Fixtures.CLIENT_CA).clientAuth().build();
        TestPki.write(dir, "c.cert", cert.certPem());
        // SEC1 with only the private scalar and the curve: 30 31 02 01 01 04 20 <d> a0 0a 06 08 <P-256>
        byte[] d = ((java.security.interfaces.ECPrivateKey) keys.getPrivate()).getS().toByteArray();
        byte[] scalar = new byte[32];
        System.arraycopy(d, Math.max(0, d.length - 32), scalar, Math.max(0, 32 - d.length), Math.min(32, d.length));
        byte[] der = new byte[51];
        byte[] head = {0x30, 0x31, 0x02, 0x01, 0x01, 0x04, 0x20};
        byte[] tail = {(byte) 0xa0, 0x0a, 0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x03, 0x01, 0x07};
        System.arraycopy(head, 0, der, 0, 7);
        System.arraycopy(scalar, 0, der, 7, 32);
        System.arraycopy(tail, 0, der, 39, 12);
        TestPki.write(dir, "c.key", "-----BEGIN EC PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END EC PRIVATE KEY-----\n");
        ClientPair p = ClientPair.load("c.cert", dir.resolve("c.cert"), dir.resolve("c.key")).orElseThrow();
        assertEquals(p.leaf().getPublicKey().getAlgorithm(), p.key().getAlgorithm());
        assertEquals("EC", p.keyType());
    }
}
