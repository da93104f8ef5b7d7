package dev.certsd.material;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Primitive;

/** What PEM text holds, block by block as Go decodes it, and why a block Go skipped is broken. */
final class PemContent {
    private static final Pattern BEGIN_LINE = Pattern.compile("-----BEGIN ([^\\r\\n]*?)-----");
    private static final Pattern END_LINE = Pattern.compile("-----END ([^\\r\\n]*?)-----");
    private static final byte[] BEGIN = "-----BEGIN ".getBytes(StandardCharsets.US_ASCII);

    private PemContent() {
    }

    static Content read(byte[] d) {
        ContentBuilder b = new ContentBuilder(Content.Format.PEM);
        boolean bom = d.length >= 3 && (d[0] & 0xFF) == 0xEF && (d[1] & 0xFF) == 0xBB && (d[2] & 0xFF) == 0xBF;
        if (bom) {
            b.issue(ContentIssue.UTF8_BOM);
        }
        List<PemBlock> blocks = GoPem.decodeAll(d);
        Optional<CertInfo> firstLeaf = null;
        Map<PemBlock, KeyParser.GoParse> parsedKeys = new IdentityHashMap<>(4);
        for (PemBlock block : blocks) {
            Object parsed = pemBlock(block, b);
            if (firstLeaf == null && block.type().equals("CERTIFICATE")) {
                firstLeaf = certificate(parsed);
            } else if (parsed instanceof KeyParser.GoParse key) {
                parsedKeys.put(block, key);
            }
        }
        b.pairInput = GoKeyPair.pairInput(d, blocks, firstLeaf, parsedKeys);
        // The BOM alone hides the first block from Go; the blocks are broken only if they fail without it too.
        int sound = bom ? GoPem.decodeAll(Arrays.copyOfRange(d, 3, d.length)).size() : blocks.size();
        // Every whole BEGIN line starts with "-----BEGIN ", so more BEGIN lines than sound blocks means more of those too:
        // counting the bytes says the same as both regular expressions did, without a String of the file.
        if (beginMarkers(d) > sound) {
            b.issue(brokenBlockReason(new String(d, StandardCharsets.ISO_8859_1)));
        }
        return b.build();
    }

    /** How often {@code -----BEGIN } occurs (it cannot overlap itself). */
    static int beginMarkers(byte[] d) {
        int n = 0;
        for (int at = GoPem.indexOf(d, 0, BEGIN); at >= 0; at = GoPem.indexOf(d, at + BEGIN.length, BEGIN)) {
            n++;
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    private static Optional<CertInfo> certificate(Object parsed) {
        return (Optional<CertInfo>) parsed;
    }

    /** Reads one block into {@code b}; returns what it parsed: a CERTIFICATE's {@code Optional<CertInfo>}, a key's
     * {@link KeyParser.GoParse}, else null. */
    private static Object pemBlock(PemBlock block, ContentBuilder b) {
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
                return cert;
            }
            case "TRUSTED CERTIFICATE" -> {
                b.issue(ContentIssue.TRUSTED_CERTIFICATE_BLOCK);
                // OpenSSL's trusted form is a certificate followed by trust settings; show the certificate.
                CertParser.parse(firstElement(block.bytes())).ifPresent(b.certs::add);
            }
            case "PKCS7" -> {
                b.issue(ContentIssue.PKCS7_PEM);
                b.certs.addAll(DerContent.pkcs7Certificates(block.bytes()));
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
                    return privateKeyBlock(block, b);
                }
                b.issue(ContentIssue.PEM_UNKNOWN_BLOCK);
            }
        }
        return null;
    }

    private static KeyParser.GoParse privateKeyBlock(PemBlock block, ContentBuilder b) {
        String procType = block.headers().getOrDefault("Proc-Type", "");
        if (procType.contains("ENCRYPTED")) {
            b.issue(ContentIssue.ENCRYPTED_KEY);
            b.keys.add(new KeyInfo(KeyInfo.Encoding.ENCRYPTED_LEGACY_PEM, algorithmOfLegacyType(block.type()), 0,
                    null, null));
            return null;
        }
        KeyParser.GoParse parsed = KeyParser.parseGo(block.bytes());
        b.keys.add(parsed.key());
        if (parsed.goError() != null) {
            b.issue(parsed.key().encoding() == KeyInfo.Encoding.DSA ? ContentIssue.DSA_KEY
                    : parsed.key().algorithm() != null ? ContentIssue.UNSUPPORTED_KEY_ALGORITHM
                    : ContentIssue.MALFORMED_KEY);
        }
        return parsed;
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

    private static byte[] firstElement(byte[] der) {
        try {
            ASN1Primitive first = ASN1Primitive.fromByteArray(der);
            return first.getEncoded();
        } catch (Exception e) {
            return der;
        }
    }
}
