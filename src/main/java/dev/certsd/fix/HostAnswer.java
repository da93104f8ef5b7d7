package dev.certsd.fix;

import dev.certsd.diagnose.FileReport;
import dev.certsd.diagnose.Finding;
import dev.certsd.diagnose.HostReport;
import dev.certsd.diagnose.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a face shows about one host directory, from one call: the client's verdict with its level, and every
 * finding with the fixes offered for it (the default first). The tree, the details pane, {@code check} text and
 * its JSON all present this, so they can never disagree. Fixes are planned from the scan; nothing is written.
 *
 * @param findings every finding of the directory, in the report's order, each with its fixes
 */
public record HostAnswer(HostReport host, Verdict verdict, List<Advice> findings, java.util.Map<Finding, Advice> byFinding) {

    /** Findings from which their fixes are planned in parallel. */
    private static final int PARALLEL = 2048;

    public HostAnswer(HostReport host, Verdict verdict, List<Advice> findings) {
        this(host, verdict, findings, index(findings));
    }

    /** Each finding's advice, so that asking per file stays linear in a directory of 100,000 files. */
    private static java.util.Map<Finding, Advice> index(List<Advice> findings) {
        java.util.Map<Finding, Advice> m = new java.util.HashMap<>();
        findings.forEach(a -> m.putIfAbsent(a.finding(), a));
        return java.util.Collections.unmodifiableMap(m);
    }
    public HostAnswer {
        findings = List.copyOf(findings);
    }

    /** One finding and the fixes offered for it; the words are the finding's message (diagnose.Messages). */
    public record Advice(Finding finding, List<Fix> fixes) {
        public Advice {
            fixes = List.copyOf(fixes);
        }
    }

    public static HostAnswer of(HostReport host) {
        return new HostAnswer(host, host.verdict(), plan(host, host.findings(), f -> true));
    }

    /**
     * The advice about some findings of {@code host} only (the ones a details pane or a list row shows), planned
     * the same way as {@link #of}: the window need not plan every fix of a directory to show one file.
     */
    public static List<Advice> advice(HostReport host, List<Finding> findings) {
        return plan(host, findings, new java.util.HashSet<>(host.findings())::contains);
    }

    /** The advice about those of {@code findings} that are the host's ({@code ofHost}: all of them, for {@link #of}). */
    private static List<Advice> plan(HostReport host, List<Finding> findings, java.util.function.Predicate<Finding> ofHost) {
        HostFiles files = new HostFiles(host);
        // each finding's fixes are planned from the report alone: the findings of a large directory on every core
        java.util.function.Function<Finding, Advice> plan =
                f -> ofHost.test(f) ? new Advice(f, Fixes.forFinding(f, files)) : null;
        List<Advice> planned = findings.size() >= PARALLEL ? dev.certsd.diagnose.EveryCore.map(findings, plan)
                : findings.stream().map(plan).toList();
        List<Advice> advice = new ArrayList<>(planned.size());
        for (Advice a : planned) {
            if (a != null) {
                advice.add(a);
            }
        }
        return advice;
    }

    /** The advice about one file, in the order of its findings. */
    public List<Advice> forFile(FileReport file) {
        return select(file.findings());
    }

    /** The advice about the directory as a whole. */
    public List<Advice> forHost() {
        return select(host.hostFindings());
    }

    /** The advice about the given findings of this directory, in their order. */
    public List<Advice> select(List<Finding> wanted) {
        List<Advice> out = new ArrayList<>();
        for (Finding f : wanted) {
            Advice a = byFinding.get(f);
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }
}
