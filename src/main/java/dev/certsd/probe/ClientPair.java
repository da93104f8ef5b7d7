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
                    chain.add(c.get().certificate());
                }
            }
            Optional<PrivateKey> key = PrivateKeys.fromPem(InputFiles.readRegular(keyFile));
            if (chain.isEmpty() || key.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ClientPair(name, certFile, keyFile, chain, key.get()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
