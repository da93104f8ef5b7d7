package dev.certsd.diagnose;

import dev.certsd.material.CertInfo;
import dev.certsd.material.CertParser;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which files of a host directory issued the certificates of which others: a certificate is linked to a file
 * when a certificate there has its issuer as subject and its signature verifies with that key.
 *
 * <p>Linear in the files of a directory (plus the links found): the certificates are indexed by subject once, and a
 * signature check is made once per distinct pair of certificates, so a directory of many copies of the same
 * files costs one check, not one per copy.
 */
final class ChainLinks {
    private ChainLinks() {
    }

    /** A certificate held by a file, found by its subject. */
    private record Candidate(FileEntry file, CertInfo cert) {
    }

    /** For each file name, the names of the other files holding an issuer of its first certificate. */
    static Map<String, List<String>> of(List<FileEntry> entries) {
        // subject -> every certificate with that subject, in directory order, a file's own in its order
        Map<ByteBuffer, List<Candidate>> bySubject = new HashMap<>();
        for (FileEntry e : entries) {
            if (e.content() != null) {
                for (CertInfo c : e.content().certificates()) {
                    bySubject.computeIfAbsent(ByteBuffer.wrap(c.subjectDer()), k -> new ArrayList<>())
                            .add(new Candidate(e, c));
                }
            }
        }
        Map<String, Boolean> selfSigned = new HashMap<>();
        Map<String, Boolean> verifies = new HashMap<>();
        Map<String, List<String>> links = new LinkedHashMap<>();
        for (FileEntry e : entries) {
            CertInfo leaf = first(e);
            if (leaf == null) {
                continue;
            }
            List<Candidate> candidates = bySubject.getOrDefault(ByteBuffer.wrap(leaf.issuerDer()), List.of());
            List<String> issuers = new ArrayList<>();
            FileEntry linked = null;
            for (Candidate c : candidates) {
                if (c.file() == e || c.file() == linked) {
                    continue; // a file is linked once, by its first certificate that verifies
                }
                // a root has no issuer in the directory; asked only now, as checking a self-signature costs a
                // signature verification (an ECDSA one is most of a large root's scan)
                if (leaf.selfIssued() && selfSigned.computeIfAbsent(leaf.sha256(), k -> leaf.selfSigned())) {
                    issuers.clear();
                    break;
                }
                boolean ok = verifies.computeIfAbsent(leaf.sha256() + "/" + c.cert().sha256(),
                        k -> CertParser.verifies(leaf.certificate(), c.cert().certificate().getPublicKey()));
                if (ok) {
                    issuers.add(c.file().name());
                    linked = c.file();
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
