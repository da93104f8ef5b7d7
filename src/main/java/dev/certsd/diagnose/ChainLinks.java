package dev.certsd.diagnose;

import dev.certsd.material.CertInfo;
import dev.certsd.material.DerName;
import dev.certsd.material.IssuerSignatures;
import dev.certsd.material.KeyIdentifiers;
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
        Map<DerName, List<Candidate>> bySubject = new HashMap<>();
        for (FileEntry e : entries) {
            if (e.content() != null) {
                List<CertInfo> certs = e.content().certificates();
                for (int i = 0; i < certs.size(); i++) {
                    CertInfo c = certs.get(i);
                    bySubject.computeIfAbsent(c.subjectName(), k -> new ArrayList<>()).add(new Candidate(e, c));
                }
            }
        }
        Links links = new Links();
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (FileEntry e : entries) {
            CertInfo leaf = first(e);
            if (leaf != null) {
                List<String> issuers = links.of(e, leaf, bySubject.getOrDefault(leaf.issuerName(), List.of()));
                if (!issuers.isEmpty()) {
                    out.put(e.name(), issuers);
                }
            }
        }
        return out;
    }

    /**
     * The comparisons made so far. Copies of a file share its parsed certificates, so the answer for a certificate
     * whose issuers are all in other files is the same for each of its copies: kept by the certificate, it is found,
     * not made again (a directory of 100,000 copies spent a fifth of its scan's serial time here).
     */
    private static final class Links {
        private final Map<String, Boolean> selfSigned = new HashMap<>();
        private final Map<String, Boolean> verifies = new HashMap<>();
        private final Map<String, KeyIdentifiers> ids = new HashMap<>();
        private final Map<CertInfo, List<String>> elsewhere = new java.util.IdentityHashMap<>();

        List<String> of(FileEntry e, CertInfo leaf, List<Candidate> candidates) {
            if (candidates.isEmpty() || leaf.selfIssued() && rootAmong(e, leaf, candidates)) {
                return List.of();
            }
            // the file holds an issuer candidate itself: a certificate of its own with the leaf's issuer as subject
            // (its few certificates are looked at, not every candidate: many copies of an issuer stay linear)
            boolean own = false;
            List<CertInfo> certs = e.content().certificates();
            for (int i = 0; i < certs.size() && !own; i++) {
                own = certs.get(i).subjectName().equals(leaf.issuerName());
            }
            if (own) {
                return compare(e, leaf, candidates);
            }
            List<String> known = elsewhere.get(leaf);
            if (known == null) {
                known = compare(e, leaf, candidates);
                elsewhere.put(leaf, known);
            }
            return known;
        }

        /**
         * A self-signed certificate has no issuer in the directory: true when it is one and another file holds a
         * certificate of its name (its own file's certificates come first and are passed over, so this is not a walk
         * over every copy of a root).
         */
        private boolean rootAmong(FileEntry e, CertInfo leaf, List<Candidate> candidates) {
            for (int i = 0; i < candidates.size(); i++) {
                if (candidates.get(i).file() != e) {
                    return selfSigned.computeIfAbsent(leaf.sha256(), k -> issued(leaf, leaf, ids));
                }
            }
            return false;
        }

        private List<String> compare(FileEntry e, CertInfo leaf, List<Candidate> candidates) {
            List<String> issuers = new ArrayList<>();
            FileEntry linked = null;
            for (int i = 0; i < candidates.size(); i++) {
                Candidate c = candidates.get(i);
                if (c.file() == e || c.file() == linked) {
                    continue; // a file is linked once, by its first certificate that verifies
                }
                // a root has no issuer in the directory; asked only now, when another certificate has its name
                if (leaf.selfIssued() && selfSigned.computeIfAbsent(leaf.sha256(), k -> issued(leaf, leaf, ids))) {
                    return List.of();
                }
                boolean ok = verifies.computeIfAbsent(leaf.sha256() + "/" + c.cert().sha256(),
                        k -> issued(leaf, c.cert(), ids));
                if (ok) {
                    issuers.add(c.file().name());
                    linked = c.file();
                }
            }
            return List.copyOf(issuers);
        }
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
        return ids.computeIfAbsent(c.sha256(), k -> c.keyIdentifiers());
    }

    private static CertInfo first(FileEntry e) {
        return e.content() == null || e.content().certificates().isEmpty() ? null : e.content().certificates().get(0);
    }
}
