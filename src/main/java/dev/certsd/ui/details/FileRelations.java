package dev.certsd.ui.details;

import dev.certsd.diagnose.FileReport;
import dev.certsd.diagnose.HostReport;
import dev.certsd.material.CertInfo;
import dev.certsd.material.Content;
import dev.certsd.material.GoKeyPair;
import dev.certsd.material.IssuerSignatures;
import dev.certsd.roots.FileRole;
import dev.certsd.ui.UiText;
import dev.certsd.ui.workspace.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a file stands to the others in its directory, for its details: its partner (does the pair load), the CA
 * that issued it (and whether the signature verifies, checked off the FX thread), what a CA issued.
 */
final class FileRelations {
    private final UiText text;

    FileRelations(UiText text) {
        this.text = text;
    }

    /** How this file stands to the others in its directory: its partner, the CA that issued it, what it issued. */
    List<Details.Row> of(FileReport file, HostReport host) {
        List<Details.Row> rows = new ArrayList<>();
        Content c = file.entry().content();
        String name = file.name();
        String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        switch (file.role()) {
            case CLIENT_CERT -> {
                pair(rows, host, host.load().keyPairs().get(name), base + ".key");
                if (c != null && !c.goCertificates().isEmpty()) {
                    rows.add(new Details.Row(text.get("rel.issuedBy"), issuerIn(file, c.goCertificates().get(0), host)));
                }
            }
            case CLIENT_KEY -> {
                String certName = base + ".cert";
                pair(rows, host, host.load().keyPairs().get(certName), certName);
            }
            case CA -> {
                if (c != null) {
                    List<String> issued = host.issued(name);
                    boolean loaded = host.load().caFiles().contains(name);
                    rows.add(new Details.Row(text.get("rel.trust"), text.get(loaded ? "rel.trust.loaded" : "rel.trust.skipped")));
                    if (!issued.isEmpty()) {
                        rows.add(Details.Row.data(text.get("rel.issued"), String.join(", ", issued)));
                    }
                }
            }
            default -> {
            }
        }
        return rows;
    }

    /** Whether the pair loads, as Go's {@code tls.LoadX509KeyPair} would; or that its other half is missing. */
    private void pair(List<Details.Row> rows, HostReport host, GoKeyPair.Result pair, String partner) {
        if (pair != null) {
            rows.add(new Details.Row(text.get("rel.pair"), pair.ok() ? text.fmt("rel.pair.ok", partner)
                    : text.fmt("rel.pair.failed", partner, pair.error())));
        } else if (host.files().stream().noneMatch(f -> f.name().equals(partner))) {
            rows.add(new Details.Row(text.get("rel.pair"), text.fmt("rel.pair.missing", partner)));
        }
    }

    /**
     * From the engine's issuer relation (by name and key identifier). Whether the signature verifies is shown once
     * it is known: {@link #pendingCheck} checks it off the FX thread, and the details are then built again.
     */
    private String issuerIn(FileReport file, CertInfo cert, HostReport host) {
        String issuer = host.loadedIssuer(file);
        if (issuer != null) {
            List<CertInfo> candidates = issuerCertificates(host, issuer, cert);
            if (candidates.isEmpty() || !candidates.stream().allMatch(c -> IssuerSignatures.known(cert, c))) {
                return text.fmt("rel.issuedBy.file.checking", issuer);
            }
            return text.fmt(candidates.stream().anyMatch(c -> IssuerSignatures.verifies(cert, c))
                    ? "rel.issuedBy.file.verified" : "rel.issuedBy.file.badSignature", issuer);
        }
        return cert.selfIssued() ? text.get("rel.issuedBy.self") : text.get("rel.issuedBy.elsewhere");
    }

    /**
     * The signature checks the details of {@code node} still wait for, as one task to run off the FX thread (each
     * a few milliseconds; the answers are remembered by content hash), or null when there is none.
     */
    static Runnable pendingCheck(Node node) {
        if (!(node instanceof Node.FileNode f) || f.file().role() != FileRole.CLIENT_CERT) {
            return null;
        }
        Content c = f.file().entry().content();
        String issuer = f.host().loadedIssuer(f.file());
        if (c == null || c.goCertificates().isEmpty() || issuer == null) {
            return null;
        }
        CertInfo cert = c.goCertificates().get(0);
        List<CertInfo> candidates = issuerCertificates(f.host(), issuer, cert);
        if (candidates.stream().allMatch(i -> IssuerSignatures.known(cert, i))) {
            return null;
        }
        return () -> candidates.forEach(i -> IssuerSignatures.verifies(cert, i));
    }

    /** The certificates of {@code issuerFile} whose subject is {@code cert}'s issuer. */
    private static List<CertInfo> issuerCertificates(HostReport host, String issuerFile, CertInfo cert) {
        byte[] issuerName = cert.issuerDer();
        return host.files().stream().filter(f -> f.name().equals(issuerFile) && f.entry().content() != null)
                .flatMap(f -> f.entry().content().certificates().stream())
                .filter(i -> Arrays.equals(i.subjectDer(), issuerName)).toList();
    }
}
