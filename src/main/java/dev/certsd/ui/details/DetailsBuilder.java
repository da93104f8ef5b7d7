package dev.certsd.ui.details;

import dev.certsd.diagnose.FileReport;
import dev.certsd.diagnose.Finding;
import dev.certsd.diagnose.HostReport;
import dev.certsd.diagnose.Messages;
import dev.certsd.diagnose.RootReport;
import dev.certsd.diagnose.Verdict;
import dev.certsd.fix.HostAnswer;
import dev.certsd.material.CertInfo;
import dev.certsd.material.Content;
import dev.certsd.material.GoKeyPair;
import dev.certsd.material.IssuerSignatures;
import dev.certsd.material.KeyInfo;
import dev.certsd.ui.UiText;
import dev.certsd.ui.workspace.Counts;
import dev.certsd.ui.workspace.Node;
import dev.certsd.ui.workspace.RootModel;
import dev.certsd.ui.workspace.VerdictLook;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Turns a node and its snapshot into {@link Details}: decoded content, relations between files, findings. */
public final class DetailsBuilder {
    private final UiText text;
    private final Messages messages;
    private final Clock clock;
    private final DateTimeFormatter dates;
    private final VerdictLook look;

    public DetailsBuilder(UiText text, Messages messages, Clock clock) {
        this.text = text;
        this.messages = messages;
        this.clock = clock;
        this.look = new VerdictLook(text);
        this.dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(text.locale())
                .withZone(ZoneId.systemDefault());
    }

    public Details build(Node node) {
        if (node instanceof Node.RootNode r) {
            return root(r.model());
        }
        if (node instanceof Node.HostNode h) {
            return host(h);
        }
        return file((Node.FileNode) node);
    }

    private Details root(RootModel m) {
        List<Details.Section> sections = new ArrayList<>();
        List<Details.Row> rows = new ArrayList<>();
        rows.add(row("details.root.client", text.get("client." + m.root().client().name())));
        rows.add(data("details.path", m.root().path().toString()));
        RootReport r = m.report();
        Details.Banner banner;
        if (m.problemProperty().get() != null) {
            banner = new Details.Banner(Details.Tone.DANGER, text.get("root.problem.explain." + m.problemProperty().get().name()));
        } else if (r == null) {
            banner = new Details.Banner(Details.Tone.MUTED, text.get("details.root.scanning"));
        } else {
            Counts c = Counts.of(r);
            long broken = r.hosts().stream().filter(HostReport::hasErrors).count();
            rows.add(data("details.root.hosts", Long.toString(r.hosts().size())));
            rows.add(data("details.root.hostsWithErrors", Long.toString(broken)));
            rows.add(data("details.root.errors", Long.toString(c.errors())));
            rows.add(data("details.root.warnings", Long.toString(c.warnings())));
            rows.add(data("details.root.scannedAt", dates.format(r.scannedAt())));
            banner = r.hosts().isEmpty() ? new Details.Banner(Details.Tone.MUTED, text.get("details.root.none"))
                    : broken == 0 ? new Details.Banner(Details.Tone.SUCCESS, text.fmt("details.root.allOk", r.hosts().size()))
                    : new Details.Banner(Details.Tone.DANGER, text.fmt("details.root.broken", broken, r.hosts().size()));
        }
        sections.add(new Details.Section(text.get("details.section.root"), rows));
        List<Details.Line> findings = r == null ? List.of() : lines(r.findings(), "");
        return new Details(m.label(text), m.root().path().toString(), banner, sections, findings, false);
    }

    private Details host(Node.HostNode h) {
        HostReport host = h.host();
        Verdict v = h.verdict();
        Details.Banner banner = new Details.Banner(tone(v.level()), look.longText(v));
        List<Details.Section> sections = new ArrayList<>();
        List<Details.Row> registry = new ArrayList<>();
        registry.add(data("details.path", host.path().toString()));
        registry.add(host.hostDir().references().isEmpty() ? row("details.host.references", text.get("details.none"))
                : data("details.host.references", String.join(", ", host.hostDir().references())));
        registry.add(data("details.host.files", Integer.toString(host.files().size())));
        sections.add(new Details.Section(text.get("details.section.registry"), registry));
        List<Details.Row> pairs = new ArrayList<>();
        for (int i = 0; i < host.load().pairs().size(); i++) {
            String cert = host.load().pairs().get(i);
            String key = cert.endsWith(".cert") ? cert.substring(0, cert.length() - 5) + ".key" : "";
            pairs.add(new Details.Row(Integer.toString(i + 1), key.isEmpty() ? cert : text.fmt("details.host.pair", cert, key),
                    true, true, null));
        }
        if (pairs.isEmpty()) {
            pairs.add(row("details.host.noPairs", text.get("details.host.noPairs.explain")));
        }
        sections.add(new Details.Section(text.get("details.section.pairs"), pairs));
        List<Details.Row> cas = new ArrayList<>();
        for (String ca : host.load().caFiles()) {
            cas.add(new Details.Row(ca, caSubject(host, ca), true, true, null));
        }
        cas.add(row("details.host.systemRoots", text.get(host.load().systemRootsMerged()
                ? "details.host.systemRoots.merged" : "details.host.systemRoots.replaced")));
        if (host.load().skipVerify()) {
            cas.add(row("details.host.skipVerify", text.get("details.host.skipVerify.explain")));
        }
        sections.add(new Details.Section(text.get("details.section.cas"), cas));
        return new Details(host.hostDir().dirName(), host.path().toString(), banner, sections,
                lines(host.findings(), host.hostDir().dirName(), host));
    }

    private String caSubject(HostReport host, String caFile) {
        return host.files().stream().filter(f -> f.name().equals(caFile) && f.entry().content() != null)
                .flatMap(f -> f.entry().content().goCertificates().stream()).map(CertInfo::subject).findFirst()
                .orElse("");
    }

    private Details file(Node.FileNode f) {
        FileReport file = f.file();
        HostReport host = f.host();
        List<Details.Section> sections = new ArrayList<>();
        List<Details.Row> about = new ArrayList<>();
        about.add(row("details.file.role", text.get("role.explain." + file.role().name())));
        about.add(row("details.file.loadOrder", text.fmt("details.file.loadOrderValue",
                host.files().indexOf(file) + 1, host.files().size())));
        about.add(data("details.path", file.entry().path().toString()));
        if (file.entry().readable()) {
            about.add(row("details.file.size", text.fmt("details.file.sizeValue", file.entry().size())));
        }
        if (file.entry().perms() != null) {
            about.add(data("details.file.mode",
                    java.nio.file.attribute.PosixFilePermissions.toString(file.entry().perms())));
        }
        Content c = file.entry().content();
        if (c != null) {
            about.add(row("details.file.format", text.get("format." + c.format().name())));
        }
        sections.add(new Details.Section(text.get("details.section.file"), about));
        if (c != null) {
            List<CertInfo> certs = c.certificates();
            for (int i = 0; i < certs.size(); i++) {
                String title = certs.size() == 1 ? text.get("details.section.certificate")
                        : text.fmt("details.section.certificateN", i + 1, certs.size());
                sections.add(new Details.Section(title, certificate(certs.get(i))));
            }
            for (KeyInfo k : c.keys()) {
                sections.add(new Details.Section(text.get("details.section.key"), key(k)));
            }
        }
        List<Details.Row> relations = relations(file, host);
        if (!relations.isEmpty()) {
            sections.add(new Details.Section(text.get("details.section.relations"), relations));
        }
        Details.Banner banner = null;
        Verdict v = host.verdict();
        if (v.level() == Verdict.Level.IGNORED || file.name().equals(v.errorFile())) {
            banner = new Details.Banner(tone(v.level()), look.longText(v));
        }
        List<Finding> errors = file.findings().stream()
                .filter(x -> x.severity() == dev.certsd.diagnose.Severity.ERROR).toList();
        if (banner == null && !errors.isEmpty()) {
            // an error of this file, at the top: not below the certificate's fields
            banner = new Details.Banner(Details.Tone.DANGER, text.fmt("details.file.errors", errors.size()));
        }
        return new Details(file.name(), host.hostDir().dirName(), banner, sections,
                lines(file.findings(), host.hostDir().dirName(), host));
    }

    private List<Details.Row> certificate(CertInfo cert) {
        Instant now = clock.instant();
        List<Details.Row> rows = new ArrayList<>();
        rows.add(data("cert.subject", cert.subject()));
        rows.add(cert.selfIssued() ? row("cert.issuer", text.fmt("cert.issuer.self", cert.issuer()))
                : data("cert.issuer", cert.issuer()));
        rows.add(cert.subjectAltNames().isEmpty() ? row("cert.sans", text.get("details.none")) : data("cert.sans",
                String.join(", ", cert.subjectAltNames())));
        rows.add(data("cert.notBefore", dates.format(cert.notBefore())));
        long days = Duration.between(now, cert.notAfter()).toDays();
        String left = cert.expiredAt(now) ? text.fmt("cert.expiredAgo", Duration.between(cert.notAfter(), now).toDays())
                : cert.notYetValidAt(now) ? text.get("cert.notYetValid") : text.fmt("cert.daysLeft", days);
        rows.add(new Details.Row(text.get("cert.notAfter"), dates.format(cert.notAfter()), false, true,
                text.fmt("cert.notAfter.note", left)));
        rows.add(data("cert.key", cert.keyAlgorithm() + " " + cert.keyBits()));
        rows.add(data("cert.signature", cert.signatureAlgorithm()));
        rows.add(row("cert.ca", cert.isCa() ? text.get("cert.ca.yes") : text.get("cert.ca.no")));
        rows.add(cert.keyUsages().isEmpty() ? row("cert.keyUsage", text.get("details.none")) : data("cert.keyUsage",
                String.join(", ", cert.keyUsages())));
        rows.add(cert.hasEku() ? data("cert.eku", String.join(", ", cert.extendedKeyUsages())) : row("cert.eku",
                text.get("cert.eku.absent")));
        rows.add(data("cert.serial", cert.serialHex()));
        rows.add(data("cert.sha256", cert.sha256()));
        rows.add(data("cert.sha1", cert.sha1()));
        return rows;
    }

    private List<Details.Row> key(KeyInfo k) {
        List<Details.Row> rows = new ArrayList<>();
        rows.add(k.algorithm() == null ? row("key.type", text.get("key.type.unknown")) : data("key.type", k.describe()));
        rows.add(row("key.encoding", text.get("key.encoding." + k.encoding().name())));
        return rows;
    }

    /** How this file stands to the others in its directory: its partner, the CA that issued it, what it issued. */
    private List<Details.Row> relations(FileReport file, HostReport host) {
        List<Details.Row> rows = new ArrayList<>();
        Content c = file.entry().content();
        String name = file.name();
        String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        switch (file.role()) {
            case CLIENT_CERT -> {
                GoKeyPair.Result pair = host.load().keyPairs().get(name);
                String keyName = base + ".key";
                if (pair != null) {
                    rows.add(new Details.Row(text.get("rel.pair"), pair.ok() ? text.fmt("rel.pair.ok", keyName)
                            : text.fmt("rel.pair.failed", keyName, pair.error())));
                } else if (host.files().stream().noneMatch(f -> f.name().equals(keyName))) {
                    rows.add(new Details.Row(text.get("rel.pair"), text.fmt("rel.pair.missing", keyName)));
                }
                if (c != null && !c.goCertificates().isEmpty()) {
                    rows.add(new Details.Row(text.get("rel.issuedBy"), issuerIn(file, c.goCertificates().get(0), host)));
                }
            }
            case CLIENT_KEY -> {
                String certName = base + ".cert";
                GoKeyPair.Result pair = host.load().keyPairs().get(certName);
                if (pair != null) {
                    rows.add(new Details.Row(text.get("rel.pair"), pair.ok() ? text.fmt("rel.pair.ok", certName)
                            : text.fmt("rel.pair.failed", certName, pair.error())));
                } else if (host.files().stream().noneMatch(f -> f.name().equals(certName))) {
                    rows.add(new Details.Row(text.get("rel.pair"), text.fmt("rel.pair.missing", certName)));
                }
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
    public Runnable pendingCheck(Node node) {
        if (!(node instanceof Node.FileNode f) || f.file().role() != dev.certsd.roots.FileRole.CLIENT_CERT) {
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
                .filter(i -> java.util.Arrays.equals(i.subjectDer(), issuerName)).toList();
    }

    private static Details.Tone tone(Verdict.Level level) {
        return switch (level) {
            case OK -> Details.Tone.SUCCESS;
            case FAILS_LATER, IGNORED -> Details.Tone.WARNING;
            case CONFIG_ERROR -> Details.Tone.DANGER;
        };
    }

    private List<Details.Line> lines(List<Finding> findings, String dir) {
        return lines(findings, dir, null);
    }

    /** With the host report, each finding comes with the fixes the engine offers for it (none for a root's). */
    private List<Details.Line> lines(List<Finding> findings, String dir, HostReport host) {
        if (host == null) {
            return findings.stream().sorted(Comparator.comparing(Finding::severity))
                    .map(f -> new Details.Line(f.severity(), messages.render(f, dir), List.of())).toList();
        }
        return HostAnswer.advice(host, findings).stream()
                .sorted(Comparator.comparing((HostAnswer.Advice a) -> a.finding().severity()))
                .map(a -> new Details.Line(a.finding().severity(), messages.render(a.finding(), dir), a.fixes()))
                .toList();
    }

    private Details.Row row(String key, String value) {
        return new Details.Row(text.get(key), value);
    }

    private Details.Row data(String key, String value) {
        return Details.Row.data(text.get(key), value);
    }
}
