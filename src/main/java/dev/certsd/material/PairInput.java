package dev.certsd.material;

import java.util.Optional;

/**
 * What Go's {@code tls.X509KeyPair} makes of one PEM file, as its certificate input and as its key input, found while
 * the file was read ({@link PemContent}): a pair of files the scan has read is then loaded without decoding the PEM
 * and parsing the certificate and the key a second time ({@link GoKeyPair#load(byte[], byte[], Content, Content)}).
 *
 * @param source    the bytes it was found in (it is used only for this very array)
 * @param certError Go's error for the file as certificate input before any key is looked at, or null
 * @param leaf      the first CERTIFICATE block's certificate (empty: malformed); null when there is none
 * @param keyError  Go's error for the file as key input, or null
 * @param key       how Go parses the first private-key block; null when there is none
 */
public record PairInput(byte[] source, String certError, Optional<CertInfo> leaf, String keyError,
                        KeyParser.GoParse key) {

    /** The content's pair input when it was read from {@code bytes} itself; else null. */
    static PairInput of(Content content, byte[] bytes) {
        PairInput p = content == null ? null : content.pairInput();
        return p != null && p.source() == bytes ? p : null;
    }
}
