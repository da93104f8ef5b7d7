package dev.certsd.material;

import dev.certsd.material.DerWalk.Refused;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.security.auth.x500.X500Principal;

/**
 * Reads a certificate of the usual shape straight from its DER bytes, without the JDK's parser: v3 (or v1 without
 * extensions), a positive serial, RSA (1,024 to 8,192 bits, exponent 3 or 65537) or EC P-256/384/521 keys,
 * SHA-1/256/384/512 RSA or ECDSA signatures, names of one plain attribute per RDN ({@link LeanName}), times in
 * seconds and Z, the six extensions a check reads in their usual shape (subject and authority key identifier, key
 * usage, extended key usage, basic constraints, and DNS or IP alternative names) and any other extension only when it
 * is not critical ({@link LeanExtensions}). Everything else, and anything not in
 * strict DER, is refused, and {@link CertParser} asks the JDK: whatever this accepts, the JDK accepts with the same
 * facts ({@code LeanCertTest} compares both on every certificate the tests hold and on many mutations of them).
 *
 * <p>The JDK's parser builds an object for every name, attribute, extension and key part; on a cold JVM it was
 * 40% of a 500-directory check's work, with the compiling of its methods on top.
 */
final class LeanCert {
    private static final HexFormat HEX = HexFormat.of();
    private static final String[][] SIGNATURES = {
        {"2a864886f70d01010b", "SHA256withRSA"}, {"2a864886f70d01010c", "SHA384withRSA"},
        {"2a864886f70d01010d", "SHA512withRSA"}, {"2a864886f70d010105", "SHA1withRSA"},
        {"2a8648ce3d040302", "SHA256withECDSA"}, {"2a8648ce3d040303", "SHA384withECDSA"},
        {"2a8648ce3d040304", "SHA512withECDSA"}, {"2a8648ce3d0401", "SHA1withECDSA"}};
    private static final String RSA_KEY = "2a864886f70d010101";
    private static final String EC_KEY = "2a8648ce3d0201";
    private static final String[][] CURVES = {{"2a8648ce3d030107", "256"}, {"2b81040022", "384"},
        {"2b81040023", "521"}};

    private LeanCert() {
    }

    /** The certificate's facts, or null when it is not of the usual shape (then the JDK decides). */
    static CertInfo read(byte[] der) {
        try {
            return parse(der);
        } catch (Refused e) {
            return null;
        } catch (RuntimeException e) {
            return null; // a shape this reader did not foresee: the JDK decides, as for any other
        }
    }

    private static CertInfo parse(byte[] der) throws Refused {
        DerWalk outer = new DerWalk(der, 0, der.length).expect(0x30);
        outer.done();
        DerWalk cert = outer.inside();
        DerWalk tbs = cert.expect(0x30).inside();
        String signature = algorithm(cert.expect(0x30));
        int sigAlgStart = cert.elementStart();
        int sigAlgEnd = cert.start + cert.length;
        cert.expect(0x03);
        if (cert.length < 2 || cert.at(cert.start) != 0) {
            throw DerWalk.refused();
        }
        cert.done();

        boolean v3 = tbs.peekTag() == 0xa0;
        if (v3) {
            DerWalk version = tbs.next().inside();
            if (version.expect(0x02).smallInteger() != 2) {
                throw DerWalk.refused();
            }
            version.done();
        }
        String serial = serial(tbs.expect(0x02));
        tbs.expect(0x30);
        if (!java.util.Arrays.equals(der, tbs.elementStart(), tbs.start + tbs.length, der, sigAlgStart, sigAlgEnd)) {
            throw DerWalk.refused(); // the JDK compares them as algorithms, not bytes
        }
        LeanName issuer = LeanName.read(tbs.expect(0x30));
        byte[] issuerDer = tbs.elementCopy();
        DerWalk validity = tbs.expect(0x30).inside();
        Instant notBefore = time(validity.next());
        Instant notAfter = time(validity.next());
        validity.done();
        LeanName subject = LeanName.read(tbs.expect(0x30));
        byte[] subjectDer = tbs.elementCopy();
        Key key = key(tbs.expect(0x30));
        LeanExtensions ext = new LeanExtensions();
        if (tbs.more()) {
            if (!v3) {
                throw DerWalk.refused();
            }
            DerWalk wrapped = tbs.expect(0xa3).inside();
            ext.read(wrapped.expect(0x30));
            wrapped.done();
        }
        tbs.done();

        boolean selfIssued = java.util.Arrays.equals(subjectDer, issuerDer) || subject.mayEqual(issuer)
                && new X500Principal(subjectDer).equals(new X500Principal(issuerDer));
        CertSource source = CertSource.lean(der,
                new CertSource.LeanIds(ext.ski, ext.aki, key.bitsStart, key.bitsLength));
        return new CertInfo(source, subject.rfc2253(), issuer.rfc2253(), serial, ext.sans, notBefore, notAfter,
                key.algorithm, key.bits, signature, ext.pathLength, ext.keyUsages, ext.extendedKeyUsages,
                Fingerprints.sha256(der), selfIssued, new SelfSignature(source, selfIssued), key.id,
                new DerName(subjectDer), new DerName(issuerDer));
    }

    private static String algorithm(DerWalk alg) throws Refused {
        DerWalk in = alg.inside();
        String oid = hex(in.expect(0x06));
        for (String[] s : SIGNATURES) {
            if (s[0].equals(oid)) {
                if (s[1].endsWith("RSA")) {
                    in.expect(0x05); // NULL parameters, as RSA's are written
                    if (in.length != 0) {
                        throw DerWalk.refused();
                    }
                }
                in.done();
                return s[1];
            }
        }
        throw DerWalk.refused();
    }

    /** The serial as {@code BigInteger.toString(16)} gives it, for a positive, minimally encoded INTEGER. */
    private static String serial(DerWalk n) throws Refused {
        byte[] b = n.bytes();
        if (n.length < 1 || n.length > 21 || b[n.start] < 0
                || n.length > 1 && b[n.start] == 0 && b[n.start + 1] >= 0) {
            throw DerWalk.refused();
        }
        return CertParser.withoutLeadingZeros(HEX.formatHex(b, n.start, n.start + n.length));
    }

    /** UTCTime YYMMDDhhmmssZ or GeneralizedTime YYYYMMDDhhmmssZ, a real date, as the JDK reads them. */
    private static Instant time(DerWalk t) throws Refused {
        boolean utc = t.tag == 0x17;
        if (!utc && t.tag != 0x18 || t.length != (utc ? 13 : 15) || t.at(t.start + t.length - 1) != 'Z') {
            throw DerWalk.refused();
        }
        int at = t.start;
        int year;
        if (utc) {
            year = digits(t, at, 2);
            year += year < 50 ? 2000 : 1900;
            at += 2;
        } else {
            year = digits(t, at, 4);
            at += 4;
            if (year < 1950) {
                throw DerWalk.refused();
            }
        }
        int month = digits(t, at, 2);
        int day = digits(t, at + 2, 2);
        int hour = digits(t, at + 4, 2);
        int minute = digits(t, at + 6, 2);
        int second = digits(t, at + 8, 2);
        if (month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()
                || hour > 23 || minute > 59 || second > 59) {
            throw DerWalk.refused();
        }
        return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
    }

    private static int digits(DerWalk t, int at, int n) throws Refused {
        int v = 0;
        for (int i = 0; i < n; i++) {
            int d = t.at(at + i) - '0';
            if (d < 0 || d > 9) {
                throw DerWalk.refused();
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** A public key's facts, as {@link CertParser} gives them from the JDK's key. */
    private record Key(String algorithm, int bits, String id, int bitsStart, int bitsLength) {
    }

    private static Key key(DerWalk spki) throws Refused {
        DerWalk in = spki.inside();
        DerWalk alg = in.expect(0x30).inside();
        String oid = hex(alg.expect(0x06));
        in.expect(0x03);
        int bitsStart = in.start;
        int bitsLength = in.length;
        in.done();
        byte[] b = in.bytes();
        if (bitsLength < 2 || b[bitsStart] != 0) {
            throw DerWalk.refused();
        }
        if (oid.equals(RSA_KEY)) {
            alg.expect(0x05);
            if (alg.length != 0) {
                throw DerWalk.refused();
            }
            alg.done();
            DerWalk rsa = new DerWalk(b, bitsStart + 1, bitsStart + bitsLength).expect(0x30);
            rsa.done();
            DerWalk parts = rsa.inside();
            parts.expect(0x02);
            int nStart = parts.start;
            int nLength = parts.length;
            int bits = positiveBits(b, nStart, nLength);
            parts.expect(0x02);
            boolean e65537 = parts.length == 3 && parts.at(parts.start) == 1 && parts.at(parts.start + 1) == 0
                    && parts.at(parts.start + 2) == 1;
            boolean e3 = parts.length == 1 && parts.at(parts.start) == 3;
            parts.done();
            if (bits < 1024 || bits > 8192 || !e65537 && !e3) {
                throw DerWalk.refused();
            }
            return new Key("RSA", bits, "RSA:" + HEX.formatHex(b, nStart, nStart + nLength), bitsStart, bitsLength);
        }
        if (oid.equals(EC_KEY)) {
            String curve = hex(alg.expect(0x06));
            alg.done();
            for (String[] c : CURVES) {
                if (c[0].equals(curve)) {
                    int bits = Integer.parseInt(c[1]);
                    int size = (bits + 7) / 8;
                    int point = bitsStart + 1;
                    if (bitsLength != 2 + 2 * size || b[point] != 4) {
                        throw DerWalk.refused();
                    }
                    String id = "EC:" + unsignedHex(b, point + 1, size) + ":" + unsignedHex(b, point + 1 + size, size);
                    return new Key("EC", bits, id, bitsStart, bitsLength);
                }
            }
        }
        throw DerWalk.refused();
    }

    /** The bit length of a positive, minimally encoded INTEGER's content. */
    private static int positiveBits(byte[] b, int start, int length) throws Refused {
        if (length < 2 || b[start] < 0 || b[start] == 0 && b[start + 1] >= 0) {
            throw DerWalk.refused();
        }
        int first = b[start] == 0 ? start + 1 : start;
        int top = b[first] & 0xff;
        return (start + length - first - 1) * 8 + (32 - Integer.numberOfLeadingZeros(top));
    }

    /** Hex of {@code new BigInteger(1, bytes).toByteArray()}: no leading zero bytes, one where the top bit is set. */
    static String unsignedHex(byte[] b, int start, int length) {
        int i = start;
        int end = start + length;
        while (i < end - 1 && b[i] == 0) {
            i++;
        }
        String hex = HEX.formatHex(b, i, end);
        return b[i] < 0 ? "00" + hex : hex;
    }

    private static String hex(DerWalk w) {
        return HEX.formatHex(w.bytes(), w.start, w.start + w.length);
    }
}
