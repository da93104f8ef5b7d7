package dev.certsd.fix;

import dev.certsd.material.EncryptedKeys;

/**
 * Decrypts a passphrase-protected key (PKCS#8 {@code ENCRYPTED PRIVATE KEY}, or the legacy OpenSSL form with
 * {@code Proc-Type: 4,ENCRYPTED}) into the unencrypted PKCS#8 PEM that Docker and podman load.
 */
final class KeyDecryption {
    private KeyDecryption() {
    }

    static byte[] decrypt(byte[] pem, char[] passphrase, String fileName) throws FixException {
        if (passphrase == null || passphrase.length == 0) {
            throw new FixException(FixText.of("error.needsPassphrase", fileName));
        }
        EncryptedKeys.Result r = EncryptedKeys.read(pem, passphrase);
        if (r instanceof EncryptedKeys.Result.Key k && k.wasEncrypted()) {
            return PemText.latin1(PemText.block("PRIVATE KEY", k.pkcs8Der()));
        }
        if (r instanceof EncryptedKeys.Result.WrongPassphrase) {
            throw new FixException(FixText.of("error.passphrase", fileName));
        }
        throw new FixException(FixText.of("error.notEncrypted", fileName));
    }
}
