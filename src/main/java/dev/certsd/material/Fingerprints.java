package dev.certsd.material;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Colon-separated hex digests, as openssl prints fingerprints. */
public final class Fingerprints {
    private Fingerprints() {
    }

    public static String sha256(byte[] data) {
        return digest("SHA-256", data);
    }

    public static String sha1(byte[] data) {
        return digest("SHA-1", data);
    }

    private static String digest(String algorithm, byte[] data) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
