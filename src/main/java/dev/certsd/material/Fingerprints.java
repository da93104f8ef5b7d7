package dev.certsd.material;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Colon-separated hex digests, as openssl prints fingerprints. */
public final class Fingerprints {
    private static final HexFormat HEX = HexFormat.ofDelimiter(":").withUpperCase();
    /** A scan takes one of every certificate: the provider lookup behind each getInstance cost more than the hash. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> instance("SHA-256"));

    private Fingerprints() {
    }

    public static String sha256(byte[] data) {
        return HEX.formatHex(SHA256.get().digest(data));
    }

    public static String sha1(byte[] data) {
        return digest("SHA-1", data);
    }

    private static String digest(String algorithm, byte[] data) {
        return HEX.formatHex(instance(algorithm).digest(data));
    }

    private static MessageDigest instance(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
