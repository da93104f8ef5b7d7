package dev.certsd.material;


import dev.certsd.testing.TestPki;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
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

/** The certificates {@link LeanCertTest} holds the lean reader and the JDK's parser to. */
final class LeanCertCorpus {
    private LeanCertCorpus() {
    }

    private static final Time FROM = new Time(new DERUTCTime("260101000000Z"));
    private static final Time TO = new Time(new DERUTCTime("270101000000Z"));

    /** One way to make a certificate: subject, issuer, key, signer, times, serial, extensions. */
    static final class Shape {
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

    static Shape client() throws Exception {
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
    static List<byte[]> usual() throws Exception {
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

    static List<byte[]> unusual() throws Exception {
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
        Shape longOid = client();
        longOid.ext(new ASN1ObjectIdentifier("1.3.6.1.4.1.99" + ".1".repeat(150)), false, new DERIA5String("x"));
        out.add(longOid.build());
        Shape bmpSerial = client();
        bmpSerial.subject = name(BCStyle.CN, new DERUTF8String("client"), BCStyle.SERIALNUMBER,
                new DERBMPString("\uD83D\uDE00"));
        out.add(bmpSerial.build());
        Shape many = client();
        for (int i = 0; i < 70; i++) {
            many.ext(new ASN1ObjectIdentifier("1.3.6.1.4.1.99.9." + i), false, new DERIA5String("x"));
        }
        out.add(many.build());
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
}
