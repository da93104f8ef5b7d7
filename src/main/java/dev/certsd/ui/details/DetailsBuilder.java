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
    private final FileRelations relations;

    public DetailsBuilder(UiText text, Messages messages, Clock clock) {
        this.text = text;
        this.messages = messages;
        this.clock = clock;
        this.look = new VerdictLook(text);
        this.relations = new FileRelations(text);
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
        List<Details.Row> relations = this.relations.of(file, host);
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

    /**
     * The signature checks the details of {@code node} still wait for, as one task to run off the FX thread (each
     * a few milliseconds; the answers are remembered by content hash), or null when there is none.
     */
    public Runnable pendingCheck(Node node) {
        return FileRelations.pendingCheck(node);
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
