package dev.certsd.ui.workspace;

import dev.certsd.diagnose.Finding;
import dev.certsd.diagnose.HostReport;
import dev.certsd.diagnose.RootReport;
import dev.certsd.diagnose.Severity;
import java.util.Collection;

/** Findings counted by severity, rolled up from host directories to their root. */
public record Counts(long errors, long warnings, long infos) {
    public static final Counts NONE = new Counts(0, 0, 0);

    public static Counts of(Collection<Finding> findings) {
        return new Counts(count(findings, Severity.ERROR), count(findings, Severity.WARNING),
                count(findings, Severity.INFO));
    }

    /**
     * A host directory whose verdict is an error counts as one error even when no finding says so (a file the
     * client cannot read as root, say), so the root never looks clean above a broken directory.
     */
    public static Counts of(HostReport h) {
        Counts c = of(h.findings());
        return h.configError() != null && c.errors() == 0 ? new Counts(1, c.warnings(), c.infos()) : c;
    }

    public static Counts of(RootReport r) {
        Counts total = of(r.findings());
        for (HostReport h : r.hosts()) {
            total = total.plus(of(h));
        }
        return total;
    }

    public Counts plus(Counts o) {
        return new Counts(errors + o.errors, warnings + o.warnings, infos + o.infos);
    }

    private static long count(Collection<Finding> findings, Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }
}
