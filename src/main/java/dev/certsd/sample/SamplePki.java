package dev.certsd.sample;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
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
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** The little PKI the sample root needs: EC P-256 keys (fast to generate), one CA, leaf certificates. */
final class SamplePki {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private final SecureRandom random = new SecureRandom();
    private long serial = System.currentTimeMillis();

    /** A certificate with its key pair. */
    record Issued(X509Certificate cert, KeyPair keys) {
    }

    /** What kind of leaf to issue: the extended key usage decides how servers treat it. */
    enum Usage { CLIENT, SERVER }

    KeyPair keyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is part of every JDK", e);
        }
    }

    Issued ca(String subject, Instant from, Instant to) {
        KeyPair keys = keyPair();
        return sign(subject, keys, null, from, to, builder -> {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        });
    }

    Issued leaf(String subject, KeyPair keys, Issued issuer, Instant from, Instant to, Usage usage, String dnsName) {
        return sign(subject, keys, issuer, from, to, builder -> {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            KeyPurposeId purpose = usage == Usage.CLIENT ? KeyPurposeId.id_kp_clientAuth : KeyPurposeId.id_kp_serverAuth;
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            if (dnsName != null) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
            }
        });
    }

    private interface Extensions {
        void add(X509v3CertificateBuilder builder) throws IOException;
    }

    private Issued sign(String subject, KeyPair keys, Issued issuer, Instant from, Instant to, Extensions ext) {
        try {
            X500Name name = new X500Name(subject);
            X500Name issuerName = issuer == null ? name
                    : X500Name.getInstance(issuer.cert().getSubjectX500Principal().getEncoded());
            KeyPair signer = issuer == null ? keys : issuer.keys();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                    BigInteger.valueOf(++serial), Date.from(from), Date.from(to), name, keys.getPublic());
            ext.add(builder);
            X509Certificate cert = new JcaX509CertificateConverter().setProvider(BC).getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BC)
                            .build(signer.getPrivate())));
            return new Issued(cert, keys);
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue " + subject, e);
        }
    }

    static String pem(Object o) {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    static String keyPem(KeyPair keys) {
        try {
            return pem(new JcaPKCS8Generator(keys.getPrivate(), null).generate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A passphrase-protected PKCS#8 key, as {@code openssl genpkey -aes256} writes it. */
    static String encryptedKeyPem(KeyPair keys, String passphrase) {
        try {
            var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC).setProvider(BC)
                    .setPassword(passphrase.toCharArray()).build();
            return pem(new JcaPKCS8Generator(keys.getPrivate(), encryptor).generate());
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot encrypt the sample key", e);
        }
    }

    static byte[] der(X509Certificate cert) {
        try {
            return cert.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
