package dev.certsd.material;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.certsd.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A pair loaded from what the scan read of its two files ({@link Content#pairInput()}) is the pair loaded from the
 * files' bytes: the same certificate, key and Go error text, for every kind of input the scan meets.
 */
class GoKeyPairTest {
    private static final TestPki.Issued RSA = TestPki.cert("CN=rsa client").keys(TestPki.rsa(1)).build();
    private static final TestPki.Issued EC = TestPki.cert("CN=ec client").keys(TestPki.ec(1)).build();

    private static Map<String, String> inputs() {
        Map<String, String> in = new LinkedHashMap<>();
        in.put("rsa cert", RSA.certPem());
        in.put("rsa key (PKCS#1)", TestPki.traditionalPem(RSA.keys().getPrivate()));
        in.put("rsa key (PKCS#8)", TestPki.pkcs8Pem(RSA.keys().getPrivate()));
        in.put("ec cert", EC.certPem());
        in.put("ec key (SEC1)", TestPki.traditionalPem(EC.keys().getPrivate()));
        in.put("ec key (PKCS#8)", TestPki.pkcs8Pem(EC.keys().getPrivate()));
        in.put("cert then key", RSA.certPem() + TestPki.pkcs8Pem(RSA.keys().getPrivate()));
        in.put("key then cert", TestPki.pkcs8Pem(RSA.keys().getPrivate()) + RSA.certPem());
        in.put("two certs", EC.certPem() + RSA.certPem());
        in.put("cert with headers", RSA.certPem().replace("-----\n", "-----\nComment: x\n\n"));
        in.put("encrypted PKCS#8", TestPki.encryptedPkcs8Pem(EC.keys().getPrivate(), "secret"));
        in.put("legacy encrypted", TestPki.legacyEncryptedPem(RSA.keys().getPrivate(), "secret"));
        in.put("openssh", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n");
        in.put("dsa", TestPki.traditionalPem(TestPki.dsa().getPrivate()));
        in.put("malformed cert", "-----BEGIN CERTIFICATE-----\nMIIBAAAA\n-----END CERTIFICATE-----\n");
        in.put("malformed key", "-----BEGIN PRIVATE KEY-----\nMIIBAAAA\n-----END PRIVATE KEY-----\n");
        in.put("csr", TestPki.csrPem("CN=x", TestPki.ec(2)));
        in.put("bom + cert", "\u00ef\u00bb\u00bf" + RSA.certPem());
        in.put("empty", "");
        in.put("text", "hello\n");
        in.put("der cert", new String(TestPki.der(RSA.cert()), StandardCharsets.ISO_8859_1));
        return in;
    }

    @Test
    void aPairFromTheScansReadingIsThePairFromTheBytes() {
        Map<String, String> in = inputs();
        List<String> compared = new ArrayList<>();
        for (Map.Entry<String, String> cert : in.entrySet()) {
            for (Map.Entry<String, String> key : in.entrySet()) {
                byte[] c = bytes(cert.getValue());
                byte[] k = bytes(key.getValue());
                GoKeyPair.Result plain = GoKeyPair.load(c, k);
                GoKeyPair.Result read = GoKeyPair.load(c, k, ContentReader.read(c), ContentReader.read(k));
                String what = cert.getKey() + " / " + key.getKey();
                assertEquals(plain.error(), read.error(), what);
                assertEquals(plain.leaf() == null ? null : plain.leaf().sha256(),
                        read.leaf() == null ? null : read.leaf().sha256(), what);
                assertEquals(plain.key(), read.key(), what);
                compared.add(what);
            }
        }
        assertEquals(in.size() * in.size(), compared.size());
    }

    @Test
    void goErrorsAreKeptByTheScansReading() {
        byte[] cert = bytes(RSA.certPem());
        byte[] ecKey = bytes(TestPki.pkcs8Pem(EC.keys().getPrivate()));
        byte[] key = bytes(TestPki.pkcs8Pem(RSA.keys().getPrivate()));
        assertNull(read(cert, key).error());
        assertNotNull(read(cert, key).leaf());
        assertEquals("tls: private key type does not match public key type", read(cert, ecKey).error());
        assertEquals("tls: failed to find certificate PEM data in certificate input, but did find a private key;"
                + " PEM inputs may have been switched", read(key, cert).error());
        assertEquals("tls: failed to find any PEM data in certificate input", read(bytes("hello\n"), key).error());
        assertEquals("x509: malformed certificate",
                read(bytes("-----BEGIN CERTIFICATE-----\nMIIBAAAA\n-----END CERTIFICATE-----\n"), key).error());
    }

    @Test
    void contentOfOtherBytesIsNotUsed() throws Exception {
        byte[] cert = bytes(RSA.certPem());
        byte[] key = bytes(TestPki.pkcs8Pem(RSA.keys().getPrivate()));
        Content otherCert = ContentReader.read(bytes(EC.certPem()));
        GoKeyPair.Result r = GoKeyPair.load(cert, key, otherCert, ContentReader.read(key));
        assertNull(r.error(), "another file's reading would have given the EC certificate and a type mismatch");
        assertEquals(CertParser.parse(RSA.cert().getEncoded().clone()).orElseThrow().sha256(), r.leaf().sha256());
    }

    private static GoKeyPair.Result read(byte[] cert, byte[] key) {
        return GoKeyPair.load(cert, key, ContentReader.read(cert), ContentReader.read(key));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
