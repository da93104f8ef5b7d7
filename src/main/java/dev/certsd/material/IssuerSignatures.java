package dev.certsd.material;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether one certificate's signature verifies with another's key, checked when asked (the details of a file, off
 * the FX thread) and remembered by the two certificates' SHA-256: a scan relates issuers by name and key identifier
 * ({@link KeyIdentifiers}) and verifies no signature, as no client verifies its own certificate's signature.
 */
public final class IssuerSignatures {
    private static final int MAX_REMEMBERED = 10_000;
    private static final Map<String, Boolean> VERIFIED = new ConcurrentHashMap<>();

    private IssuerSignatures() {
    }

    /** Whether {@code issuer}'s key verifies {@code cert}'s signature. */
    public static boolean verifies(CertInfo cert, CertInfo issuer) {
        String key = cert.sha256() + "/" + issuer.sha256();
        Boolean known = VERIFIED.get(key);
        if (known != null) {
            return known;
        }
        boolean ok = CertParser.verifies(cert.certificate(), issuer.certificate().getPublicKey());
        if (VERIFIED.size() >= MAX_REMEMBERED) {
            VERIFIED.clear();
        }
        VERIFIED.put(key, ok);
        return ok;
    }

    /** Whether the answer for this pair is already known, so asking costs no signature check. */
    public static boolean known(CertInfo cert, CertInfo issuer) {
        return VERIFIED.containsKey(cert.sha256() + "/" + issuer.sha256());
    }
}
