package dev.certsd.certs;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The key types the wizards offer; Docker, podman and containerd load all of them. RSA 4096 is the docs' choice. */
public enum KeySpec {
    RSA_2048("rsa2048", "RSA", 2048, null),
    RSA_3072("rsa3072", "RSA", 3072, null),
    RSA_4096("rsa4096", "RSA", 4096, null),
    EC_P256("ec256", "EC", 256, "P-256"),
    EC_P384("ec384", "EC", 384, "P-384");

    /** What the docs' recipe ({@code openssl genrsa 4096}) makes. */
    public static final KeySpec DEFAULT = RSA_4096;

    private final String id;
    private final String algorithm;
    private final int bits;
    private final String curve;

    KeySpec(String id, String algorithm, int bits, String curve) {
        this.id = id;
        this.algorithm = algorithm;
        this.bits = bits;
        this.curve = curve;
    }

    /** The command-line spelling: rsa4096, ec256... */
    public String id() {
        return id;
    }

    public String algorithm() {
        return algorithm;
    }

    public int bits() {
        return bits;
    }

    /** The NIST curve name (P-256), or null for RSA. */
    public String curve() {
        return curve;
    }

    public boolean rsa() {
        return curve == null;
    }

    /** The signature algorithm a key of this type signs certificates with. */
    String signatureAlgorithm() {
        return rsa() ? "SHA256withRSA" : bits == 384 ? "SHA384withECDSA" : "SHA256withECDSA";
    }

    /** "RSA 4096" or "EC P-256", for labels. */
    public String label() {
        return rsa() ? "RSA " + bits : "EC " + curve;
    }

    public static Optional<KeySpec> fromId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.id.equals(wanted)).findFirst();
    }
}
