package dev.certsd.certs;

import dev.certsd.material.CertInfo;
import dev.certsd.material.CertParser;
import dev.certsd.material.ContentReader;
import dev.certsd.material.EncryptedKeys;
import dev.certsd.material.KeyParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * A CA the user holds, read from its certificate file and key file (PEM; the key may be passphrase-protected, as
 * PKCS#8 or the legacy Proc-Type form), checked to belong together.
 */
public record SigningCa(X509Certificate cert, PrivateKey key, Path certFile, Path keyFile) {

    /** Whether the key file is encrypted, so the wizard shows the passphrase field before signing. */
    public static boolean needsPassphrase(Path keyFile) throws PkiException {
        return EncryptedKeys.read(UserFiles.read(keyFile), null) instanceof EncryptedKeys.Result.NeedsPassphrase;
    }

    /**
     * Reads the CA. The passphrase may be null for an unencrypted key; the caller wipes it afterwards.
     *
     * @throws PkiException a missing or wrong passphrase, a file without certificate or key, a key of another CA
     */
    public static SigningCa read(Path certFile, Path keyFile, char[] passphrase) throws PkiException {
        List<CertInfo> certs = ContentReader.read(UserFiles.read(certFile)).certificates();
        if (certs.isEmpty()) {
            throw PkiException.of("ca.noCertificate", certFile);
        }
        X509Certificate cert = certs.get(0).certificate();
        EncryptedKeys.Result r = EncryptedKeys.read(UserFiles.read(keyFile), passphrase);
        byte[] der;
        if (r instanceof EncryptedKeys.Result.Key k) {
            der = k.pkcs8Der();
        } else if (r instanceof EncryptedKeys.Result.NeedsPassphrase) {
            throw PkiException.of("ca.needsPassphrase", keyFile);
        } else if (r instanceof EncryptedKeys.Result.WrongPassphrase) {
            throw PkiException.of("ca.wrongPassphrase", keyFile);
        } else {
            throw PkiException.of("ca.noKey", keyFile);
        }
        String keyId = KeyParser.parseGo(der).key().publicKeyId();
        if (keyId == null || !keyId.equals(CertParser.publicKeyId(cert.getPublicKey()))) {
            throw PkiException.of("ca.keyMismatch", keyFile, certFile);
        }
        try {
            PrivateKey key = new JcaPEMKeyConverter().getPrivateKey(PrivateKeyInfo.getInstance(der));
            return new SigningCa(cert, key, certFile.toAbsolutePath().normalize(), keyFile.toAbsolutePath().normalize());
        } catch (PEMException | RuntimeException e) {
            throw new PkiException(PkiText.of("ca.noKey", keyFile), e);
        }
    }

    public Certificates.Issuer issuer() {
        return new Certificates.Issuer(cert, key);
    }
}
