package dev.certsd.cli;

import dev.certsd.diagnose.Finding;
import dev.certsd.diagnose.FindingCode;
import dev.certsd.diagnose.HostReport;
import dev.certsd.diagnose.HostScanner;
import dev.certsd.diagnose.RootReport;
import dev.certsd.files.ChangeSet;
import dev.certsd.files.FileChanges;
import dev.certsd.files.FileOp;
import dev.certsd.files.Outcome;
import dev.certsd.files.Preview;
import dev.certsd.files.Message;
import dev.certsd.fix.Fix;
import dev.certsd.fix.FixException;
import dev.certsd.fix.FixKind;
import dev.certsd.fix.Fixes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fix}: applies the safe fix of findings, one at a time, each recorded for {@code undo}. */
@Command(name = "fix", mixinStandardHelpOptions = true)
final class FixCommand implements Callable<Integer> {
    /** A bound on fixes per directory: each fix removes a finding, so this is reached only by a fix that does not. */
    private static final int MAX_FIXES_PER_HOST = 100;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RootOptions rootOptions;

    @Mixin
    JournalOption journal;

    @Option(names = "--all", descriptionKey = "fix.all")
    boolean all;

    @Option(names = "--dry-run", descriptionKey = "option.dryRun")
    boolean dryRun;

    @Option(names = "--json", descriptionKey = "option.json")
    boolean json;

    @Option(names = "--how", paramLabel = "FIX", descriptionKey = "fix.how")
    String how;

    @Option(names = "--passphrase-file", paramLabel = "FILE", descriptionKey = "fix.passphraseFile")
    Path passphraseFile;

    @Parameters(paramLabel = "CODE|HOSTDIR", arity = "0..*", descriptionKey = "fix.words")
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        ResourceBundle text = ResourceBundle.getBundle("dev.certsd.cli.cli", Locale.getDefault());
        FindingCode code = null;
        List<String> hostDirs = new ArrayList<>(words);
        if (!all) {
            if (hostDirs.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), text.getString("fix.error.what"));
            }
            code = parseCode(hostDirs.remove(0), text);
        }
        FixKind kind = null;
        if (how != null) {
            kind = FixKind.fromId(how).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                    String.format(text.getString("fix.error.how"), how, List.of(FixKind.values()).stream()
                            .map(FixKind::id).collect(Collectors.joining(", ")))));
        }
        RootReport report = rootOptions.scan(spec, hostDirs);
        FileChanges changes = journal.changes();
        HostScanner scanner = new HostScanner(rootOptions.scanOptions(spec));
        List<FixResult> results = new ArrayList<>();
        for (HostReport host : report.hosts()) {
            fixHost(host, code, kind, changes, scanner, results);
        }
        if (json) {
            spec.commandLine().getOut().println(FixJson.render(report, dryRun, results));
        } else {
            new FixReportText(spec.commandLine().getOut(), Locale.getDefault()).print(report, code, dryRun, results);
        }
        return results.stream().allMatch(r -> r.outcome().success) ? 0 : 1;
    }

    private FindingCode parseCode(String word, ResourceBundle text) {
        String fixable = Fixes.FIXABLE.stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
        FindingCode c;
        try {
            c = FindingCode.valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    String.format(text.getString("fix.error.code"), word, fixable));
        }
        if (!Fixes.FIXABLE.contains(c)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    String.format(text.getString("fix.error.notFixable"), c, fixable));
        }
        return c;
    }

    /**
     * Fixes one finding at a time and scans again, because one fix changes what the next should do (renaming
     * client.crt to client.cert also ends the orphan key). A dry run cannot scan the result, so it plans each fix
     * against the directory as it is.
     */
    private void fixHost(HostReport first, FindingCode code, FixKind kind, FileChanges changes, HostScanner scanner,
                         List<FixResult> results) throws IOException {
        Path dir = first.path();
        HostReport host = first;
        Set<String> attempted = new HashSet<>();
        for (int i = 0; i < MAX_FIXES_PER_HOST; i++) {
            Optional<Finding> next = host.findings().stream()
                    .filter(f -> code == null ? Fixes.FIXABLE.contains(f.code()) : f.code() == code)
                    .filter(f -> !attempted.contains(key(f))).findFirst();
            if (next.isEmpty()) {
                return;
            }
            Finding finding = next.get();
            attempted.add(key(finding));
            FixResult r = fixOne(host, finding, kind, changes);
            results.add(r);
            if (r.outcome() == FixResult.Outcome.NEEDS_PRIVILEGE) {
                return; // the next fixes must be planned against the directory after the administrator's step
            }
            if (r.outcome() == FixResult.Outcome.APPLIED) {
                dir = movedTo(dir, r.changes());
                host = scanner.scan(dir);
            }
        }
    }

    private FixResult fixOne(HostReport host, Finding finding, FixKind kind, FileChanges changes) throws IOException {
        String hostName = host.hostDir().dirName();
        List<Fix> fixes = Fixes.forFinding(finding, host);
        Optional<Fix> chosen = kind == null ? fixes.stream().findFirst()
                : fixes.stream().filter(f -> f.kind() == kind).findFirst().or(() -> fixes.stream().findFirst());
        if (chosen.isEmpty()) {
            return FixResult.of(hostName, finding, FixResult.Outcome.NO_FIX, null);
        }
        Fix fix = chosen.get();
        ChangeSet cs;
        try {
            if (fix.needsPassphrase()) {
                if (passphraseFile == null) {
                    return FixResult.of(hostName, finding, FixResult.Outcome.NEEDS_PASSPHRASE, fix);
                }
                cs = fix.plan(readPassphrase());
            } else {
                cs = fix.plan();
            }
        } catch (FixException e) {
            return new FixResult(hostName, finding, FixResult.Outcome.NOT_PLANNED, fix, null, List.of(), null, null,
                    e.text().render(Locale.getDefault()));
        }
        if (dryRun) {
            Preview p = changes.preview(cs);
            FixResult.Outcome o = !p.ready() ? FixResult.Outcome.REFUSED
                    : p.needsPrivilege() ? FixResult.Outcome.NEEDS_PRIVILEGE : FixResult.Outcome.PLANNED;
            return new FixResult(hostName, finding, o, fix, cs, p.problems(), null, null, null, p.links());
        }
        List<Message> links = changes.preview(cs).links();
        Outcome outcome = changes.apply(cs);
        if (outcome instanceof Outcome.Done d) {
            return new FixResult(hostName, finding, FixResult.Outcome.APPLIED, fix, cs, List.of(), d.entry(), null, null,
                    links);
        }
        if (outcome instanceof Outcome.NeedsPrivilege np) {
            return new FixResult(hostName, finding, FixResult.Outcome.NEEDS_PRIVILEGE, fix, cs, List.of(), np.entry(),
                    np.prepared(), null);
        }
        if (outcome instanceof Outcome.Refused r) {
            return new FixResult(hostName, finding, FixResult.Outcome.REFUSED, fix, cs, r.problems(), null, null, null,
                    links);
        }
        Outcome.Failed f = (Outcome.Failed) outcome;
        List<dev.certsd.files.Problem> problems = new ArrayList<>(List.of(f.problem()));
        problems.addAll(f.rollbackProblems());
        return new FixResult(hostName, finding, FixResult.Outcome.FAILED, fix, cs, problems, null, null, null);
    }

    private char[] readPassphrase() throws IOException {
        return PassphraseFile.firstLine(passphraseFile);
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
