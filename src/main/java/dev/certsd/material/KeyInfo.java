package dev.certsd.material;

/**
 * A private key as found in a file.
 *
 * @param encoding    how it is stored
 * @param algorithm   "RSA", "EC", "Ed25519", ... or null when unknown (encrypted keys)
 * @param bits        key size in bits (RSA modulus, EC field), 0 when unknown
 * @param curve       the EC curve name, or null
 * @param publicKeyId an identity of the public half, comparable with {@link CertInfo#publicKeyId()}; null when unknown
 */
public record KeyInfo(Encoding encoding, String algorithm, int bits, String curve, String publicKeyId) {

    /** Key encodings, with whether Go's TLS stack can load them. */
    public enum Encoding {
        PKCS1(true), PKCS8(true), SEC1(true),
        ENCRYPTED_PKCS8(false), ENCRYPTED_LEGACY_PEM(false), OPENSSH(false), DSA(false), UNPARSEABLE(false);

        private final boolean goLoads;

        Encoding(boolean goLoads) {
            this.goLoads = goLoads;
        }

        public boolean goLoads() {
            return goLoads;
        }
    }

    public boolean encrypted() {
        return encoding == Encoding.ENCRYPTED_PKCS8 || encoding == Encoding.ENCRYPTED_LEGACY_PEM;
    }

    public String describe() {
        if (algorithm == null) {
            return encoding.name();
        }
        return curve != null ? algorithm + " " + curve : algorithm + " " + bits;
    }
}
