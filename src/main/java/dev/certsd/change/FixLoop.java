package dev.certsd.change;

import dev.certsd.diagnose.Finding;
import dev.certsd.diagnose.FindingCode;
import dev.certsd.diagnose.HostReport;
import dev.certsd.diagnose.HostScanner;
import dev.certsd.files.ChangeSet;
import dev.certsd.files.FileOp;
import dev.certsd.files.Message;
import dev.certsd.files.Preview;
import dev.certsd.fix.Fix;
import dev.certsd.fix.FixException;
import dev.certsd.fix.FixKind;
import dev.certsd.fix.Fixes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Fixes a host directory's findings one at a time and scans again after each, because one fix changes what the next
 * should do (renaming client.crt to client.cert also ends the orphan key). A dry run cannot scan the result, so it
 * plans each fix against the directory as it is.
 */
public final class FixLoop {
    /** A bound on fixes per directory: each fix removes a finding, so this is reached only by a fix that does not. */
    static final int MAX_FIXES_PER_HOST = 100;

    /** The passphrase for a fix that decrypts a key; null when none was given. */
    @FunctionalInterface
    public interface Passphrase {
        char[] read() throws IOException;
    }

    /**
     * @param code   the finding to fix, or null for every fixable one
     * @param kind   the fix preferred where a finding offers several, or null for the first offered
     * @param dryRun plan and preview only
     */
    public record Request(FindingCode code, FixKind kind, boolean dryRun, Passphrase passphrase) {
    }

    private final ChangeRunner runner;
    private final HostScanner scanner;
    private final Request request;

    public FixLoop(ChangeRunner runner, HostScanner scanner, Request request) {
        this.runner = runner;
        this.scanner = scanner;
        this.request = request;
    }

    /** Fixes {@code first}'s findings; stops where an administrator must act before the next fix can be planned. */
    public List<FixResult> fixHost(HostReport first) throws IOException {
        List<FixResult> results = new ArrayList<>();
        Path dir = first.path();
        HostReport host = first;
        Set<String> attempted = new HashSet<>();
        for (int i = 0; i < MAX_FIXES_PER_HOST; i++) {
            Optional<Finding> next = host.findings().stream().filter(this::wanted)
                    .filter(f -> !attempted.contains(key(f))).findFirst();
            if (next.isEmpty()) {
                break;
            }
            attempted.add(key(next.get()));
            FixResult r = fixOne(host, next.get());
            results.add(r);
            if (r.outcome() == FixResult.Outcome.NEEDS_PRIVILEGE) {
                break; // the next fixes must be planned against the directory after the administrator's step
            }
            if (r.outcome() == FixResult.Outcome.APPLIED) {
                dir = movedTo(dir, r.changes());
                host = scanner.scan(dir);
            }
        }
        return results;
    }

    private boolean wanted(Finding f) {
        return request.code() == null ? Fixes.FIXABLE.contains(f.code()) : f.code() == request.code();
    }

    /** Plans the chosen fix of one finding and applies (or previews) it. */
    FixResult fixOne(HostReport host, Finding finding) throws IOException {
        String hostName = host.hostDir().dirName();
        List<Fix> fixes = Fixes.forFinding(finding, host);
        Optional<Fix> chosen = request.kind() == null ? fixes.stream().findFirst()
                : fixes.stream().filter(f -> f.kind() == request.kind()).findFirst().or(() -> fixes.stream().findFirst());
        if (chosen.isEmpty()) {
            return FixResult.of(hostName, finding, FixResult.Outcome.NO_FIX, null);
        }
        Fix fix = chosen.get();
        ChangeSet cs;
        try {
            if (fix.needsPassphrase() && request.passphrase() == null) {
                return FixResult.of(hostName, finding, FixResult.Outcome.NEEDS_PASSPHRASE, fix);
            }
            cs = fix.needsPassphrase() ? fix.plan(request.passphrase().read()) : fix.plan();
        } catch (FixException e) {
            return new FixResult(hostName, finding, FixResult.Outcome.NOT_PLANNED, fix, null, List.of(), null, null,
                    e.text());
        }
        Preview p = runner.preview(cs);
        if (request.dryRun()) {
            FixResult.Outcome o = !p.ready() ? FixResult.Outcome.REFUSED
                    : p.needsPrivilege() ? FixResult.Outcome.NEEDS_PRIVILEGE : FixResult.Outcome.PLANNED;
            return new FixResult(hostName, finding, o, fix, cs, p.problems(), null, null, null, p.links());
        }
        return applied(hostName, finding, fix, cs, runner.apply(cs), p.links());
    }

    private static FixResult applied(String hostName, Finding finding, Fix fix, ChangeSet cs, ChangeReport report,
                                     List<Message> links) {
        FixResult.Outcome o = switch (report.kind()) {
            case DONE -> FixResult.Outcome.APPLIED;
            case NEEDS_PRIVILEGE -> FixResult.Outcome.NEEDS_PRIVILEGE;
            case REFUSED -> FixResult.Outcome.REFUSED;
            case FAILED -> FixResult.Outcome.FAILED;
        };
        // as before: an administrator's step and a failure list no links ("link -> target" is shown with the plan)
        List<Message> shown = o == FixResult.Outcome.NEEDS_PRIVILEGE || o == FixResult.Outcome.FAILED ? List.of() : links;
        return new FixResult(hostName, finding, o, fix, cs, report.allProblems(), report.entry(), report.prepared(),
                null, shown);
    }

    /** The host directory's path after the change set (a fix may rename the directory itself). */
    private static Path movedTo(Path dir, ChangeSet cs) {
        Path abs = dir.toAbsolutePath().normalize();
        for (FileOp op : cs.ops()) {
            if (op instanceof FileOp.Rename r && r.from().equals(abs)) {
                return r.to();
            }
        }
        return dir;
    }

    private static String key(Finding f) {
        return f.code() + "|" + f.file() + "|" + f.args();
    }
}
