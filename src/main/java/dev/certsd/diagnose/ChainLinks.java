package dev.certsd.diagnose;

import dev.certsd.material.CertInfo;
import dev.certsd.material.CertParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which files of a host directory issued the certificates of which others: a certificate is linked to a file
 * when a certificate there has its issuer as subject and its signature verifies with that key.
 */
final class ChainLinks {
    private ChainLinks() {
    }

    /** For each file name, the names of the other files holding an issuer of its first certificate. */
    static Map<String, List<String>> of(List<FileEntry> entries) {
        Map<String, List<String>> links = new LinkedHashMap<>();
        for (FileEntry e : entries) {
            CertInfo leaf = first(e);
            if (leaf == null) {
                continue;
            }
            List<String> issuers = new ArrayList<>();
            outer:
            for (FileEntry other : entries) {
                if (other == e || other.content() == null) {
                    continue;
                }
                for (CertInfo candidate : other.content().certificates()) {
                    if (!Arrays.equals(candidate.subjectDer(), leaf.issuerDer())) {
                        continue;
                    }
                    // a root has no issuer in the directory; asked only now, as checking a self-signature costs a
                    // signature verification (an ECDSA one is most of a large root's scan)
                    if (leaf.selfIssued() && leaf.selfSigned()) {
                        issuers.clear();
                        break outer;
                    }
                    if (CertParser.verifies(leaf.certificate(), candidate.certificate().getPublicKey())) {
                        issuers.add(other.name());
                        break;
                    }
                }
            }
            if (!issuers.isEmpty()) {
                links.put(e.name(), List.copyOf(issuers));
            }
        }
        return links;
    }

    private static CertInfo first(FileEntry e) {
        return e.content() == null || e.content().certificates().isEmpty() ? null : e.content().certificates().get(0);
    }
}
