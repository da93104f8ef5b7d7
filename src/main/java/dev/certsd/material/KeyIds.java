package dev.certsd.material;

import java.math.BigInteger;
import java.util.HexFormat;

/**
 * Identities of public keys, computed the same way from certificates and from private keys so a pair can be
 * matched by comparing strings. Hex of the two's-complement bytes: far cheaper than BigInteger.toString(16).
 */
final class KeyIds {
    private static final HexFormat HEX = HexFormat.of();

    private KeyIds() {
    }

    static String rsa(BigInteger modulus) {
        return "RSA:" + HEX.formatHex(modulus.toByteArray());
    }

    static String ec(BigInteger x, BigInteger y) {
        return "EC:" + HEX.formatHex(x.toByteArray()) + ":" + HEX.formatHex(y.toByteArray());
    }
}
