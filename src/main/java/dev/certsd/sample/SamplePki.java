package dev.certsd.sample;

import dev.certsd.certs.Certificates;
import dev.certsd.certs.Certificates.Issued;
import dev.certsd.certs.Pem;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/** The little PKI the sample root needs: EC P-256 keys (fast to generate), one CA, leaf certificates. */
final class SamplePki {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private final SecureRandom random = new SecureRandom();

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
        return Certificates.issue(new X500Name(subject), keyPair(), null, from, to, Certificates.Usage.CA, List.of());
    }

    Issued leaf(String subject, KeyPair keys, Issued issuer, Instant from, Instant to, Usage usage, String dnsName) {
        return Certificates.issue(new X500Name(subject), keys, issuer.asIssuer(), from, to,
                usage == Usage.CLIENT ? Certificates.Usage.CLIENT : Certificates.Usage.SERVER,
                dnsName == null ? List.of() : List.of(dnsName));
    }

    static String pem(X509Certificate cert) {
        return Pem.certificate(cert);
    }

    static String keyPem(KeyPair keys) {
        return Pem.privateKey(keys.getPrivate());
    }

    /** A passphrase-protected PKCS#8 key, as {@code openssl genpkey -aes256} writes it. */
    static String encryptedKeyPem(KeyPair keys, String passphrase) {
        try {
            var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC).setProvider(BC)
                    .setPassword(passphrase.toCharArray()).build();
            StringWriter sw = new StringWriter();
            try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
                w.writeObject(new JcaPKCS8Generator(keys.getPrivate(), encryptor).generate());
            }
            return sw.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OperatorCreationException e) {
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
