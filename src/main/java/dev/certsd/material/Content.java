package dev.certsd.material;

import java.util.List;

/**
 * What a file holds.
 *
 * @param format          the container format recognised
 * @param certificates    every certificate found (PEM blocks Go reads, DER, PKCS#7 or PKCS#12 contents)
 * @param goCertificates  the certificates a Go client reads from the file (PEM CERTIFICATE blocks without headers)
 * @param keys            every private key found
 * @param issues          problems and notable facts, each specific
 * @param pairInput       what Go's key-pair loading makes of the file (PEM files), or null
 */
public record Content(Format format, List<CertInfo> certificates, List<CertInfo> goCertificates, List<KeyInfo> keys,
                      List<ContentIssue> issues, PairInput pairInput) {

    /** The container format of a file. */
    public enum Format { EMPTY, PEM, DER, PKCS7, PKCS12, JAVA_KEYSTORE, TEXT, BINARY }

    public Content {
        certificates = List.copyOf(certificates);
        goCertificates = List.copyOf(goCertificates);
        keys = List.copyOf(keys);
        issues = List.copyOf(issues);
    }

    public boolean has(ContentIssue issue) {
        return issues.contains(issue);
    }

    public boolean hasCertificates() {
        return !certificates.isEmpty();
    }

    public boolean hasKeys() {
        return !keys.isEmpty();
    }
}
