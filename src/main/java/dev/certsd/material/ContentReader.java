package dev.certsd.material;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.CertificationRequest;

/**
 * Recognises what a file holds, trying PEM (as Go decodes it), then DER structures, then PKCS#7 and PKCS#12,
 * then bare Base64, and names each problem specifically. Never throws on any input.
 */
public final class ContentReader {
    private static final byte[] BEGIN = "-----BEGIN ".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern BEGIN_LINE = Pattern.compile("-----BEGIN ([^\\r\\n]*?)-----");
    private static final Pattern END_LINE = Pattern.compile("-----END ([^\\r\\n]*?)-----");
    private static final Pattern BASE64_TEXT = Pattern.compile("[A-Za-z0-9+/=\\s]+");
    private static final String PKCS7_SIGNED_DATA = "1.2.840.113549.1.7.2";

    private ContentReader() {
    }

    public static Content read(byte[] data) {
        try {
            return classify(data);
        } catch (RuntimeException | StackOverflowError e) {
            // Hostile input must never escape as an exception: report it as junk.
            return new Builder(Content.Format.BINARY).issue(ContentIssue.BINARY_JUNK).build();
        }
    }

    private static Content classify(byte[] d) {
        if (isBlank(d)) {
            return new Builder(Content.Format.EMPTY).issue(ContentIssue.EMPTY_FILE).build();
        }
        if (d.length >= 2 && ((d[0] == (byte) 0xFF && d[1] == (byte) 0xFE) || (d[0] == (byte) 0xFE && d[1] == (byte) 0xFF))) {
            return new Builder(Content.Format.TEXT).issue(ContentIssue.UTF16_ENCODED).build();
        }
        if (GoPem.indexOf(d, 0, BEGIN) >= 0) {
            return pem(d);
        }
        if (d[0] == 0x30) {
            return der(d, Content.Format.DER);
        }
        if (d.length >= 4 && (d[0] & 0xFF) == 0xFE && (d[1] & 0xFF) == 0xED && (d[2] & 0xFF) == 0xFE
                && (d[3] & 0xFF) == 0xED) {
            return new Builder(Content.Format.JAVA_KEYSTORE).issue(ContentIssue.JAVA_KEYSTORE).build();
        }
        if (!looksLikeText(d)) {
            return new Builder(Content.Format.BINARY).issue(ContentIssue.BINARY_JUNK).build();
        }
        return text(new String(d, StandardCharsets.UTF_8));
    }

    private static Content pem(byte[] d) {
        Builder b = new Builder(Content.Format.PEM);
        boolean bom = d.length >= 3 && (d[0] & 0xFF) == 0xEF && (d[1] & 0xFF) == 0xBB && (d[2] & 0xFF) == 0xBF;
        if (bom) {
            b.issue(ContentIssue.UTF8_BOM);
        }
        List<PemBlock> blocks = GoPem.decodeAll(d);
        for (PemBlock block : blocks) {
            pemBlock(block, b);
        }
        // The BOM alone hides the first block from Go; the blocks are broken only if they fail without it too.
        int sound = bom ? GoPem.decodeAll(Arrays.copyOfRange(d, 3, d.length)).size() : blocks.size();
        String text = new String(d, StandardCharsets.ISO_8859_1);
        int begins = count(BEGIN_LINE.matcher(text));
        if (begins > sound || count(Pattern.compile("-----BEGIN ").matcher(text)) > sound) {
            b.issue(brokenBlockReason(text));
        }
        return b.build();
    }

    private static void pemBlock(PemBlock block, Builder b) {
        switch (block.type()) {
            case "CERTIFICATE" -> {
                var cert = CertParser.parse(block.bytes());
                if (cert.isEmpty()) {
                    b.issue(ContentIssue.MALFORMED_CERTIFICATE);
                } else {
                    b.certs.add(cert.get());
                    if (block.headers().isEmpty()) {
                        b.goCerts.add(cert.get());
                    } else {
                        b.issue(ContentIssue.PEM_HEADERS_ON_CERTIFICATE);
                    }
                }
            }
            case "TRUSTED CERTIFICATE" -> {
                b.issue(ContentIssue.TRUSTED_CERTIFICATE_BLOCK);
                // OpenSSL's trusted form is a certificate followed by trust settings; show the certificate.
                CertParser.parse(firstElement(block.bytes())).ifPresent(b.certs::add);
            }
            case "PKCS7" -> {
                b.issue(ContentIssue.PKCS7_PEM);
                b.certs.addAll(pkcs7Certificates(block.bytes()));
            }
            case "CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST" -> b.issue(ContentIssue.CERTIFICATE_REQUEST);
            case "X509 CRL" -> b.issue(ContentIssue.CRL);
            case "PUBLIC KEY", "RSA PUBLIC KEY" -> b.issue(ContentIssue.PUBLIC_KEY_ONLY);
            case "EC PARAMETERS" -> {
                // written by `openssl ecparam -genkey` before the key; harmless
            }
            case "OPENSSH PRIVATE KEY" -> {
                b.issue(ContentIssue.OPENSSH_KEY);
                b.keys.add(new KeyInfo(KeyInfo.Encoding.OPENSSH, null, 0, null, null));
            }
            case "ENCRYPTED PRIVATE KEY" -> {
                b.issue(ContentIssue.ENCRYPTED_KEY);
                b.keys.add(new KeyInfo(KeyInfo.Encoding.ENCRYPTED_PKCS8, null, 0, null, null));
            }
            case "DSA PRIVATE KEY" -> {
                b.issue(ContentIssue.DSA_KEY);
                b.keys.add(new KeyInfo(KeyInfo.Encoding.DSA, "DSA", 0, null, null));
            }
            default -> {
                if (block.isPrivateKey()) {
                    privateKeyBlock(block, b);
                } else {
                    b.issue(ContentIssue.PEM_UNKNOWN_BLOCK);
                }
            }
        }
    }

    private static void privateKeyBlock(PemBlock block, Builder b) {
        String procType = block.headers().getOrDefault("Proc-Type", "");
        if (procType.contains("ENCRYPTED")) {
            b.issue(ContentIssue.ENCRYPTED_KEY);
            b.keys.add(new KeyInfo(KeyInfo.Encoding.ENCRYPTED_LEGACY_PEM, algorithmOfLegacyType(block.type()), 0,
                    null, null));
            return;
        }
        KeyParser.GoParse parsed = KeyParser.parseGo(block.bytes());
        b.keys.add(parsed.key());
        if (parsed.goError() != null) {
            b.issue(parsed.key().encoding() == KeyInfo.Encoding.DSA ? ContentIssue.DSA_KEY
                    : parsed.key().algorithm() != null ? ContentIssue.UNSUPPORTED_KEY_ALGORITHM
                    : ContentIssue.MALFORMED_KEY);
        }
    }

    private static String algorithmOfLegacyType(String type) {
        return type.startsWith("RSA") ? "RSA" : type.startsWith("EC") ? "EC" : null;
    }

    private static ContentIssue brokenBlockReason(String text) {
        Matcher begin = BEGIN_LINE.matcher(text);
        Matcher end = END_LINE.matcher(text);
        boolean endFound = false;
        while (begin.find()) {
            // The first END after this BEGIN. The END matcher only moves forward: linear on a file of BEGIN lines.
            if (!endFound || end.start() < begin.end()) {
                endFound = end.find(begin.end());
            }
            if (!endFound) {
                return ContentIssue.PEM_TRUNCATED;
            }
            if (!end.group(1).equals(begin.group(1))) {
                return ContentIssue.PEM_END_MISMATCH;
            }
        }
        return begin.reset().find() ? ContentIssue.PEM_BAD_BASE64 : ContentIssue.PEM_TRUNCATED;
    }

    private static Content der(byte[] d, Content.Format format) {
        var cert = CertParser.parse(d);
        if (cert.isPresent()) {
            return new Builder(format).issue(ContentIssue.DER_CERTIFICATE).cert(cert.get()).build();
        }
        ASN1Sequence seq;
        try {
            seq = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(d));
        } catch (Exception e) {
            return new Builder(Content.Format.BINARY).issue(ContentIssue.BINARY_JUNK).build();
        }
        if (seq.size() >= 1 && seq.getObjectAt(0) instanceof ASN1ObjectIdentifier oid
                && oid.getId().equals(PKCS7_SIGNED_DATA)) {
            Builder b = new Builder(Content.Format.PKCS7).issue(ContentIssue.PKCS7_DER);
            b.certs.addAll(pkcs7Certificates(d));
            return b.build();
        }
        if (seq.size() >= 2 && seq.getObjectAt(0) instanceof ASN1Integer v && v.hasValue(3)
                && seq.getObjectAt(1) instanceof ASN1Sequence) {
            return pkcs12(d);
        }
        KeyParser.GoParse key = KeyParser.parseGo(d);
        if (key.goError() == null || key.key().algorithm() != null) {
            return new Builder(format).issue(ContentIssue.DER_KEY).key(key.key()).build();
        }
        if (isCsr(seq)) {
            return new Builder(format).issue(ContentIssue.CERTIFICATE_REQUEST).build();
        }
        return new Builder(format).issue(ContentIssue.UNKNOWN_DER).build();
    }

    private static Content pkcs12(byte[] d) {
        Builder b = new Builder(Content.Format.PKCS12);
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

    private static List<CertInfo> pkcs7Certificates(byte[] der) {
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

    private static byte[] firstElement(byte[] der) {
        try {
            ASN1Primitive first = ASN1Primitive.fromByteArray(der);
            return first.getEncoded();
        } catch (Exception e) {
            return der;
        }
    }

    private static Content text(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        if (s.startsWith("PuTTY-User-Key-File")) {
            return new Builder(Content.Format.TEXT).issue(ContentIssue.PUTTY_KEY).build();
        }
        if (lower.contains("<html") || lower.contains("<!doctype html")) {
            return new Builder(Content.Format.TEXT).issue(ContentIssue.HTML_PAGE).build();
        }
        String compact = s.strip();
        if (compact.length() >= 64 && BASE64_TEXT.matcher(compact).matches()) {
            try {
                byte[] decoded = Base64.getMimeDecoder().decode(compact);
                if (decoded.length > 0 && decoded[0] == 0x30) {
                    Content inner = der(decoded, Content.Format.TEXT);
                    List<ContentIssue> issues = new ArrayList<>(inner.issues());
                    // The file is text, not binary DER: only the missing header lines are its problem.
                    issues.removeAll(List.of(ContentIssue.DER_CERTIFICATE, ContentIssue.DER_KEY));
                    issues.add(0, ContentIssue.BASE64_WITHOUT_HEADERS);
                    return new Content(Content.Format.TEXT, inner.certificates(), List.of(), inner.keys(), issues);
                }
            } catch (IllegalArgumentException e) {
                // not Base64 after all
            }
        }
        return new Builder(Content.Format.TEXT).issue(ContentIssue.TEXT_NOT_PEM).build();
    }

    private static boolean isBlank(byte[] d) {
        for (byte b : d) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeText(byte[] d) {
        int n = Math.min(d.length, 4096);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int c = d[i] & 0xFF;
            if (c == 0) {
                return false;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                control++;
            }
        }
        return control * 20 < n;
    }

    private static int count(Matcher m) {
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static final class Builder {
        private final Content.Format format;
        private final List<CertInfo> certs = new ArrayList<>();
        private final List<CertInfo> goCerts = new ArrayList<>();
        private final List<KeyInfo> keys = new ArrayList<>();
        private final Set<ContentIssue> issues = new LinkedHashSet<>();

        Builder(Content.Format format) {
            this.format = format;
        }

        Builder issue(ContentIssue i) {
            issues.add(i);
            return this;
        }

        Builder cert(CertInfo c) {
            certs.add(c);
            return this;
        }

        Builder key(KeyInfo k) {
            keys.add(k);
            return this;
        }

        Content build() {
            return new Content(format, certs, goCerts, keys, new ArrayList<>(issues));
        }
    }
}
