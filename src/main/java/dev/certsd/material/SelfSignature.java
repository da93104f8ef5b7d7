package dev.certsd.material;

import java.security.cert.X509Certificate;

/**
 * Whether a self-issued certificate's signature verifies with its own key, computed on first use: a scan reads it
 * for a few files only, and an ECDSA verification per CA was half of a large root's scan time.
 */
public final class SelfSignature {
    private final CertSource certificate;
    private final boolean selfIssued;
    private volatile Boolean verified;

    SelfSignature(CertSource certificate, boolean selfIssued) {
        this.certificate = certificate;
        this.selfIssued = selfIssued;
    }

    public boolean verified() {
        Boolean v = verified;
        if (v == null) {
            X509Certificate c = selfIssued ? certificate.certificate() : null;
            v = selfIssued && CertParser.verifies(c, c.getPublicKey());
            verified = v;
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SelfSignature s && s.certificate.equals(certificate);
    }

    @Override
    public int hashCode() {
        return certificate.hashCode();
    }

    @Override
    public String toString() {
        return "SelfSignature[" + (verified == null ? "not checked" : verified) + "]";
    }
}
