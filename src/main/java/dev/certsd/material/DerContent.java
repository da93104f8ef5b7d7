package dev.certsd.material;

import java.io.ByteArrayInputStream;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.CertificationRequest;

/** What a DER structure holds: a certificate, PKCS#7, PKCS#12, a key or a certificate request. */
final class DerContent {
    private static final String PKCS7_SIGNED_DATA = "1.2.840.113549.1.7.2";

    private DerContent() {
    }

    static Content read(byte[] d, Content.Format format) {
        var cert = CertParser.parse(d);
        if (cert.isPresent()) {
            return new ContentBuilder(format).issue(ContentIssue.DER_CERTIFICATE).cert(cert.get()).build();
        }
        ASN1Sequence seq;
        try {
            seq = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(d));
        } catch (Exception e) {
            return new ContentBuilder(Content.Format.BINARY).issue(ContentIssue.BINARY_JUNK).build();
        }
        if (seq.size() >= 1 && seq.getObjectAt(0) instanceof ASN1ObjectIdentifier oid
                && oid.getId().equals(PKCS7_SIGNED_DATA)) {
            ContentBuilder b = new ContentBuilder(Content.Format.PKCS7).issue(ContentIssue.PKCS7_DER);
            b.certs.addAll(pkcs7Certificates(d));
            return b.build();
        }
        if (seq.size() >= 2 && seq.getObjectAt(0) instanceof ASN1Integer v && v.hasValue(3)
                && seq.getObjectAt(1) instanceof ASN1Sequence) {
            return pkcs12(d);
        }
        KeyParser.GoParse key = KeyParser.parseGo(d);
        if (key.goError() == null || key.key().algorithm() != null) {
            return new ContentBuilder(format).issue(ContentIssue.DER_KEY).key(key.key()).build();
        }
        if (isCsr(seq)) {
            return new ContentBuilder(format).issue(ContentIssue.CERTIFICATE_REQUEST).build();
        }
        return new ContentBuilder(format).issue(ContentIssue.UNKNOWN_DER).build();
    }

    private static Content pkcs12(byte[] d) {
        ContentBuilder b = new ContentBuilder(Content.Format.PKCS12);
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(d), new char[0]);
            b.issue(ContentIssue.PKCS12_FILE);
            for (String alias : Collections.list(ks.aliases())) {
                Certificate c = ks.getCertificate(alias);
                if (c instanceof X509Certificate x) {
                    b.certs.add(CertParser.describe(x));
                }
            }
        } catch (Exception e) {
            b.issue(ContentIssue.PKCS12_PASSWORD_PROTECTED);
        }
        return b.build();
    }

    static List<CertInfo> pkcs7Certificates(byte[] der) {
        List<CertInfo> out = new ArrayList<>();
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            for (Certificate c : cf.generateCertificates(new ByteArrayInputStream(der))) {
                if (c instanceof X509Certificate x) {
                    out.add(CertParser.describe(x));
                }
            }
        } catch (Exception e) {
            // a PKCS#7 without readable certificates: the issue already says what it is
        }
        return out;
    }

    private static boolean isCsr(ASN1Sequence seq) {
        try {
            CertificationRequest.getInstance(seq);
            return seq.size() == 3;
        } catch (Exception e) {
            return false;
        }
    }
}
