package dev.certsd.material;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.Arrays;

/**
 * The key identifiers of a certificate (RFC 5280 4.2.1.1 and 4.2.1.2): what names the issuer's key without checking
 * a signature. A certificate's authority key identifier is copied from its issuer's subject key identifier (or, where
 * the issuer has none, is the SHA-1 of the issuer's public key bits, the RFC's method 1, as openssl computes it).
 *
 * @param subject   the subject key identifier extension, or null
 * @param authority the keyIdentifier of the authority key identifier extension, or null
 * @param computed  SHA-1 of the subjectPublicKey bits (method 1), or null when the key cannot be encoded
 */
public record KeyIdentifiers(byte[] subject, byte[] authority, byte[] computed) {
    private static final String SKI = "2.5.29.14";
    private static final String AKI = "2.5.29.35";

    /** What the key identifiers say about whether {@code issuer} holds the key that signed a certificate. */
    public enum Claim { ISSUED, NOT_ISSUED, UNKNOWN }

    public static KeyIdentifiers of(X509Certificate c) {
        return new KeyIdentifiers(subjectKeyId(c), authorityKeyId(c), methodOne(c));
    }

    /**
     * Whether the certificate with these identifiers names {@code issuer}'s key as its signer: ISSUED when its
     * authority key identifier equals the issuer's subject key identifier or the SHA-1 of its key; NOT_ISSUED when
     * both identifiers are there and differ; UNKNOWN when the certificate carries no authority key identifier or the
     * issuer has no subject key identifier to compare with (then only the signature can tell).
     */
    public Claim issuedBy(KeyIdentifiers issuer) {
        if (authority == null) {
            return Claim.UNKNOWN;
        }
        if (Arrays.equals(authority, issuer.subject) || Arrays.equals(authority, issuer.computed)) {
            return Claim.ISSUED;
        }
        return issuer.subject != null ? Claim.NOT_ISSUED : Claim.UNKNOWN;
    }

    static byte[] subjectKeyId(X509Certificate c) {
        // extnValue OCTET STRING { KeyIdentifier ::= OCTET STRING }
        byte[] v = unwrapOctets(c.getExtensionValue(SKI));
        if (v == null || v.length < 2 || v[0] != 0x04) {
            return null;
        }
        return content(v, 0);
    }

    static byte[] authorityKeyId(X509Certificate c) {
        // extnValue OCTET STRING { SEQUENCE { [0] IMPLICIT KeyIdentifier OPTIONAL, [1] ..., [2] ... } }
        byte[] v = unwrapOctets(c.getExtensionValue(AKI));
        if (v == null || v.length < 2 || v[0] != 0x30) {
            return null;
        }
        int[] seq = header(v, 0);
        if (seq == null) {
            return null;
        }
        int at = seq[0];
        if (at < v.length && (v[at] & 0xff) == 0x80) {
            return content(v, at);
        }
        return null;
    }

    private static byte[] methodOne(X509Certificate c) {
        byte[] spki = c.getPublicKey().getEncoded();
        if (spki == null || spki.length < 2 || spki[0] != 0x30) {
            return null;
        }
        int[] seq = header(spki, 0);
        if (seq == null) {
            return null;
        }
        int[] alg = header(spki, seq[0]);
        if (alg == null) {
            return null;
        }
        int bitsAt = alg[0] + alg[1];
        if (bitsAt >= spki.length || spki[bitsAt] != 0x03) {
            return null;
        }
        int[] bits = header(spki, bitsAt);
        if (bits == null || bits[1] < 1) {
            return null;
        }
        return sha1(spki, bits[0] + 1, bits[1] - 1); // without the unused-bits octet
    }

    /** SHA-1 of these bytes: the RFC's method 1 over a key's bits. */
    static byte[] sha1(byte[] b, int from, int length) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(b, from, length);
            return sha1.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    private static byte[] unwrapOctets(byte[] der) {
        if (der == null || der.length < 2 || der[0] != 0x04) {
            return null;
        }
        return content(der, 0);
    }

    /** The content of the DER element at {@code at}, or null when its length runs past the end. */
    private static byte[] content(byte[] der, int at) {
        int[] h = header(der, at);
        return h == null ? null : Arrays.copyOfRange(der, h[0], h[0] + h[1]);
    }

    /** {start of content, length of content} of the DER element at {@code at}, or null when malformed. */
    private static int[] header(byte[] der, int at) {
        if (at + 2 > der.length) {
            return null;
        }
        int len = der[at + 1] & 0xff;
        int start = at + 2;
        if (len >= 0x80) {
            int n = len & 0x7f;
            if (n == 0 || n > 3 || start + n > der.length) {
                return null;
            }
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (der[start + i] & 0xff);
            }
            start += n;
        }
        return start + len > der.length ? null : new int[] {start, len};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyIdentifiers k && Arrays.equals(subject, k.subject)
                && Arrays.equals(authority, k.authority) && Arrays.equals(computed, k.computed);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(subject) * 31 * 31 + Arrays.hashCode(authority) * 31 + Arrays.hashCode(computed);
    }

    @Override
    public String toString() {
        java.util.HexFormat hex = java.util.HexFormat.of();
        return "KeyIdentifiers[subject=" + (subject == null ? null : hex.formatHex(subject)) + ", authority="
                + (authority == null ? null : hex.formatHex(authority)) + "]";
    }
}
