package dev.certsd.fix;

import dev.certsd.material.KeyParser;
import java.io.IOException;
import java.io.StringReader;
import java.security.Provider;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Decrypts a passphrase-protected key (PKCS#8 {@code ENCRYPTED PRIVATE KEY}, or the legacy OpenSSL form with
 * {@code Proc-Type: 4,ENCRYPTED}) into the unencrypted PKCS#8 PEM that Docker and podman load.
 */
final class KeyDecryption {
    /** An instance, not a global registration: the engine does not change the JVM's providers for everyone. */
    private static final Provider BC = new BouncyCastleProvider();

    private KeyDecryption() {
    }

    static byte[] decrypt(byte[] pem, char[] passphrase, String fileName) throws FixException {
        if (passphrase == null || passphrase.length == 0) {
            throw new FixException(FixText.of("error.needsPassphrase", fileName));
        }
        PrivateKeyInfo key;
        try (PEMParser parser = new PEMParser(new StringReader(PemText.latin1(pem)))) {
            key = null;
            for (Object o = parser.readObject(); o != null && key == null; o = parser.readObject()) {
                if (o instanceof PKCS8EncryptedPrivateKeyInfo p8) {
                    key = p8.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC)
                            .build(passphrase));
                } else if (o instanceof PEMEncryptedKeyPair legacy) {
                    key = legacy.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(BC).build(passphrase))
                            .getPrivateKeyInfo();
                }
            }
        } catch (IOException | RuntimeException | org.bouncycastle.operator.OperatorCreationException
                 | org.bouncycastle.pkcs.PKCSException e) {
            throw new FixException(FixText.of("error.passphrase", fileName), e);
        }
        if (key == null) {
            throw new FixException(FixText.of("error.notEncrypted", fileName));
        }
        byte[] der;
        try {
            der = key.getEncoded();
        } catch (IOException e) {
            throw new FixException(FixText.of("error.passphrase", fileName), e);
        }
        // A wrong passphrase can pass the padding check by chance; what Go cannot load is not a decrypted key.
        if (KeyParser.parseGo(der).goError() != null) {
            throw new FixException(FixText.of("error.passphrase", fileName));
        }
        return PemText.latin1(PemText.block("PRIVATE KEY", der));
    }
}
