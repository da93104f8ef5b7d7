package dev.certsd.pki;

import dev.certsd.material.Fingerprints;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import javax.security.auth.x500.X500Principal;

/**
 * A certificate offered for trust: from a file, pasted text, the chain a server presented, or Harbor's published
 * CA. The user picks one by its SHA-256 fingerprint, which they can compare with what the registry's admin says.
 *
 * @param sha256     colon-separated upper-case hex, as openssl prints it
 * @param ca         basicConstraints CA:TRUE
 * @param selfSigned subject equals issuer and the signature verifies with its own key (a root)
 */
public record CaCandidate(X509Certificate certificate, String subject, String issuer, Instant notBefore,
                          Instant notAfter, String sha256, boolean ca, boolean selfSigned) {

    public static CaCandidate of(X509Certificate c) {
        String fp;
        try {
            fp = Fingerprints.sha256(c.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate always encodes", e);
        }
        boolean selfIssued = c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
        boolean selfSigned = false;
        if (selfIssued) {
            try {
                c.verify(c.getPublicKey());
                selfSigned = true;
            } catch (Exception e) {
                // same name, another key: not a root of its own
            }
        }
        return new CaCandidate(c, c.getSubjectX500Principal().getName(X500Principal.RFC2253),
                c.getIssuerX500Principal().getName(X500Principal.RFC2253), c.getNotBefore().toInstant(),
                c.getNotAfter().toInstant(), fp, c.getBasicConstraints() >= 0, selfSigned);
    }

    /** Whether {@code fingerprint} names this certificate: any case, with or without colons or spaces. */
    public boolean matches(String fingerprint) {
        return normalize(fingerprint).equals(normalize(sha256));
    }

    static String normalize(String fp) {
        return fp == null ? "" : fp.replaceAll("[:\\s]", "").toUpperCase(java.util.Locale.ROOT);
    }
}
