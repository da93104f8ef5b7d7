package dev.certsd.probe;

import dev.certsd.material.Fingerprints;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import javax.security.auth.x500.X500Principal;

/** One certificate of the chain a server presented. */
public record ServerCert(String subject, String issuer, Instant notBefore, Instant notAfter, String sha256,
                         X509Certificate certificate) {
    public static ServerCert of(X509Certificate c) {
        String fp;
        try {
            fp = Fingerprints.sha256(c.getEncoded());
        } catch (CertificateEncodingException e) {
            fp = "";
        }
        return new ServerCert(c.getSubjectX500Principal().getName(X500Principal.RFC2253),
                c.getIssuerX500Principal().getName(X500Principal.RFC2253), c.getNotBefore().toInstant(),
                c.getNotAfter().toInstant(), fp, c);
    }
}
