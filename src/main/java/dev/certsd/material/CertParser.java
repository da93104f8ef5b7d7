package dev.certsd.material;

import java.io.ByteArrayInputStream;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/** Decodes DER certificates into {@link CertInfo}. */
public final class CertParser {
    private static final String[] KEY_USAGES = {"digitalSignature", "nonRepudiation", "keyEncipherment",
        "dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"};
    private static final Map<String, String> EKU_NAMES = Map.of(
            "1.3.6.1.5.5.7.3.1", "serverAuth",
            "1.3.6.1.5.5.7.3.2", "clientAuth",
            "1.3.6.1.5.5.7.3.3", "codeSigning",
            "1.3.6.1.5.5.7.3.4", "emailProtection",
            "1.3.6.1.5.5.7.3.8", "timeStamping",
            "1.3.6.1.5.5.7.3.9", "OCSPSigning",
            "2.5.29.37.0", "anyExtendedKeyUsage");
    private static final ThreadLocal<CertificateFactory> FACTORY = ThreadLocal.withInitial(() -> {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("X.509 is part of every JDK", e);
        }
    });

    private CertParser() {
    }

    /** The certificate in these DER bytes, or empty when they are not one. */
    public static Optional<CertInfo> parse(byte[] der) {
        if (der.length == 0 || der[0] != 0x30) {
            return Optional.empty();
        }
        CertInfo lean = LeanCert.read(der);
        return lean != null ? Optional.of(lean) : parseWithJdk(der);
    }

    /** The JDK's reading of these bytes, for every certificate outside {@link LeanCert}'s shape. */
    static Optional<CertInfo> parseWithJdk(byte[] der) {
        try {
            X509Certificate c = (X509Certificate) FACTORY.get().generateCertificate(new ByteArrayInputStream(der));
            return Optional.of(describe(c));
        } catch (CertificateException | RuntimeException | StackOverflowError e) {
            // StackOverflowError: the JDK's DER reader recurses into indefinite lengths; deep nesting is hostile input
            return Optional.empty();
        }
    }

    /** Facts about an already parsed certificate. */
    public static CertInfo describe(X509Certificate c) throws CertificateException {
        PublicKey pub = c.getPublicKey();
        X500Principal subject = c.getSubjectX500Principal();
        X500Principal issuer = c.getIssuerX500Principal();
        byte[] subjectDer = subject.getEncoded();
        byte[] issuerDer = issuer.getEncoded();
        // the same bytes are the same name; other bytes are compared as names (as openssl does: case, spacing)
        boolean selfIssued = java.util.Arrays.equals(subjectDer, issuerDer) || subject.equals(issuer);
        CertSource source = CertSource.of(c);
        return new CertInfo(source,
                subject.getName(X500Principal.RFC2253),
                issuer.getName(X500Principal.RFC2253),
                serialHex(c.getSerialNumber()),
                sans(c),
                c.getNotBefore().toInstant(),
                c.getNotAfter().toInstant(),
                algorithmName(pub),
                keyBits(pub),
                c.getSigAlgName(),
                c.getBasicConstraints() < 0 ? -1 : c.getBasicConstraints(),
                keyUsages(c),
                extendedKeyUsages(c),
                Fingerprints.sha256(source.derShared()),
                selfIssued,
                new SelfSignature(source, selfIssued),
                publicKeyId(pub),
                new DerName(subjectDer),
                new DerName(issuerDer));
    }

    /** {@code serial.toString(16)}: hex of the bytes for the usual positive serial (BigInteger's is slow cold). */
    static String serialHex(java.math.BigInteger serial) {
        if (serial.signum() <= 0) {
            return serial.toString(16);
        }
        return withoutLeadingZeros(HexFormat.of().formatHex(serial.toByteArray()));
    }

    /** Hex digits as {@code BigInteger.toString(16)} writes them: no leading zeros, "0" for zero. */
    static String withoutLeadingZeros(String hex) {
        int zeros = 0;
        while (zeros < hex.length() - 1 && hex.charAt(zeros) == '0') {
            zeros++;
        }
        return hex.substring(zeros);
    }

    /** Whether the certificate's signature verifies with the given key (that key's owner issued it). */
    public static boolean verifies(X509Certificate c, PublicKey issuerKey) {
        try {
            c.verify(issuerKey);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** An identity of a public key that {@link KeyParser} computes the same way from private keys. */
    public static String publicKeyId(PublicKey pub) {
        if (pub instanceof RSAPublicKey rsa) {
            return KeyIds.rsa(rsa.getModulus());
        }
        if (pub instanceof ECPublicKey ec) {
            return KeyIds.ec(ec.getW().getAffineX(), ec.getW().getAffineY());
        }
        byte[] spki = pub.getEncoded();
        if (pub.getAlgorithm().equals("EdDSA") || pub.getAlgorithm().equals("Ed25519")) {
            return "ED25519:" + HexFormat.of().formatHex(spki, spki.length - 32, spki.length);
        }
        return pub.getAlgorithm() + ":" + HexFormat.of().formatHex(spki);
    }

    static String algorithmName(PublicKey pub) {
        return switch (pub.getAlgorithm()) {
            case "EdDSA", "Ed25519" -> "Ed25519";
            case "EC" -> "EC";
            default -> pub.getAlgorithm();
        };
    }

    static int keyBits(PublicKey pub) {
        if (pub instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (pub instanceof ECPublicKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize();
        }
        if (pub.getAlgorithm().equals("EdDSA") || pub.getAlgorithm().equals("Ed25519")) {
            return 256;
        }
        return 0;
    }

    private static List<String> sans(X509Certificate c) throws CertificateParsingException {
        Collection<List<?>> all = c.getSubjectAlternativeNames();
        List<String> out = new ArrayList<>();
        if (all == null) {
            return out;
        }
        for (List<?> san : all) {
            int type = (Integer) san.get(0);
            String prefix = switch (type) {
                case 1 -> "email:";
                case 2 -> "DNS:";
                case 6 -> "URI:";
                case 7 -> "IP:";
                default -> "other:";
            };
            Object value = san.get(1);
            out.add(prefix + (value instanceof String s ? s : "(binary)"));
        }
        return out;
    }

    /** The name of key usage bit {@code i} (0 to 8). */
    static String keyUsageName(int i) {
        return KEY_USAGES[i];
    }

    /** "clientAuth" and the like for the usual extended key usages, else the OID. */
    static String ekuName(String oid) {
        return EKU_NAMES.getOrDefault(oid, oid);
    }

    private static List<String> keyUsages(X509Certificate c) {
        boolean[] bits = c.getKeyUsage();
        List<String> out = new ArrayList<>();
        if (bits != null) {
            for (int i = 0; i < bits.length && i < KEY_USAGES.length; i++) {
                if (bits[i]) {
                    out.add(KEY_USAGES[i]);
                }
            }
        }
        return out;
    }

    private static List<String> extendedKeyUsages(X509Certificate c) throws CertificateParsingException {
        List<String> oids = c.getExtendedKeyUsage();
        if (oids == null) {
            return null;
        }
        return oids.stream().map(CertParser::ekuName).toList();
    }
}
