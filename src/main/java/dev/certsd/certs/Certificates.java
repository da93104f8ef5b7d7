package dev.certsd.certs;

import dev.certsd.roots.IpLiteral;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues X.509 certificates with Bouncy Castle: CAs, client and server leaves, self-signed or signed by an issuer.
 * Generating in-process gives the same certificate on every OS (the seed warns about the macOS OpenSSL of its day).
 */
public final class Certificates {
    /** An instance, not a global registration: the engine does not change the JVM's providers for everyone. */
    private static final Provider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Certificates() {
    }

    /** What a certificate is for: its basic constraints, key usage and extended key usage follow from it. */
    public enum Usage {
        /** A CA: CA:TRUE, keyCertSign and cRLSign. */
        CA,
        /** A client certificate: CA:FALSE, digitalSignature, extendedKeyUsage clientAuth (servers check it). */
        CLIENT,
        /** A server certificate: CA:FALSE, digitalSignature, extendedKeyUsage serverAuth, the SANs given. */
        SERVER
    }

    /** Who signs: the issuer's certificate and private key. */
    public record Issuer(X509Certificate cert, PrivateKey key) {
    }

    /** A certificate with the key pair of its subject. */
    public record Issued(X509Certificate cert, KeyPair keys) {
        public Issuer asIssuer() {
            return new Issuer(cert, keys.getPrivate());
        }
    }

    /**
     * Issues a certificate for {@code keys}' public key.
     *
     * @param issuer null for a self-signed certificate (signed by {@code keys}' own private key)
     * @param sans   host names and IP literals for the subjectAltName (server certificates), may be empty
     */
    public static Issued issue(X500Name subject, KeyPair keys, Issuer issuer, Instant from, Instant to, Usage usage,
                               List<String> sans) {
        try {
            X500Name issuerName = issuer == null ? subject
                    : X500Name.getInstance(issuer.cert().getSubjectX500Principal().getEncoded());
            PrivateKey signer = issuer == null ? keys.getPrivate() : issuer.key();
            PublicKey signerPublic = issuer == null ? keys.getPublic() : issuer.cert().getPublicKey();
            // 159 random bits: unique without a serial file, and positive in 20 bytes as RFC 5280 asks.
            BigInteger serial = new BigInteger(159, RANDOM).setBit(158);
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName, serial, Date.from(from),
                    Date.from(to), subject, keys.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            if (issuer != null || usage != Usage.CA) {
                b.addExtension(Extension.authorityKeyIdentifier, false,
                        ext.createAuthorityKeyIdentifier(signerPublic));
            }
            if (usage == Usage.CA) {
                b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                // RSA key exchange (TLS 1.2 without ECDHE) needs keyEncipherment; EC keys never encipher.
                int ku = keys.getPublic() instanceof ECKey ? KeyUsage.digitalSignature
                        : KeyUsage.digitalSignature | KeyUsage.keyEncipherment;
                b.addExtension(Extension.keyUsage, true, new KeyUsage(ku));
                b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                        usage == Usage.CLIENT ? KeyPurposeId.id_kp_clientAuth : KeyPurposeId.id_kp_serverAuth));
            }
            if (!sans.isEmpty()) {
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                        sans.stream().map(Certificates::generalName).toArray(GeneralName[]::new)));
            }
            X509Certificate cert = new JcaX509CertificateConverter().setProvider(BC).getCertificate(
                    b.build(new JcaContentSignerBuilder(signatureAlgorithm(signer)).setProvider(BC).build(signer)));
            return new Issued(cert, keys);
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue " + subject, e);
        }
    }

    static GeneralName generalName(String san) {
        String s = san.startsWith("[") && san.endsWith("]") ? san.substring(1, san.length() - 1) : san;
        return IpLiteral.isLiteral(s) ? new GeneralName(GeneralName.iPAddress, s)
                : new GeneralName(GeneralName.dNSName, s);
    }

    /** SHA-256 with RSA, ECDSA with the hash that fits the curve (P-384 signs with SHA-384, as openssl does). */
    public static String signatureAlgorithm(PrivateKey key) {
        if (key instanceof ECKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize() > 256 ? "SHA384withECDSA" : "SHA256withECDSA";
        }
        if (key.getAlgorithm().equals("Ed25519") || key.getAlgorithm().equals("EdDSA")) {
            return "Ed25519";
        }
        return "SHA256withRSA";
    }
}
