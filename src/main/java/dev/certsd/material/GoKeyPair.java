package dev.certsd.material;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Go's {@code tls.X509KeyPair}, step by step, with its error texts: loads the first certificate of the
 * certificate input and the first private key of the key input, and checks that they belong together.
 */
public final class GoKeyPair {
    private GoKeyPair() {
    }

    /** The loaded pair (leaf certificate and key) or the error text Go returns. */
    public record Result(CertInfo leaf, KeyInfo key, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    public static Result load(byte[] certPem, byte[] keyPem) {
        return load(certPem, keyPem, null);
    }

    /**
     * The same, where {@code parsed} are the certificates the scan already parsed from {@code certPem} (its
     * {@link Content#goCertificates()}, or null): the leaf is taken from them when its DER is the same, instead of
     * being parsed a second time (that was about a tenth of a large root's scan).
     */
    public static Result load(byte[] certPem, byte[] keyPem, List<CertInfo> parsed) {
        CertStep cert = certStep(GoPem.decodeAll(certPem));
        if (cert.error() != null) {
            return fail(cert.error());
        }
        KeyStep key = keyStep(GoPem.decodeAll(keyPem));
        if (key.error() != null) {
            return fail(key.error());
        }
        byte[] leafDer = cert.leafDer();
        return loaded(alreadyParsed(parsed, leafDer).or(() -> CertParser.parse(leafDer)),
                KeyParser.parseGo(key.block().bytes()));
    }

    /**
     * The same for two files the scan has read, from what reading them found ({@link Content#pairInput()}): neither
     * is decoded nor parsed again. A content read from other bytes than these (or not PEM) is loaded as above.
     */
    public static Result load(byte[] certPem, byte[] keyPem, Content certContent, Content keyContent) {
        PairInput c = PairInput.of(certContent, certPem);
        PairInput k = PairInput.of(keyContent, keyPem);
        if (c == null || k == null) {
            return load(certPem, keyPem, certContent == null ? null : certContent.goCertificates());
        }
        if (c.certError() != null) {
            return fail(c.certError());
        }
        if (k.keyError() != null) {
            return fail(k.keyError());
        }
        return loaded(c.leaf(), k.key());
    }

    /** What {@link PemContent} keeps of a file's blocks for {@link #load(byte[], byte[], Content, Content)}. */
    static PairInput pairInput(byte[] source, List<PemBlock> blocks, Optional<CertInfo> firstLeaf,
                               java.util.Map<PemBlock, KeyParser.GoParse> parsedKeys) {
        CertStep cert = certStep(blocks);
        KeyStep key = keyStep(blocks);
        KeyParser.GoParse parsedKey = null;
        if (key.error() == null) {
            parsedKey = parsedKeys.get(key.block());
            if (parsedKey == null) { // a block the reader did not parse (encrypted, OpenSSH, DSA): as Go tries it
                parsedKey = KeyParser.parseGo(key.block().bytes());
            }
        }
        return new PairInput(source, cert.error(), cert.error() == null ? firstLeaf : null, key.error(), parsedKey);
    }

    private static Result loaded(Optional<CertInfo> leaf, KeyParser.GoParse key) {
        if (leaf.isEmpty()) {
            return fail("x509: malformed certificate");
        }
        return new Result(leaf.get(), key.key(), keyError(leaf.get(), key));
    }

    /** Go's certificate input: the error before any key is looked at, or the first CERTIFICATE block's DER. */
    private record CertStep(String error, byte[] leafDer) {
    }

    /** Go's key input: the error, or the first block whose type ends in PRIVATE KEY. */
    private record KeyStep(String error, PemBlock block) {
    }

    private static CertStep certStep(List<PemBlock> certBlocks) {
        byte[] first = null;
        List<String> skipped = new ArrayList<>();
        for (PemBlock b : certBlocks) {
            if (b.type().equals("CERTIFICATE")) {
                first = first == null ? b.bytes() : first;
            } else {
                skipped.add(b.type());
            }
        }
        if (first != null) {
            return new CertStep(null, first);
        }
        if (skipped.isEmpty()) {
            return new CertStep("tls: failed to find any PEM data in certificate input", null);
        }
        if (skipped.size() == 1 && skipped.get(0).endsWith("PRIVATE KEY")) {
            return new CertStep("tls: failed to find certificate PEM data in certificate input, but did find a private"
                    + " key; PEM inputs may have been switched", null);
        }
        return new CertStep("tls: failed to find \"CERTIFICATE\" PEM block in certificate input after skipping PEM"
                + " blocks of the following types: " + goList(skipped), null);
    }

    private static KeyStep keyStep(List<PemBlock> keyBlocks) {
        List<String> skipped = new ArrayList<>();
        for (PemBlock b : keyBlocks) {
            if (b.isPrivateKey()) {
                return new KeyStep(null, b);
            }
            skipped.add(b.type());
        }
        if (skipped.isEmpty()) {
            return new KeyStep("tls: failed to find any PEM data in key input", null);
        }
        if (skipped.size() == 1 && skipped.get(0).equals("CERTIFICATE")) {
            return new KeyStep("tls: found a certificate rather than a key in the PEM for the private key", null);
        }
        return new KeyStep("tls: failed to find PEM block with type ending in \"PRIVATE KEY\" in key input after"
                + " skipping PEM blocks of the following types: " + goList(skipped), null);
    }

    /** Go's error when the parsed key cannot be used with the leaf (unreadable, another type, another key); or null. */
    private static String keyError(CertInfo leaf, KeyParser.GoParse key) {
        if (key.goError() != null) {
            return key.goError();
        }
        String certAlg = leaf.keyAlgorithm();
        if (!certAlg.equals("RSA") && !certAlg.equals("EC") && !certAlg.equals("Ed25519")) {
            return "tls: unknown public key algorithm";
        }
        if (!certAlg.equals(key.key().algorithm())) {
            return "tls: private key type does not match public key type";
        }
        if (!leaf.publicKeyId().equals(key.key().publicKeyId())) {
            return "tls: private key does not match public key";
        }
        return null;
    }

    private static String goList(List<String> items) {
        return "[" + String.join(" ", items) + "]";
    }

    private static Optional<CertInfo> alreadyParsed(List<CertInfo> parsed, byte[] der) {
        if (parsed == null || parsed.isEmpty()) {
            return Optional.empty();
        }
        CertInfo first = parsed.get(0);
        return first.source().sameBytes(der) ? Optional.of(first) : Optional.empty();
    }

    private static Result fail(String error) {
        return new Result(null, null, error);
    }
}
