package dev.certsd.material;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads the first private key of a PEM file, decrypting it when it is passphrase-protected (PKCS#8
 * {@code ENCRYPTED PRIVATE KEY}, or the legacy OpenSSL form with {@code Proc-Type: 4,ENCRYPTED}).
 */
public final class EncryptedKeys {
    /** An instance, not a global registration: the engine does not change the JVM's providers for everyone. */
    private static final Provider BC = new BouncyCastleProvider();

    private EncryptedKeys() {
    }

    /** What reading the key came to. */
    public sealed interface Result {
        /** The key as unencrypted PKCS#8 DER; {@code wasEncrypted} says whether a passphrase opened it. */
        record Key(byte[] pkcs8Der, boolean wasEncrypted) implements Result {
            public Key {
                pkcs8Der = pkcs8Der.clone();
            }

            @Override
            public byte[] pkcs8Der() {
                return pkcs8Der.clone();
            }
        }

        /** The key is encrypted and no passphrase was given. */
        record NeedsPassphrase() implements Result {
        }

        /** The passphrase does not open it. */
        record WrongPassphrase() implements Result {
        }

        /** The PEM text holds no private key. */
        record NoKey() implements Result {
        }
    }

    /**
     * Reads the key; the passphrase may be null or empty for an unencrypted key. Never throws on any input. The
     * caller owns the passphrase (and wipes it).
     */
    public static Result read(byte[] pem, char[] passphrase) {
        boolean noPassphrase = passphrase == null || passphrase.length == 0;
        try (PEMParser parser = new PEMParser(new StringReader(new String(pem, StandardCharsets.ISO_8859_1)))) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof PEMKeyPair pair) {
                    return loadable(pair.getPrivateKeyInfo().getEncoded(), false);
                }
                if (o instanceof PrivateKeyInfo info) {
                    return loadable(info.getEncoded(), false);
                }
                if (o instanceof PKCS8EncryptedPrivateKeyInfo || o instanceof PEMEncryptedKeyPair) {
                    return noPassphrase ? new Result.NeedsPassphrase() : decrypt(o, passphrase);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not PEM, or a broken block: there is no key to read
        }
        return new Result.NoKey();
    }

    private static Result decrypt(Object encrypted, char[] passphrase) {
        try {
            PrivateKeyInfo key = encrypted instanceof PKCS8EncryptedPrivateKeyInfo p8
                    ? p8.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC)
                            .build(passphrase))
                    : ((PEMEncryptedKeyPair) encrypted).decryptKeyPair(new JcePEMDecryptorProviderBuilder()
                            .setProvider(BC).build(passphrase)).getPrivateKeyInfo();
            return loadable(key.getEncoded(), true);
        } catch (IOException | RuntimeException | org.bouncycastle.operator.OperatorCreationException
                 | org.bouncycastle.pkcs.PKCSException e) {
            return new Result.WrongPassphrase();
        }
    }

    private static Result loadable(byte[] der, boolean wasEncrypted) {
        // A wrong passphrase can pass the padding check by chance; what Go cannot load is not a decrypted key.
        if (KeyParser.parseGo(der).goError() != null) {
            return wasEncrypted ? new Result.WrongPassphrase() : new Result.NoKey();
        }
        return new Result.Key(der, wasEncrypted);
    }
}
