package dev.certsd.certs;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/** PEM as openssl writes it (64-character lines, LF): certificates, unencrypted PKCS#8 keys, requests. */
public final class Pem {
    private Pem() {
    }

    public static String certificate(X509Certificate cert) {
        try {
            return block("CERTIFICATE", cert.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate always encodes", e);
        }
    }

    /** Several certificates, one block each, in the given order. */
    public static String certificates(List<X509Certificate> certs) {
        StringBuilder b = new StringBuilder();
        certs.forEach(c -> b.append(certificate(c)));
        return b.toString();
    }

    /** An unencrypted PKCS#8 {@code PRIVATE KEY}: what {@code openssl genpkey} writes and every client loads. */
    public static String privateKey(PrivateKey key) {
        return block("PRIVATE KEY", key.getEncoded());
    }

    public static String block(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    public static byte[] ascii(String pem) {
        return pem.getBytes(StandardCharsets.US_ASCII);
    }
}
