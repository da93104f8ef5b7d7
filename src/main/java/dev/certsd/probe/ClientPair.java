package dev.certsd.probe;

import dev.certsd.material.CertInfo;
import dev.certsd.material.CertParser;
import dev.certsd.material.GoPem;
import dev.certsd.material.InputFiles;
import dev.certsd.material.PemBlock;
import dev.certsd.material.PrivateKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A client certificate pair as a Go client holds it: every CERTIFICATE block of the certificate file (leaf first)
 * and the private key.
 *
 * @param name the certificate file's name ({@code a.cert})
 */
public record ClientPair(String name, Path certFile, Path keyFile, List<X509Certificate> chain, PrivateKey key) {
    public ClientPair {
        chain = List.copyOf(chain);
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    /** The key algorithm as JSSE names key types: RSA, EC, EdDSA. */
    public String keyType() {
        String a = key.getAlgorithm();
        return a.equals("ECDSA") ? "EC" : a.equals("Ed25519") ? "EdDSA" : a;
    }

    /**
     * The certificate as the JDK's own X.509 parser reads it. JSSE presents a pair only when the certificate's key
     * and the private key name their algorithm alike ("EC" against Bouncy Castle's "ECDSA" does not), which made a
     * SEC1 key without its public part never sent although Go sends it (found by the skopeo differential test).
     */
    private static X509Certificate jdk(X509Certificate c) {
        try {
            return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(c.getEncoded()));
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            return c;
        }
    }

    /** The private key from the JDK's own key factory (EC, RSA, Ed25519 names as JSSE expects them). */
    private static PrivateKey jdk(PrivateKey k) {
        String alg = k.getAlgorithm().equals("ECDSA") ? "EC" : k.getAlgorithm();
        try {
            return java.security.KeyFactory.getInstance(alg)
                    .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(k.getEncoded()));
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            return k;
        }
    }

    /** Loads a pair the client has already accepted; empty when the files cannot be read as such. */
    public static Optional<ClientPair> load(String name, Path certFile, Path keyFile) {
        try {
            List<X509Certificate> chain = new ArrayList<>();
            for (PemBlock b : GoPem.decodeAll(InputFiles.readRegular(certFile))) {
                if (b.type().equals("CERTIFICATE")) {
                    Optional<CertInfo> c = CertParser.parse(b.bytes());
                    if (c.isEmpty()) {
                        return Optional.empty();
                    }
                    chain.add(jdk(c.get().certificate()));
                }
            }
            Optional<PrivateKey> key = PrivateKeys.fromPem(InputFiles.readRegular(keyFile));
            if (chain.isEmpty() || key.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ClientPair(name, certFile, keyFile, chain, jdk(key.get())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
