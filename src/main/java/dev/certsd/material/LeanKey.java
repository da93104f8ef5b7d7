package dev.certsd.material;

import dev.certsd.material.DerWalk.Refused;
import java.math.BigInteger;

/**
 * Private keys of the usual shapes read straight from their DER bytes, as {@link LeanCert} reads certificates: Bouncy
 * Castle's ASN.1 objects, and its curve tables set up for the first EC key, were about 6% of a 500-directory check
 * (docs/performance.md). Read here: PKCS#1 RSA (version 0, the nine integers, a positive modulus); SEC1 EC keys
 * (version 1) on P-256, P-384 or P-521 whose public point is in the file; and PKCS#8 (version 0, no attributes, no
 * public key of its own) around either. Everything must be strict DER with minimally encoded integers, and the public
 * point must lie on its curve, as Bouncy Castle's decoding checks. Anything else returns null, and
 * {@link KeyParser} asks Bouncy Castle as before; {@code LeanKeyTest} holds the two to the same answers.
 */
final class LeanKey {
    private static final String RSA_KEY = "2a864886f70d010101";
    private static final String EC_KEY = "2a8648ce3d0201";

    /** A prime curve y^2 = x^3 - 3x + b over p, as the key's OID names it (SEC 2). */
    record Curve(String oid, String name, int bits, BigInteger p, BigInteger b) {
        boolean holds(BigInteger x, BigInteger y) {
            if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
                return false;
            }
            BigInteger right = x.multiply(x).subtract(BigInteger.valueOf(3)).multiply(x).add(b).mod(p);
            return y.multiply(y).mod(p).equals(right);
        }
    }

    static final Curve[] CURVES = {
        new Curve("2a8648ce3d030107", "P-256", 256,
                new BigInteger("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16),
                new BigInteger("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16)),
        new Curve("2b81040022", "P-384", 384,
                new BigInteger("fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe"
                        + "ffffffff0000000000000000ffffffff", 16),
                new BigInteger("b3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875a"
                        + "c656398d8a2ed19d2a85c8edd3ec2aef", 16)),
        new Curve("2b81040023", "P-521", 521, BigInteger.ONE.shiftLeft(521).subtract(BigInteger.ONE),
                new BigInteger("0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b165"
                        + "2c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00", 16)),
    };

    private LeanKey() {
    }

    /** The key, or null when it is not of a shape read here (Bouncy Castle then decides). */
    static KeyInfo read(byte[] der) {
        try {
            return parse(der);
        } catch (Refused e) {
            return null;
        }
    }

    private static KeyInfo parse(byte[] der) throws Refused {
        DerWalk outer = new DerWalk(der, 0, der.length).expect(0x30);
        outer.done();
        DerWalk seq = outer.inside();
        int version = seq.expect(0x02).smallInteger();
        int next = seq.peekTag();
        if (version == 0 && next == 0x02) {
            return rsa(seq, KeyInfo.Encoding.PKCS1);
        }
        if (version == 0 && next == 0x30) {
            return pkcs8(seq);
        }
        if (version == 1 && next == 0x04) {
            return ec(seq, null, KeyInfo.Encoding.SEC1);
        }
        throw DerWalk.refused();
    }

    /** The eight integers after PKCS#1's version: modulus, exponents, primes and CRT values. */
    private static KeyInfo rsa(DerWalk seq, KeyInfo.Encoding encoding) throws Refused {
        seq.expect(0x02);
        int nStart = seq.start;
        int nLength = seq.length;
        if (nLength < 1 || seq.at(nStart) < 0) {
            throw DerWalk.refused();
        }
        minimal(seq);
        for (int i = 0; i < 7; i++) {
            minimal(seq.expect(0x02));
        }
        seq.done();
        BigInteger n = new BigInteger(1, seq.bytes(), nStart, nLength);
        if (n.signum() == 0) {
            throw DerWalk.refused();
        }
        return new KeyInfo(encoding, "RSA", n.bitLength(), null, KeyIds.rsa(n));
    }

    /** A positive or negative INTEGER in its shortest form, as Bouncy Castle insists. */
    private static void minimal(DerWalk i) throws Refused {
        byte[] b = i.bytes();
        if (i.length < 1 || i.length > 1 && (b[i.start] == 0 && b[i.start + 1] >= 0
                || b[i.start] == -1 && b[i.start + 1] < 0)) {
            throw DerWalk.refused();
        }
    }

    private static KeyInfo pkcs8(DerWalk seq) throws Refused {
        DerWalk alg = seq.expect(0x30).inside();
        String oid = hex(alg.expect(0x06));
        String curve = null;
        if (oid.equals(RSA_KEY)) {
            alg.expect(0x05);
            if (alg.length != 0) {
                throw DerWalk.refused();
            }
        } else if (oid.equals(EC_KEY)) {
            curve = hex(alg.expect(0x06));
        } else {
            throw DerWalk.refused();
        }
        alg.done();
        seq.expect(0x04);
        DerWalk inner = new DerWalk(seq.bytes(), seq.start, seq.start + seq.length).expect(0x30);
        inner.done();
        seq.done(); // no attributes, no public key of PKCS#8's own
        DerWalk key = inner.inside();
        int version = key.expect(0x02).smallInteger();
        if (curve == null && version == 0) {
            return rsa(key, KeyInfo.Encoding.PKCS8);
        }
        if (curve != null && version == 1) {
            return ec(key, curve, KeyInfo.Encoding.PKCS8);
        }
        throw DerWalk.refused();
    }

    /** SEC1 after its version: the private key, the curve (or PKCS#8's {@code outerCurve}) and the public point. */
    private static KeyInfo ec(DerWalk seq, String outerCurve, KeyInfo.Encoding encoding) throws Refused {
        seq.expect(0x04);
        String curveOid = outerCurve;
        if (seq.more() && seq.peekTag() == 0xa0) {
            DerWalk params = seq.next().inside();
            curveOid = hex(params.expect(0x06));
            params.done();
            if (outerCurve != null && !outerCurve.equals(curveOid)) {
                // Bouncy Castle takes the inner curve, once the outer one parses as an OID: its to decide
                throw DerWalk.refused();
            }
        }
        DerWalk pub = seq.expect(0xa1).inside().expect(0x03);
        pub.done();
        seq.done();
        Curve curve = null;
        for (Curve c : CURVES) {
            if (c.oid().equals(curveOid)) {
                curve = c;
            }
        }
        int size = curve == null ? 0 : (curve.bits() + 7) / 8;
        byte[] b = pub.bytes();
        if (curve == null || pub.length != 2 + 2 * size || b[pub.start] != 0 || b[pub.start + 1] != 4) {
            throw DerWalk.refused();
        }
        BigInteger x = new BigInteger(1, b, pub.start + 2, size);
        BigInteger y = new BigInteger(1, b, pub.start + 2 + size, size);
        if (!curve.holds(x, y)) {
            throw DerWalk.refused();
        }
        return new KeyInfo(encoding, "EC", curve.bits(), curve.name(), KeyIds.ec(x, y));
    }

    private static String hex(DerWalk w) {
        return java.util.HexFormat.of().formatHex(w.bytes(), w.start, w.start + w.length);
    }
}
