package dev.certsd.diagnose;

import dev.certsd.roots.CertsRoot;
import java.time.Instant;
import java.util.List;

/** One immutable snapshot of a certs root: every host directory, as one client sees it. */
public record RootReport(CertsRoot root, Instant scannedAt, List<HostReport> hosts, List<Finding> findings) {
    public RootReport {
        hosts = List.copyOf(hosts);
        findings = List.copyOf(findings);
    }

    public boolean hasErrors() {
        return hosts.stream().anyMatch(HostReport::hasErrors)
                || findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }
}
