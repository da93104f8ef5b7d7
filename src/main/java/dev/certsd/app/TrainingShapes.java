package dev.certsd.app;

import dev.certsd.certs.Certificates;
import dev.certsd.certs.Pem;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * For {@link AotTraining}: a host directory whose files are written the way openssl writes them, so the trained
 * archives hold what reading users' files needs. The sample root's keys come from the JDK, whose EC keys leave the
 * public point out; openssl's keep it in, and reading those takes other classes (and Go's other path: the point read,
 * not computed). Here: a CA that issued every pair, as in most real trees, with RSA and EC P-256 keys in PKCS#8
 * ({@code openssl genpkey}), SEC1 ({@code openssl ecparam -genkey}) and PKCS#1 ({@code openssl genrsa -traditional}).
 * Throw-away keys made at training time, never shipped.
 */
final class TrainingShapes {
    private static final Provider BC = new BouncyCastleProvider();

    private TrainingShapes() {
    }

    /** Writes the host directory {@code openssl-shapes.example:5000} into {@code root}. */
    static void write(Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve("openssl-shapes.example:5000"));
        Instant now = Instant.now();
        Instant until = now.plus(Duration.ofDays(365));
        try {
            KeyPair caKeys = keys("RSA", 2048);
            Certificates.Issued ca = Certificates.issue(new X500Name("CN=Training CA"), caKeys, null, now, until,
                    Certificates.Usage.CA, List.of());
            write(dir.resolve("ca.crt"), Pem.certificate(ca.cert()));
            pair(dir, "ec-pkcs8", keys("EC", 256), ca, now, until, false);
            pair(dir, "ec-sec1", keys("EC", 256), ca, now, until, true);
            pair(dir, "rsa-pkcs8", keys("RSA", 2048), ca, now, until, false);
            pair(dir, "rsa-pkcs1", keys("RSA", 2048), ca, now, until, true);
        } catch (GeneralSecurityException e) {
            throw new IOException("training keys: " + e.getMessage(), e);
        }
    }

    private static void pair(Path dir, String name, KeyPair keys, Certificates.Issued ca, Instant from, Instant until,
                             boolean traditional) throws IOException {
        Certificates.Issued leaf = Certificates.issue(new X500Name("CN=" + name), keys, ca.asIssuer(), from, until,
                Certificates.Usage.CLIENT, List.of());
        write(dir.resolve(name + ".cert"), Pem.certificate(leaf.cert()));
        write(dir.resolve(name + ".key"), traditional ? traditional(keys.getPrivate()) : Pem.privateKey(keys.getPrivate()));
    }

    /** Bouncy Castle's keys, as openssl's: an EC key's PKCS#8 holds its public point. */
    private static KeyPair keys(String algorithm, int size) throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm, BC);
        if (algorithm.equals("EC")) {
            g.initialize(new ECGenParameterSpec("secp256r1"));
        } else {
            g.initialize(size);
        }
        return g.generateKeyPair();
    }

    /** {@code EC PRIVATE KEY} (SEC1, with the curve and the public point) or {@code RSA PRIVATE KEY} (PKCS#1). */
    private static String traditional(PrivateKey key) throws IOException {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(key);
        }
        return sw.toString();
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }
}
