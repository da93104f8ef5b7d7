// over 300 lines: the test PKI all tests build on (keys, certificates, every encoding), imported suite-wide
package dev.certsd.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/** Generates test PKI with Bouncy Castle: keys, CAs, client and server certificates, in every encoding. */
public final class TestPki {
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
    private static final ConcurrentHashMap<String, List<KeyPair>> POOL = new ConcurrentHashMap<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        if (Security.getProvider("BC") == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    private TestPki() {
    }

    /** A fresh RSA key pair (cached per index, so tests stay fast and distinct). */
    public static KeyPair rsa(int index) {
        return pooled("RSA2048", index);
    }

    public static KeyPair rsa(int bits, int index) {
        return pooled("RSA" + bits, index);
    }

    public static KeyPair ec(int index) {
        return pooled("EC256", index);
    }

    public static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair dsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("DSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair pooled(String kind, int index) {
        List<KeyPair> list = POOL.computeIfAbsent(kind, k -> new ArrayList<>());
        synchronized (list) {
            while (list.size() <= index) {
                list.add(generate(kind));
            }
            return list.get(index);
        }
    }

    private static KeyPair generate(String kind) {
        try {
            if (kind.startsWith("RSA")) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(Integer.parseInt(kind.substring(3)), RANDOM);
                return g.generateKeyPair();
            }
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A certificate with its key. */
    public record Issued(X509Certificate cert, KeyPair keys) {
        public String certPem() {
            return pem(cert);
        }

        public String keyPem() {
            return pkcs8Pem(keys.getPrivate());
        }
    }

    /** A builder for one certificate. */
    public static final class Spec {
        private final String subject;
        private KeyPair keys = rsa(0);
        private Issued issuer;
        private Instant notBefore = Instant.now().minus(Duration.ofDays(1));
        private Instant notAfter = Instant.now().plus(Duration.ofDays(365));
        private boolean ca;
        private List<KeyPurposeId> eku;
        private final List<GeneralName> sans = new ArrayList<>();
        private String signature;
        private boolean keyCertSign;
        private boolean keyIds;
        private byte[] claimedAuthorityKeyId;

        private Spec(String subject) {
            this.subject = subject;
        }

        public Spec keys(KeyPair k) {
            keys = k;
            return this;
        }

        public Spec issuer(Issued i) {
            issuer = i;
            return this;
        }

        public Spec validity(Instant from, Instant to) {
            notBefore = from;
            notAfter = to;
            return this;
        }

        public Spec expired() {
            return validity(Instant.now().minus(Duration.ofDays(400)), Instant.now().minus(Duration.ofDays(10)));
        }

        public Spec ca() {
            ca = true;
            keyCertSign = true;
            return this;
        }

        /** A self-signed root with keyCertSign but without basicConstraints. */
        public Spec rootWithoutCaFlag() {
            keyCertSign = true;
            return this;
        }

        public Spec clientAuth() {
            eku = List.of(KeyPurposeId.id_kp_clientAuth);
            return this;
        }

        public Spec serverAuth() {
            eku = List.of(KeyPurposeId.id_kp_serverAuth);
            return this;
        }

        public Spec eku(KeyPurposeId... ids) {
            eku = List.of(ids);
            return this;
        }

        public Spec dns(String name) {
            sans.add(new GeneralName(GeneralName.dNSName, name));
            return this;
        }

        public Spec ip(String address) {
            sans.add(new GeneralName(GeneralName.iPAddress, address));
            return this;
        }

        /** Subject and authority key identifiers, as openssl 3 writes them by default. */
        public Spec keyIds() {
            keyIds = true;
            return this;
        }

        /** An authority key identifier that names another key than the signer's (a forged or broken claim). */
        public Spec claimedAuthorityKeyId(byte[] id) {
            keyIds = true;
            claimedAuthorityKeyId = id.clone();
            return this;
        }

        public Spec signature(String alg) {
            signature = alg;
            return this;
        }

        public Issued build() {
            try {
                X500Name name = new X500Name(subject);
                X500Name issuerName = issuer == null ? name
                        : X500Name.getInstance(issuer.cert().getSubjectX500Principal().getEncoded());
                PrivateKey signer = issuer == null ? keys.getPrivate() : issuer.keys().getPrivate();
                X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName,
                        BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter), name,
                        keys.getPublic());
                if (ca) {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                }
                if (keyIds) {
                    org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils ext =
                            new org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils();
                    b.addExtension(Extension.subjectKeyIdentifier, false,
                            ext.createSubjectKeyIdentifier(keys.getPublic()));
                    b.addExtension(Extension.authorityKeyIdentifier, false, claimedAuthorityKeyId != null
                            ? new org.bouncycastle.asn1.x509.AuthorityKeyIdentifier(claimedAuthorityKeyId)
                            : ext.createAuthorityKeyIdentifier(issuer == null ? keys.getPublic()
                                    : issuer.cert().getPublicKey()));
                }
                if (keyCertSign) {
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                }
                if (eku != null) {
                    b.addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(eku.toArray(KeyPurposeId[]::new)));
                }
                if (!sans.isEmpty()) {
                    b.addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(sans.toArray(GeneralName[]::new)));
                }
                String alg = signature != null ? signature : defaultSignature(signer);
                X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                        b.build(new JcaContentSignerBuilder(alg).build(signer)));
                return new Issued(cert, keys);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static Spec cert(String subject) {
        return new Spec(subject);
    }

    private static String defaultSignature(PrivateKey k) {
        return switch (k.getAlgorithm()) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> "SHA256withRSA";
        };
    }

    // ---- encodings ----

    public static String pem(Object o) {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    /** PKCS#1 ("RSA PRIVATE KEY") or SEC1 ("EC PRIVATE KEY"), as openssl genrsa / ecparam write them. */
    public static String traditionalPem(PrivateKey key) {
        try {
            // BC's own EC keys carry the curve inside the SEC1 structure, as openssl writes it; Go needs it there.
            PrivateKey k = key.getAlgorithm().equals("EC")
                    ? java.security.KeyFactory.getInstance("EC", "BC").generatePrivate(
                            new java.security.spec.PKCS8EncodedKeySpec(key.getEncoded()))
                    : key;
            return pem(k);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pkcs8Pem(PrivateKey key) {
        try {
            return pem(new JcaPKCS8Generator(key, null).generate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String encryptedPkcs8Pem(PrivateKey key, String password) {
        try {
            var enc = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC).setProvider("BC")
                    .setPassword(password.toCharArray()).build();
            return pem(new JcaPKCS8Generator(key, enc).generate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String legacyEncryptedPem(PrivateKey key, String password) {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(key, new JcePEMEncryptorBuilder("AES-128-CBC").setProvider("BC").build(password.toCharArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    public static byte[] der(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] pkcs7Der(X509Certificate... certs) {
        try {
            CMSSignedDataGenerator g = new CMSSignedDataGenerator();
            g.addCertificates(new JcaCertStore(List.of(certs)));
            return g.generate(new CMSProcessableByteArray(new byte[0])).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pkcs7Pem(X509Certificate... certs) {
        return pem(new PemObject("PKCS7", pkcs7Der(certs)));
    }

    public static byte[] pkcs12(Issued i, String password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("client", i.keys().getPrivate(), password.toCharArray(), new X509Certificate[] {i.cert()});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, password.toCharArray());
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String csrPem(String subject, KeyPair keys) {
        try {
            PKCS10CertificationRequest csr = new JcaPKCS10CertificationRequestBuilder(new X500Name(subject),
                    keys.getPublic()).build(new JcaContentSignerBuilder(defaultSignature(keys.getPrivate()))
                    .build(keys.getPrivate()));
            return pem(new PemObject("CERTIFICATE REQUEST", csr.getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- files ----

    public static Path write(Path dir, String name, String text) {
        return write(dir, name, text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    public static Path write(Path dir, String name, byte[] bytes) {
        try {
            Files.createDirectories(dir);
            Path p = dir.resolve(name);
            Files.write(p, bytes);
            if (name.endsWith(".key")) {
                Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void pair(Path dir, String name, Spec spec) {
        pair(dir, name, spec.build());
    }

    /** Writes {@code name.cert} and {@code name.key} (0600). */
    public static void pair(Path dir, String name, Issued i) {
        write(dir, name + ".cert", i.certPem());
        write(dir, name + ".key", i.keyPem());
    }
}
