package dev.certsd.material;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.testing.TestPki;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERGeneralizedTime;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTCTime;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.X509v1CertificateBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/**
 * {@link LeanCert} against the JDK's parser: whatever the lean reader accepts, the JDK accepts with the same facts,
 * on a corpus of the shapes certificates come in (and many they should not) and on random mutations of each.
 */
class LeanCertTest {
    private static final Time FROM = new Time(new DERUTCTime("260101000000Z"));
    private static final Time TO = new Time(new DERUTCTime("270101000000Z"));
    /** Bytes a mutation writes: characters that need escaping in a name, and digits for times. */
    private static final String SPECIAL = "aZ09 .-,=+#\\'\"<>;_*@:/0123456789\r\0";

    /** One way to make a certificate: subject, issuer, key, signer, times, serial, extensions. */
    private static final class Shape {
        X500Name subject = new X500Name("CN=client,O=Example Corp,OU=CI");
        X500Name issuer = new X500Name("CN=Example CA,O=Example Corp");
        KeyPair keys = TestPki.rsa(0);
        PrivateKey signer = TestPki.rsa(1).getPrivate();
        String algorithm = "SHA256withRSA";
        BigInteger serial = BigInteger.valueOf(0x10000011L);
        Time from = FROM;
        Time to = TO;
        boolean v1;
        final List<Object[]> extensions = new ArrayList<>();

        Shape ext(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
            extensions.add(new Object[] {oid, critical, value});
            return this;
        }

        byte[] build() throws Exception {
            var spki = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
            var contentSigner = new JcaContentSignerBuilder(algorithm).build(signer);
            if (v1) {
                return new X509v1CertificateBuilder(issuer, serial, from, to, subject, spki).build(contentSigner)
                        .getEncoded();
            }
            var b = new X509v3CertificateBuilder(issuer, serial, from, to, subject, spki);
            for (Object[] e : extensions) {
                b.addExtension((ASN1ObjectIdentifier) e[0], (Boolean) e[1], (ASN1Encodable) e[2]);
            }
            return b.build(contentSigner).getEncoded();
        }
    }

    private static Shape client() throws Exception {
        Shape s = new Shape();
        s.ext(Extension.subjectKeyIdentifier, false, new DEROctetString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}))
                .ext(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(new byte[] {9, 8, 7, 6}))
                .ext(Extension.basicConstraints, true, new BasicConstraints(false))
                .ext(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                .ext(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        return s;
    }

    /**
     * A client certificate from a corporate CA: CRL distribution point, authority information access, policies, a
     * Netscape comment, an extension of a private OID, and a freshest-CRL extension that is no list of distribution
     * points at all, none critical (the JDK parses the ones it knows and keeps a non-critical one it cannot parse
     * aside), or the policies critical.
     */
    private static Shape corporate(boolean criticalPolicies) throws Exception {
        Shape s = client();
        var uri = new GeneralName(GeneralName.uniformResourceIdentifier, "http://pki.example.com/ca.crl");
        s.ext(Extension.cRLDistributionPoints, false, new org.bouncycastle.asn1.x509.CRLDistPoint(
                new org.bouncycastle.asn1.x509.DistributionPoint[] {new org.bouncycastle.asn1.x509.DistributionPoint(
                    new org.bouncycastle.asn1.x509.DistributionPointName(new GeneralNames(uri)), null, null)}))
                .ext(Extension.authorityInfoAccess, false, new org.bouncycastle.asn1.x509.AuthorityInformationAccess(
                        org.bouncycastle.asn1.x509.X509ObjectIdentifiers.id_ad_caIssuers,
                        new GeneralName(GeneralName.uniformResourceIdentifier, "http://pki.example.com/ca.crt")))
                .ext(Extension.certificatePolicies, criticalPolicies, new org.bouncycastle.asn1.x509.CertificatePolicies(
                        new org.bouncycastle.asn1.x509.PolicyInformation(new ASN1ObjectIdentifier("1.3.6.1.4.1.99.1"))))
                .ext(new ASN1ObjectIdentifier("2.16.840.1.113730.1.13"), false, new DERIA5String("issued by the CA"))
                .ext(new ASN1ObjectIdentifier("1.3.6.1.4.1.99.7"), false, org.bouncycastle.asn1.DERNull.INSTANCE)
                .ext(Extension.freshestCRL, false, new org.bouncycastle.asn1.ASN1Integer(5));
        return s;
    }

    private static KeyPair ec(String curve) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(curve));
        return g.generateKeyPair();
    }

    private static X500Name name(ASN1Encodable... typeValuePairs) {
        RDN[] rdns = new RDN[typeValuePairs.length / 2];
        for (int i = 0; i < rdns.length; i++) {
            rdns[i] = new RDN((ASN1ObjectIdentifier) typeValuePairs[2 * i], typeValuePairs[2 * i + 1]);
        }
        return new X500Name(rdns);
    }

    /** The corpus: the usual shapes, which the lean reader must take, and the unusual ones it may leave. */
    private static List<byte[]> usual() throws Exception {
        List<byte[]> out = new ArrayList<>();
        out.add(client().build());
        Shape ca = new Shape();
        ca.subject = ca.issuer;
        ca.keys = TestPki.rsa(1);
        ca.ext(Extension.subjectKeyIdentifier, false, new DEROctetString(new byte[] {9, 8, 7, 6}))
                .ext(Extension.basicConstraints, true, new BasicConstraints(true))
                .ext(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        out.add(ca.build());
        Shape pathLen = new Shape();
        pathLen.ext(Extension.basicConstraints, true, new BasicConstraints(0));
        out.add(pathLen.build());
        for (String curve : new String[] {"secp256r1", "secp384r1", "secp521r1"}) {
            Shape e = client();
            e.keys = ec(curve);
            e.signer = ec("secp384r1").getPrivate();
            e.algorithm = "SHA384withECDSA";
            out.add(e.build());
        }
        Shape sans = client();
        sans.ext(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "reg-1.example.com"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.iPAddress, "::1")}));
        out.add(sans.build());
        Shape printable = client();
        printable.subject = name(BCStyle.CN, new DERPrintableString("ci a 1"), BCStyle.C, new DERPrintableString("JP"),
                BCStyle.DC, new DERIA5String("example"), BCStyle.EmailAddress, new DERIA5String("ci@example.com"));
        out.add(printable.build());
        Shape self = new Shape();
        self.subject = new X500Name("CN=Example Root");
        self.issuer = new X500Name("CN=example  root");
        out.add(self.build());
        Shape generalized = client();
        generalized.to = new Time(new DERGeneralizedTime("20600101000000Z"));
        out.add(generalized.build());
        Shape sha1 = client();
        sha1.algorithm = "SHA1withRSA";
        out.add(sha1.build());
        Shape v1 = new Shape();
        v1.v1 = true;
        out.add(v1.build());
        out.add(corporate(false).build());
        return out;
    }

    private static List<byte[]> unusual() throws Exception {
        List<byte[]> out = new ArrayList<>();
        Shape escapes = client();
        escapes.subject = new X500Name("CN=a\\,b+OU=x,O=\\ lead");
        out.add(escapes.build());
        Shape unicode = client();
        unicode.subject = name(BCStyle.CN, new DERUTF8String("Ｋｅｙ ﬁ"), BCStyle.O, new DERBMPString("bmp"));
        unicode.issuer = name(BCStyle.CN, new DERUTF8String("key fi"));
        out.add(unicode.build());
        Shape multi = client();
        multi.subject = new X500Name(new RDN[] {new RDN(new AttributeTypeAndValue[] {
            new AttributeTypeAndValue(BCStyle.CN, new DERUTF8String("a")),
            new AttributeTypeAndValue(BCStyle.OU, new DERUTF8String("b"))})});
        out.add(multi.build());
        Shape weird = client();
        weird.ext(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "*.example.com"), new GeneralName(GeneralName.rfc822Name, "a@b"),
            new GeneralName(GeneralName.uniformResourceIdentifier, "spiffe://x/y"),
            new GeneralName(GeneralName.dNSName, "under_score.example")}));
        out.add(weird.build());
        Shape other = client();
        other.ext(Extension.cRLDistributionPoints, true, new DERSequence());
        out.add(other.build());
        out.add(corporate(true).build());
        Shape ed = client();
        ed.keys = TestPki.ed25519();
        out.add(ed.build());
        Shape small = client();
        small.keys = TestPki.rsa(1024, 0);
        small.serial = BigInteger.valueOf(-5);
        out.add(small.build());
        Shape old = client();
        old.from = new Time(new DERGeneralizedTime("19000101000000Z"));
        old.to = new Time(new DERUTCTime("491231235959Z"));
        out.add(old.build());
        Shape pss = client();
        pss.algorithm = "SHA256withRSAandMGF1";
        out.add(pss.build());
        return out;
    }

    /** Lean accepted: then the JDK accepts too, with every fact the same. Lean refused: nothing to compare. */
    private static boolean agrees(byte[] der) {
        CertInfo lean = LeanCert.read(der);
        if (lean == null) {
            return false;
        }
        Optional<CertInfo> jdk = CertParser.parseWithJdk(der);
        assertTrue(jdk.isPresent(), () -> "the lean reader accepted what the JDK refuses: " + hex(der));
        CertInfo j = jdk.get();
        String at = hex(der);
        assertEquals(j.subject(), lean.subject(), at);
        assertEquals(j.issuer(), lean.issuer(), at);
        assertEquals(j.serialHex(), lean.serialHex(), at);
        assertEquals(j.subjectAltNames(), lean.subjectAltNames(), at);
        assertEquals(j.notBefore(), lean.notBefore(), at);
        assertEquals(j.notAfter(), lean.notAfter(), at);
        assertEquals(j.keyAlgorithm(), lean.keyAlgorithm(), at);
        assertEquals(j.keyBits(), lean.keyBits(), at);
        assertEquals(j.signatureAlgorithm(), lean.signatureAlgorithm(), at);
        assertEquals(j.pathLength(), lean.pathLength(), at);
        assertEquals(j.keyUsages(), lean.keyUsages(), at);
        assertEquals(j.extendedKeyUsages(), lean.extendedKeyUsages(), at);
        assertEquals(j.sha256(), lean.sha256(), at);
        assertEquals(j.selfIssued(), lean.selfIssued(), at);
        assertEquals(j.publicKeyId(), lean.publicKeyId(), at);
        assertEquals(j.subjectName(), lean.subjectName(), at);
        assertEquals(j.issuerName(), lean.issuerName(), at);
        assertEquals(j.keyIdentifiers(), lean.keyIdentifiers(), at);
        assertEquals(j, lean, at);
        assertEquals(j.certificate(), lean.certificate(), "the JDK's object, made when asked");
        return true;
    }

    private static String hex(byte[] der) {
        return java.util.HexFormat.of().formatHex(der);
    }

    @Test
    void theUsualShapesAreReadWithoutTheJdksParserAndGiveItsFacts() throws Exception {
        for (byte[] der : usual()) {
            assertTrue(agrees(der), () -> "the lean reader should take " + hex(der));
        }
    }

    @Test
    void theUnusualOnesAreLeftToTheJdk() throws Exception {
        for (byte[] der : unusual()) {
            assertNull(LeanCert.read(der), () -> "the JDK should decide " + hex(der));
            assertEquals(CertParser.parseWithJdk(der), CertParser.parse(der));
        }
    }

    @Test
    void mutatedCertificatesAreReadAsTheJdkReadsThemOrLeftToIt() throws Exception {
        Random random = new Random(20261204L);
        List<byte[]> bases = new ArrayList<>(usual());
        bases.addAll(unusual());
        int accepted = 0;
        int tried = 0;
        for (byte[] base : bases) {
            for (int i = 0; i < 400; i++) {
                byte[] m = mutate(base, random);
                tried++;
                if (agrees(m)) {
                    accepted++;
                }
            }
        }
        // a mutation of a name's letters, a time's digits or a key's bits is still a certificate: the lean reader
        // must have taken some, or this test compared nothing
        assertTrue(accepted > tried / 20, accepted + " of " + tried + " mutations read by the lean reader");
    }

    private static byte[] mutate(byte[] base, Random random) {
        byte[] m = base.clone();
        int at = random.nextInt(m.length);
        switch (random.nextInt(5)) {
            case 0 -> m[at] = (byte) random.nextInt(256);
            case 1 -> m[at] ^= (byte) (1 << random.nextInt(8));
            case 2 -> m[at] = (byte) SPECIAL.charAt(random.nextInt(SPECIAL.length()));
            case 3 -> m = Arrays.copyOf(m, at);
            default -> m[at] = (byte) (m[at] + (random.nextBoolean() ? 1 : -1));
        }
        return m;
    }

    @Test
    void bytesAfterTheCertificateAreLeftToTheJdk() throws Exception {
        byte[] der = client().build();
        byte[] longer = Arrays.copyOf(der, der.length + 3);
        assertNull(LeanCert.read(longer));
        assertNotNull(LeanCert.read(der));
    }
}
