import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Writes a realistic certs.d tree for the {@code check} benchmark.
 *
 * <pre>java -cp 'target/lib/*' bench/TreeGenerator.java OUTDIR [HOSTS] [--shape outside|in-tree]</pre>
 *
 * HOSTS host directories (default 500), named {@code reg-000.example.com:5000}, {@code reg-001.example.com}, ...
 * (even indexes carry a port), each holding exactly five files: {@code ca.crt} (a self-signed CA) and two client
 * pairs {@code a.cert}/{@code a.key}, {@code b.cert}/{@code b.key}. Keys are written 0600 as openssl writes them
 * (PKCS#1, SEC1 or PKCS#8, always with the public point for EC). Key pairs come from a small pool generated once,
 * so a 500-host tree takes a few seconds; subjects and serials differ per directory.
 *
 * <p>Two shapes:
 * <ul>
 *   <li>{@code outside} (the default): {@code ca.crt} is the registry's CA (RSA 2048 on even, EC P-256 on odd
 *       directories); the pairs (one RSA 2048, one EC P-256) are issued by a client CA that is not in the tree.</li>
 *   <li>{@code in-tree}: {@code ca.crt} is the directory's own CA and it issued both pairs, as in most real trees
 *       (one corporate or test CA). The CA's key cycles EC P-256, RSA 2048, EC P-256, RSA 4096 by directory, so
 *       half the directories verify an ECDSA and half an RSA signature; the pairs are one RSA 2048 and one EC
 *       P-256.</li>
 * </ul>
 *
 * <p>One directory in 25 holds a realistic mix-up (the file count stays five per directory):
 * <ul>
 *   <li>index % 100 == 17: client cert saved as {@code b.crt}, leaving {@code b.key} orphaned</li>
 *   <li>index % 100 == 42: {@code a.cert} expired ten days ago ({@code b.cert} still valid)</li>
 *   <li>index % 100 == 73: the registry CA saved as {@code ca.cert} instead of {@code ca.crt}</li>
 *   <li>index % 100 == 91: {@code b.key} holds the key of the {@code a} pair (mismatch)</li>
 * </ul>
 * Every other directory is clean. OUTDIR must not exist or be empty.
 */
public final class TreeGenerator {
    private static final int POOL = 4;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant NOW = Instant.now();

    enum MixUp { NONE, ORPHAN_KEY, EXPIRED, CA_AS_CERT, KEY_MISMATCH }

    record Keys(KeyPair pair, String pem) {
    }

    record Issuer(X500Name name, KeyPair keys) {
    }

    private final List<Keys> rsaClient = new ArrayList<>();
    private final List<Keys> ecClient = new ArrayList<>();
    private final KeyPair rsaCa;
    private final KeyPair rsa4096Ca;
    private final KeyPair ecCa;
    private final boolean inTree;
    private final Issuer rsaClientCa;
    private final Issuer ecClientCa;

    private TreeGenerator(boolean inTree) {
        this.inTree = inTree;
        List<KeyPair> rsa = IntStream.range(0, POOL + 3).parallel()
                .mapToObj(i -> rsa(i == POOL + 2 ? 4096 : 2048)).toList();
        List<KeyPair> ec = IntStream.range(0, POOL + 2).parallel().mapToObj(i -> ec()).toList();
        for (int i = 0; i < POOL; i++) {
            // alternate encodings: openssl genrsa (PKCS#1) / genpkey (PKCS#8); ecparam -genkey (SEC1) / genpkey
            rsaClient.add(new Keys(rsa.get(i), i % 2 == 0 ? pkcs1Pem(rsa.get(i)) : pkcs8Pem(rsa.get(i))));
            ecClient.add(new Keys(ec.get(i), i % 2 == 0 ? sec1Pem(ec.get(i)) : pkcs8Pem(ec.get(i))));
        }
        rsaCa = rsa.get(POOL);
        rsa4096Ca = rsa.get(POOL + 2);
        ecCa = ec.get(POOL);
        rsaClientCa = new Issuer(new X500Name("CN=Example Client CA RSA,O=Example Corp"), rsa.get(POOL + 1));
        ecClientCa = new Issuer(new X500Name("CN=Example Client CA EC,O=Example Corp"), ec.get(POOL + 1));
    }

    public static void main(String[] args) throws IOException {
        List<String> positional = new ArrayList<>();
        String shape = "outside";
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--shape") && i + 1 < args.length) {
                shape = args[++i];
            } else {
                positional.add(args[i]);
            }
        }
        if (positional.isEmpty() || positional.size() > 2 || !(shape.equals("outside") || shape.equals("in-tree"))) {
            System.err.println("usage: java -cp 'target/lib/*' bench/TreeGenerator.java OUTDIR [HOSTS]"
                    + " [--shape outside|in-tree]");
            System.exit(2);
        }
        Path out = Path.of(positional.get(0));
        int hosts = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 500;
        if (Files.isDirectory(out)) {
            try (var s = Files.list(out)) {
                if (s.findAny().isPresent()) {
                    System.err.println(out + " is not empty");
                    System.exit(2);
                }
            }
        }
        Files.createDirectories(out);
        long t0 = System.nanoTime();
        TreeGenerator g = new TreeGenerator(shape.equals("in-tree"));
        int width = Math.max(3, Integer.toString(Math.max(0, hosts - 1)).length());
        IntStream.range(0, hosts).parallel().forEach(i -> g.writeHost(out, i, width));
        long files;
        try (var s = Files.find(out, 2, (p, a) -> a.isRegularFile())) {
            files = s.count();
        }
        System.err.printf(Locale.ROOT, "%d host directories, %d files in %s, CA %s the tree (%d ms)%n", hosts, files,
                out, g.inTree ? "in" : "outside", (System.nanoTime() - t0) / 1_000_000);
    }

    static MixUp mixUp(int index) {
        return switch (index % 100) {
            case 17 -> MixUp.ORPHAN_KEY;
            case 42 -> MixUp.EXPIRED;
            case 73 -> MixUp.CA_AS_CERT;
            case 91 -> MixUp.KEY_MISMATCH;
            default -> MixUp.NONE;
        };
    }

    static String dirName(int index, int width) {
        String host = String.format(Locale.ROOT, "reg-%0" + width + "d.example.com", index);
        return index % 2 == 0 ? host + ":5000" : host;
    }

    private void writeHost(Path root, int i, int width) {
        String name = dirName(i, width);
        String host = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
        Path dir = root.resolve(name);
        MixUp mix = mixUp(i);
        try {
            Files.createDirectory(dir);
            // outside: the registry's CA, RSA on even, EC on odd directories; in-tree: the CA that issues the pairs
            KeyPair caKeys = inTree ? switch (i % 4) {
                case 1 -> rsaCa;
                case 3 -> rsa4096Ca;
                default -> ecCa;
            } : i % 2 == 0 ? rsaCa : ecCa;
            X500Name caName = new X500Name("CN=" + host + " Registry CA,O=Example Corp,OU=Registry " + i);
            Issuer dirCa = new Issuer(caName, caKeys);
            String ca = pem("CERTIFICATE", cert(caName, caName, caKeys.getPublic(), caKeys,
                    serial(i, 0), NOW.minus(Duration.ofDays(100)), NOW.plus(Duration.ofDays(3650)), true));
            write(dir, mix == MixUp.CA_AS_CERT ? "ca.cert" : "ca.crt", ca, false);

            // two client pairs, one RSA and one EC, in an order that depends on the directory
            boolean rsaFirst = (i / 2) % 2 == 0;
            Keys aKeys = (rsaFirst ? rsaClient : ecClient).get(i % POOL);
            Keys bKeys = (rsaFirst ? ecClient : rsaClient).get((i + 1) % POOL);
            Issuer aIssuer = inTree ? dirCa : rsaFirst ? rsaClientCa : ecClientCa;
            Issuer bIssuer = inTree ? dirCa : rsaFirst ? ecClientCa : rsaClientCa;
            if (mix == MixUp.EXPIRED) {
                bIssuer = aIssuer; // same issuer, so Go sends the expired pair first
            }
            Instant from = NOW.minus(Duration.ofDays(30));
            Instant to = NOW.plus(Duration.ofDays(335));
            String aCert = clientCert(host, "a", i, 1, aKeys, aIssuer,
                    mix == MixUp.EXPIRED ? NOW.minus(Duration.ofDays(375)) : from,
                    mix == MixUp.EXPIRED ? NOW.minus(Duration.ofDays(10)) : to);
            String bCert = clientCert(host, "b", i, 2, bKeys, bIssuer, from, to);
            write(dir, "a.cert", aCert, false);
            write(dir, "a.key", aKeys.pem(), true);
            write(dir, mix == MixUp.ORPHAN_KEY ? "b.crt" : "b.cert", bCert, false);
            write(dir, "b.key", mix == MixUp.KEY_MISMATCH ? aKeys.pem() : bKeys.pem(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String clientCert(String host, String label, int i, int n, Keys keys, Issuer issuer,
                                     Instant from, Instant to) {
        X500Name subject = new X500Name("CN=ci-" + label + "-" + i + "." + host + ",O=Example Corp,OU=CI");
        return pem("CERTIFICATE", cert(subject, issuer.name(), keys.pair().getPublic(), issuer.keys(),
                serial(i, n), from, to, false));
    }

    private static BigInteger serial(int i, int n) {
        return BigInteger.valueOf(0x1000_0000L + i * 16L + n);
    }

    /** A certificate with subject and authority key identifiers, as openssl 3 writes them by default. */
    private static byte[] cert(X500Name subject, X500Name issuer, PublicKey pub, KeyPair issuerKeys, BigInteger serial,
                               Instant from, Instant to, boolean ca) {
        PrivateKey signer = issuerKeys.getPrivate();
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, serial, Date.from(from),
                    Date.from(to), subject, pub);
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pub));
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    ext.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
            if (ca) {
                b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                int usage = pub.getAlgorithm().equals("RSA")
                        ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature;
                b.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
                b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            }
            String alg = signer.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            X509CertificateHolder h = b.build(new JcaContentSignerBuilder(alg).build(signer));
            return h.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(bits, RANDOM);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ec() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** "RSA PRIVATE KEY", as {@code openssl genrsa -traditional} writes it. */
    private static String pkcs1Pem(KeyPair k) {
        try {
            RSAPrivateKey rsa = (RSAPrivateKey) k.getPrivate();
            return pem("RSA PRIVATE KEY", PrivateKeyInfo.getInstance(rsa.getEncoded()).parsePrivateKey()
                    .toASN1Primitive().getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "EC PRIVATE KEY" with curve and public point, as {@code openssl ecparam -genkey -noout} writes it. */
    private static String sec1Pem(KeyPair k) {
        try {
            return pem("EC PRIVATE KEY", ecPrivateKey(k, true).getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "PRIVATE KEY" (PKCS#8), as {@code openssl genpkey} writes it (EC: public point inside, curve outside). */
    private static String pkcs8Pem(KeyPair k) {
        try {
            if (k.getPrivate() instanceof RSAPrivateKey) {
                return pem("PRIVATE KEY", k.getPrivate().getEncoded());
            }
            PrivateKeyInfo info = new PrivateKeyInfo(
                    new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, SECObjectIdentifiers.secp256r1),
                    ecPrivateKey(k, false));
            return pem("PRIVATE KEY", info.getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static org.bouncycastle.asn1.sec.ECPrivateKey ecPrivateKey(KeyPair k, boolean withCurve) {
        BigInteger d = ((ECPrivateKey) k.getPrivate()).getS();
        byte[] point = SubjectPublicKeyInfo.getInstance(k.getPublic().getEncoded()).getPublicKeyData().getBytes();
        return new org.bouncycastle.asn1.sec.ECPrivateKey(256, d, new DERBitString(point),
                withCurve ? SECObjectIdentifiers.secp256r1 : null);
    }

    private static String pem(String type, byte[] der) {
        StringWriter sw = new StringWriter();
        try (PemWriter w = new PemWriter(sw)) {
            w.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    private static void write(Path dir, String name, String text, boolean secret) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--"));
    }
}
