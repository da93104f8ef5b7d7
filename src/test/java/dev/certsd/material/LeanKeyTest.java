package dev.certsd.material;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.certsd.testing.TestPki;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

/**
 * The lean key reader ({@link LeanKey}) and Bouncy Castle's way ({@link KeyParser#parseGoBc}) give the same answer
 * for every input: the usual shapes are read lean, the others are left to Bouncy Castle, and so are random mutations
 * of both wherever the lean reader is not sure.
 */
class LeanKeyTest {
    private static final String[] CURVES = {"secp256r1", "secp384r1", "secp521r1"};

    /** Keys as OpenSSL, Go and the JDK write them, by name. */
    static Map<String, byte[]> usual() throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (int bits : new int[] {1024, 2048, 4096}) {
            byte[] pkcs8 = TestPki.rsa(bits, 1).getPrivate().getEncoded();
            out.put("RSA " + bits + " PKCS#8", pkcs8);
            out.put("RSA " + bits + " PKCS#1", PrivateKeyInfo.getInstance(pkcs8).parsePrivateKey().toASN1Primitive()
                    .getEncoded("DER"));
        }
        for (String name : CURVES) {
            KeyPair kp = ecKeys(name, null);
            ASN1ObjectIdentifier oid = ECNamedCurveTable.getOID(name);
            out.put(name + " SEC1", sec1(kp, oid, true));
            out.put(name + " PKCS#8, curve inside too", pkcs8(oid, sec1(kp, oid, true), null));
            out.put(name + " PKCS#8, OpenSSL 3's (no curve inside)", pkcs8(oid, sec1(kp, null, true), null));
        }
        return out;
    }

    /** Shapes the lean reader leaves to Bouncy Castle. */
    static Map<String, byte[]> unusual() throws Exception {
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put("Ed25519", TestPki.ed25519().getPrivate().getEncoded());
        out.put("DSA", TestPki.dsa().getPrivate().getEncoded());
        KeyPair p256 = ecKeys("secp256r1", null);
        ASN1ObjectIdentifier p256Oid = ECNamedCurveTable.getOID("secp256r1");
        out.put("P-256 SEC1 without its public point", sec1(p256, p256Oid, false));
        out.put("P-256 SEC1 without a curve", sec1(p256, null, true));
        out.put("P-256 PKCS#8 as the JDK writes it (no public point)", p256.getPrivate().getEncoded());
        out.put("P-256 PKCS#8 with attributes", pkcs8(p256Oid, sec1(p256, p256Oid, true),
                new DERSet(new DERUTF8String("attribute"))));
        byte[] offCurve = sec1(p256, p256Oid, true);
        offCurve[offCurve.length - 1] ^= 1;
        out.put("P-256 SEC1, public point off the curve", offCurve);
        for (String name : new String[] {"secp224r1", "secp256k1"}) {
            KeyPair kp = ecKeys(name, new BouncyCastleProvider());
            out.put(name + " SEC1", sec1(kp, ECNamedCurveTable.getOID(name), true));
        }
        out.put("not ASN.1", "not a key".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return out;
    }

    private static KeyPair ecKeys(String curve, java.security.Provider provider) throws Exception {
        KeyPairGenerator g = provider == null ? KeyPairGenerator.getInstance("EC")
                : KeyPairGenerator.getInstance("EC", provider);
        g.initialize(new ECGenParameterSpec(curve));
        return g.generateKeyPair();
    }

    private static byte[] sec1(KeyPair kp, ASN1ObjectIdentifier curve, boolean withPublic) throws Exception {
        ECPrivateKey priv = (ECPrivateKey) kp.getPrivate();
        ECPublicKey pub = (ECPublicKey) kp.getPublic();
        int bits = priv.getParams().getOrder().bitLength();
        int size = (priv.getParams().getCurve().getField().getFieldSize() + 7) / 8;
        byte[] point = new byte[1 + 2 * size];
        point[0] = 4;
        put(pub.getW().getAffineX(), point, 1, size);
        put(pub.getW().getAffineY(), point, 1 + size, size);
        return new org.bouncycastle.asn1.sec.ECPrivateKey(bits, priv.getS(), withPublic ? new DERBitString(point) : null,
                curve).getEncoded("DER");
    }

    private static void put(BigInteger v, byte[] to, int at, int size) {
        byte[] b = v.toByteArray();
        int from = Math.max(0, b.length - size);
        System.arraycopy(b, from, to, at + size - (b.length - from), b.length - from);
    }

    private static byte[] pkcs8(ASN1ObjectIdentifier curve, byte[] sec1, DERSet attributes) throws Exception {
        ASN1Encodable inner = org.bouncycastle.asn1.ASN1Primitive.fromByteArray(sec1);
        return new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve), inner, attributes)
                .getEncoded("DER");
    }

    @Test
    void theUsualShapesAreReadLeanWithBouncyCastlesAnswer() throws Exception {
        for (Map.Entry<String, byte[]> e : usual().entrySet()) {
            assertNotNull(LeanKey.read(e.getValue()), e.getKey());
            assertEquals(KeyParser.parseGoBc(e.getValue()), KeyParser.parseGo(e.getValue()), e.getKey());
        }
    }

    @Test
    void theOthersAreLeftToBouncyCastle() throws Exception {
        for (Map.Entry<String, byte[]> e : unusual().entrySet()) {
            assertNull(LeanKey.read(e.getValue()), e.getKey());
            assertEquals(KeyParser.parseGoBc(e.getValue()), KeyParser.parseGo(e.getValue()), e.getKey());
        }
    }

    /** Random byte changes, cuts and additions: wherever the lean reader answers, it answers as Bouncy Castle does. */
    @Test
    void mutationsGetTheSameAnswer() throws Exception {
        Random r = new Random(16);
        List<byte[]> all = new ArrayList<>(usual().values());
        all.addAll(unusual().values());
        int lean = 0;
        for (byte[] key : all) {
            for (int i = 0; i < 400; i++) {
                byte[] m = mutate(key, r);
                KeyParser.GoParse expected = KeyParser.parseGoBc(m);
                assertEquals(expected, KeyParser.parseGo(m), () -> "mutation of " + java.util.HexFormat.of().formatHex(m));
                lean += LeanKey.read(m) != null ? 1 : 0;
            }
        }
        assertEquals(true, lean > 100, "some mutations are still read lean: " + lean);
    }

    private static byte[] mutate(byte[] key, Random r) {
        switch (r.nextInt(4)) {
            case 0: {
                byte[] m = key.clone();
                m[r.nextInt(m.length)] ^= (byte) (1 << r.nextInt(8));
                return m;
            }
            case 1:
                return Arrays.copyOf(key, r.nextInt(key.length));
            case 2:
                return Arrays.copyOf(key, key.length + 1 + r.nextInt(3));
            default: {
                // change a byte near the start, where the tags and lengths are
                byte[] m = key.clone();
                m[r.nextInt(Math.min(m.length, 40))] = (byte) r.nextInt(256);
                return m;
            }
        }
    }

    @Test
    void theCurvesAreBouncyCastles() {
        for (LeanKey.Curve c : LeanKey.CURVES) {
            var bc = ECNamedCurveTable.getByOID(new ASN1ObjectIdentifier(dotted(c.oid())));
            assertEquals(bc.getCurve().getField().getCharacteristic(), c.p(), c.name());
            assertEquals(bc.getCurve().getB().toBigInteger(), c.b(), c.name());
            assertEquals(bc.getCurve().getA().toBigInteger(), c.p().subtract(BigInteger.valueOf(3)), c.name());
            assertEquals(bc.getCurve().getFieldSize(), c.bits(), c.name());
        }
    }

    private static String dotted(String hexOid) {
        return ASN1ObjectIdentifier.getInstance(java.util.HexFormat.of().parseHex("06"
                + String.format("%02x", hexOid.length() / 2) + hexOid)).getId();
    }
}
