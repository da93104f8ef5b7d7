package dev.certsd.diagnose;

import dev.certsd.material.CertInfo;
import dev.certsd.material.IssuerSignatures;
import dev.certsd.material.KeyIdentifiers;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which files of a host directory issued the certificates of which others: a certificate is linked to a file
 * when a certificate there has its issuer as subject and holds the key its authority key identifier names, as Go's
 * chain building picks candidates (by name, then key identifier). No signature is checked for that: a client never
 * verifies its own certificate's signature (the server does), and the relation only draws "issued by". Only a
 * certificate without an authority key identifier, or an issuer candidate without a subject key identifier that the
 * identifier could be compared with, is decided by its signature ({@link IssuerSignatures}, which the details
 * pane asks, off the FX thread, to show whether the signature verifies).
 *
 * <p>Linear in the files of a directory (plus the links found): the certificates are indexed by subject once, and a
 * comparison is made once per distinct pair of certificates, so a directory of many copies of the same
 * files costs one, not one per copy.
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
        Map<String, KeyIdentifiers> ids = new HashMap<>();
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
                // a root has no issuer in the directory; asked only now, when another certificate has its name
                if (leaf.selfIssued() && selfSigned.computeIfAbsent(leaf.sha256(), k -> issued(leaf, leaf, ids))) {
                    issuers.clear();
                    break;
                }
                boolean ok = verifies.computeIfAbsent(leaf.sha256() + "/" + c.cert().sha256(),
                        k -> issued(leaf, c.cert(), ids));
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

    /** By key identifiers where they decide it, else by the signature. */
    private static boolean issued(CertInfo cert, CertInfo issuer, Map<String, KeyIdentifiers> ids) {
        KeyIdentifiers.Claim claim = ids(cert, ids).issuedBy(ids(issuer, ids));
        return switch (claim) {
            case ISSUED -> true;
            case NOT_ISSUED -> false;
            case UNKNOWN -> cert == issuer ? cert.selfSigned() : IssuerSignatures.verifies(cert, issuer);
        };
    }

    private static KeyIdentifiers ids(CertInfo c, Map<String, KeyIdentifiers> ids) {
        return ids.computeIfAbsent(c.sha256(), k -> KeyIdentifiers.of(c.certificate()));
    }

    private static CertInfo first(FileEntry e) {
        return e.content() == null || e.content().certificates().isEmpty() ? null : e.content().certificates().get(0);
    }
}
