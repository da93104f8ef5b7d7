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
        List<PemBlock> certBlocks = GoPem.decodeAll(certPem);
        List<byte[]> chain = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (PemBlock b : certBlocks) {
            if (b.type().equals("CERTIFICATE")) {
                chain.add(b.bytes());
            } else {
                skipped.add(b.type());
            }
        }
        if (chain.isEmpty()) {
            if (skipped.isEmpty()) {
                return fail("tls: failed to find any PEM data in certificate input");
            }
            if (skipped.size() == 1 && skipped.get(0).endsWith("PRIVATE KEY")) {
                return fail("tls: failed to find certificate PEM data in certificate input, but did find a private key;"
                        + " PEM inputs may have been switched");
            }
            return fail("tls: failed to find \"CERTIFICATE\" PEM block in certificate input after skipping PEM blocks"
                    + " of the following types: " + goList(skipped));
        }
        skipped.clear();
        PemBlock keyBlock = null;
        for (PemBlock b : GoPem.decodeAll(keyPem)) {
            if (b.isPrivateKey()) {
                keyBlock = b;
                break;
            }
            skipped.add(b.type());
        }
        if (keyBlock == null) {
            if (skipped.isEmpty()) {
                return fail("tls: failed to find any PEM data in key input");
            }
            if (skipped.size() == 1 && skipped.get(0).equals("CERTIFICATE")) {
                return fail("tls: found a certificate rather than a key in the PEM for the private key");
            }
            return fail("tls: failed to find PEM block with type ending in \"PRIVATE KEY\" in key input after"
                    + " skipping PEM blocks of the following types: " + goList(skipped));
        }
        Optional<CertInfo> leaf = alreadyParsed(parsed, chain.get(0)).or(() -> CertParser.parse(chain.get(0)));
        if (leaf.isEmpty()) {
            return fail("x509: malformed certificate");
        }
        KeyParser.GoParse key = KeyParser.parseGo(keyBlock.bytes());
        return new Result(leaf.get(), key.key(), keyError(leaf.get(), key));
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
        try {
            CertInfo first = parsed.get(0);
            return java.util.Arrays.equals(first.certificate().getEncoded(), der) ? Optional.of(first) : Optional.empty();
        } catch (java.security.cert.CertificateEncodingException e) {
            return Optional.empty();
        }
    }

    private static Result fail(String error) {
        return new Result(null, null, error);
    }
}
