package dev.certsd.material;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;

/**
 * A certificate's DER bytes, with the JDK's certificate object and the key identifiers made when first asked. A
 * scan reads what it needs from the bytes ({@link LeanCert}); the JDK's object is for TLS, signatures and the
 * wizards, and the key identifiers for relating issuers ({@link KeyIdentifiers}).
 */
public final class CertSource {
    private final byte[] der;
    private final int hash;
    private final LeanIds leanIds;
    private volatile X509Certificate certificate;
    private volatile KeyIdentifiers keyIdentifiers;

    /**
     * What {@link LeanCert} found for the key identifiers: the two extensions, and where the key's BIT STRING content
     * (its unused-bits octet first) is.
     */
    record LeanIds(byte[] subject, byte[] authority, int keyBitsStart, int keyBitsLength) {
    }

    private CertSource(byte[] der, X509Certificate certificate, LeanIds leanIds) {
        this.der = der;
        this.hash = Arrays.hashCode(der);
        this.certificate = certificate;
        this.leanIds = leanIds;
    }

    /** A certificate the JDK has parsed already. */
    static CertSource of(X509Certificate certificate) throws java.security.cert.CertificateEncodingException {
        return new CertSource(certificate.getEncoded(), certificate, null);
    }

    /** A certificate read by {@link LeanCert}. */
    static CertSource lean(byte[] der, LeanIds ids) {
        return new CertSource(der, null, ids);
    }

    /** The JDK's certificate, parsed on first call from bytes {@link LeanCert} accepted (so the JDK accepts them). */
    public X509Certificate certificate() {
        X509Certificate c = certificate;
        if (c == null) {
            try {
                c = (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der));
            } catch (CertificateException e) {
                throw new IllegalStateException("the JDK refused a certificate the lean reader accepted", e);
            }
            certificate = c;
        }
        return c;
    }

    public KeyIdentifiers keyIdentifiers() {
        KeyIdentifiers k = keyIdentifiers;
        if (k == null) {
            k = leanIds == null ? KeyIdentifiers.of(certificate())
                    : new KeyIdentifiers(leanIds.subject(), leanIds.authority(),
                            KeyIdentifiers.sha1(der, leanIds.keyBitsStart() + 1, leanIds.keyBitsLength() - 1));
            keyIdentifiers = k;
        }
        return k;
    }

    /** A copy of the DER bytes. */
    public byte[] der() {
        return der.clone();
    }

    boolean sameBytes(byte[] other) {
        return Arrays.equals(der, other);
    }

    byte[] derShared() {
        return der;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof CertSource s && s.hash == hash && Arrays.equals(s.der, der);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "CertSource[" + der.length + " bytes]";
    }
}
