package dev.certsd.material;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * The decoded facts of one X.509 certificate.
 *
 * @param extendedKeyUsages EKU names ("clientAuth", "serverAuth", or an OID); null when the extension is absent
 * @param pathLength        basic constraints: -1 when not a CA, else the path length (Integer.MAX_VALUE unlimited)
 */
public record CertInfo(
        CertSource source,
        String subject,
        String issuer,
        String serialHex,
        List<String> subjectAltNames,
        Instant notBefore,
        Instant notAfter,
        String keyAlgorithm,
        int keyBits,
        String signatureAlgorithm,
        int pathLength,
        List<String> keyUsages,
        List<String> extendedKeyUsages,
        String sha256,
        boolean selfIssued,
        SelfSignature selfSignature,
        String publicKeyId,
        DerName subjectName,
        DerName issuerName) {

    /** The JDK's certificate (parsed when first asked, for TLS, signatures and the wizards). */
    public X509Certificate certificate() {
        return source.certificate();
    }

    /** The key identifiers, which relate a certificate to its issuer without a signature. */
    public KeyIdentifiers keyIdentifiers() {
        return source.keyIdentifiers();
    }

    /** The SHA-1 fingerprint (colon-separated hex), computed when asked: only the details show it. */
    public String sha1() {
        return Fingerprints.sha1(source.derShared());
    }

    /** Self-issued and its signature verifies with its own key (checked on first call). */
    public boolean selfSigned() {
        return selfSignature.verified();
    }

    public boolean isCa() {
        return pathLength >= 0;
    }

    public boolean hasEku() {
        return extendedKeyUsages != null;
    }

    /** Valid for TLS client authentication: no EKU extension at all, or one listing clientAuth or anyExtendedKeyUsage. */
    public boolean allowsClientAuth() {
        return extendedKeyUsages == null || extendedKeyUsages.contains("clientAuth")
                || extendedKeyUsages.contains("anyExtendedKeyUsage");
    }

    public boolean allowsServerAuthOnly() {
        return extendedKeyUsages != null && extendedKeyUsages.contains("serverAuth") && !allowsClientAuth();
    }

    public boolean expiredAt(Instant now) {
        return now.isAfter(notAfter);
    }

    public boolean notYetValidAt(Instant now) {
        return now.isBefore(notBefore);
    }

    public boolean weakSignature() {
        String s = signatureAlgorithm.toUpperCase(java.util.Locale.ROOT);
        return s.startsWith("SHA1") || s.startsWith("MD5") || s.startsWith("MD2");
    }

    public byte[] subjectDer() {
        return subjectName.bytes();
    }

    public byte[] issuerDer() {
        return issuerName.bytes();
    }
}
