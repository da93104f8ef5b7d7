package dev.certsd.material;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** Turns an unencrypted PEM private key (PKCS#1, PKCS#8, SEC1) into a JCA key for a TLS handshake. */
public final class PrivateKeys {
    private PrivateKeys() {
    }

    /** The first unencrypted private key in the PEM text, or empty. */
    public static Optional<PrivateKey> fromPem(byte[] pem) {
        try (PEMParser parser = new PEMParser(new StringReader(new String(pem, StandardCharsets.ISO_8859_1)))) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            Object o;
            while ((o = parser.readObject()) != null) {
                if (o instanceof PEMKeyPair pair) {
                    return Optional.of(converter.getPrivateKey(pair.getPrivateKeyInfo()));
                }
                if (o instanceof PrivateKeyInfo info) {
                    return Optional.of(converter.getPrivateKey(info));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
