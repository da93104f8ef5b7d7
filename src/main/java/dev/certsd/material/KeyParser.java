package dev.certsd.material;

import java.math.BigInteger;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.encoders.Hex;

/**
 * Parses private keys in the order Go's {@code tls.parsePrivateKey} tries them (PKCS#1, PKCS#8, SEC1), so
 * what loads here is what loads in a Go client.
 */
public final class KeyParser {
    private static final String RSA = "1.2.840.113549.1.1.1";
    private static final String EC = "1.2.840.10045.2.1";
    private static final String ED25519 = "1.3.101.112";
    private static final String DSA = "1.2.840.10040.4.1";
    private static final Map<String, String> CURVES = Map.of(
            "1.2.840.10045.3.1.7", "P-256", "1.3.132.0.34", "P-384", "1.3.132.0.35", "P-521",
            "1.3.132.0.33", "P-224", "1.3.132.0.10", "secp256k1");

    private KeyParser() {
    }

    /** The outcome of Go's parsePrivateKey on DER bytes: the key, or the error text Go gives. */
    public record GoParse(KeyInfo key, String goError) {
    }

    public static GoParse parseGo(byte[] der) {
        KeyInfo lean = LeanKey.read(der);
        return lean != null ? new GoParse(lean, null) : parseGoBc(der);
    }

    /** {@link #parseGo} with Bouncy Castle's ASN.1, for every shape ({@link LeanKey} reads the usual ones). */
    static GoParse parseGoBc(byte[] der) {
        // Go decodes the bytes anew for each form it tries; the ASN.1 is the same each time, so it is read once here
        ASN1Primitive asn1 = asn1(der);
        KeyInfo pkcs1 = tryPkcs1(asn1);
        if (pkcs1 != null) {
            return new GoParse(pkcs1, null);
        }
        PrivateKeyInfo pki = tryPkcs8(asn1);
        if (pki != null) {
            KeyInfo k = fromPkcs8(pki);
            if (k != null && k.encoding().goLoads()) {
                return new GoParse(k, null);
            }
            if (k != null && k.algorithm() != null && !k.algorithm().equals("DSA")) {
                return new GoParse(k, "tls: found unknown private key type in PKCS#8 wrapping");
            }
        }
        KeyInfo sec1 = trySec1(asn1, null);
        if (sec1 != null) {
            return new GoParse(sec1, null);
        }
        KeyInfo unknown = pki != null ? fromPkcs8(pki) : null;
        return new GoParse(unknown != null ? unknown : new KeyInfo(KeyInfo.Encoding.UNPARSEABLE, null, 0, null, null),
                "tls: failed to parse private key");
    }

    /** The bytes' ASN.1, or null when they are not ASN.1 (then every form fails, as each would on its own). */
    private static ASN1Primitive asn1(byte[] der) {
        try {
            return ASN1Primitive.fromByteArray(der);
        } catch (Exception e) {
            return null;
        }
    }

    private static KeyInfo tryPkcs1(ASN1Primitive asn1) {
        if (asn1 == null) {
            return null;
        }
        try {
            ASN1Sequence seq = ASN1Sequence.getInstance(asn1);
            if (seq.size() < 9) {
                return null;
            }
            return rsa(RSAPrivateKey.getInstance(seq), KeyInfo.Encoding.PKCS1);
        } catch (Exception e) {
            return null;
        }
    }

    private static PrivateKeyInfo tryPkcs8(ASN1Primitive asn1) {
        if (asn1 == null) {
            return null;
        }
        try {
            return PrivateKeyInfo.getInstance(asn1);
        } catch (Exception e) {
            return null;
        }
    }

    private static KeyInfo fromPkcs8(PrivateKeyInfo pki) {
        try {
            String alg = pki.getPrivateKeyAlgorithm().getAlgorithm().getId();
            switch (alg) {
                case RSA:
                    return rsa(RSAPrivateKey.getInstance(pki.parsePrivateKey()), KeyInfo.Encoding.PKCS8);
                case EC: {
                    ASN1ObjectIdentifier curve = ASN1ObjectIdentifier.getInstance(
                            pki.getPrivateKeyAlgorithm().getParameters());
                    KeyInfo k = trySec1(pki.parsePrivateKey().toASN1Primitive(), curve);
                    return k == null ? null : new KeyInfo(KeyInfo.Encoding.PKCS8, k.algorithm(), k.bits(), k.curve(),
                            k.publicKeyId());
                }
                case ED25519: {
                    byte[] seed = ASN1OctetString.getInstance(pki.parsePrivateKey()).getOctets();
                    byte[] pub = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
                    return new KeyInfo(KeyInfo.Encoding.PKCS8, "Ed25519", 256, null, "ED25519:" + Hex.toHexString(pub));
                }
                case DSA:
                    return new KeyInfo(KeyInfo.Encoding.DSA, "DSA", 0, null, null);
                default:
                    return new KeyInfo(KeyInfo.Encoding.UNPARSEABLE, algorithmLabel(alg), 0, null, null);
            }
        } catch (Exception e) {
            return null;
        }
    }

    private static String algorithmLabel(String oid) {
        return switch (oid) {
            case "1.3.101.110" -> "X25519";
            case "1.3.101.111" -> "X448";
            case "1.3.101.113" -> "Ed448";
            case "1.2.840.113549.1.1.10" -> "RSASSA-PSS";
            default -> oid;
        };
    }

    private static KeyInfo trySec1(ASN1Primitive asn1, ASN1ObjectIdentifier outerCurve) {
        if (asn1 == null) {
            return null;
        }
        try {
            ECPrivateKey ec = ECPrivateKey.getInstance(asn1);
            ASN1Primitive params = ec.getParametersObject() == null ? null : ec.getParametersObject().toASN1Primitive();
            ASN1ObjectIdentifier curveOid = params instanceof ASN1ObjectIdentifier oid ? oid : outerCurve;
            if (curveOid == null) {
                return null;
            }
            X9ECParameters curve = ECNamedCurveTable.getByOID(curveOid);
            if (curve == null) {
                return null;
            }
            ECPoint q = ec.getPublicKey() != null
                    ? curve.getCurve().decodePoint(ec.getPublicKey().getOctets())
                    : curve.getG().multiply(ec.getKey());
            q = q.normalize();
            String id = KeyIds.ec(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
            String name = CURVES.getOrDefault(curveOid.getId(), curveOid.getId());
            return new KeyInfo(KeyInfo.Encoding.SEC1, "EC", curve.getCurve().getFieldSize(), name, id);
        } catch (Exception e) {
            return null;
        }
    }

    private static KeyInfo rsa(RSAPrivateKey k, KeyInfo.Encoding encoding) {
        BigInteger n = k.getModulus();
        return new KeyInfo(encoding, "RSA", n.bitLength(), null, KeyIds.rsa(n));
    }
}
