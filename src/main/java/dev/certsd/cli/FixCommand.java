package dev.certsd.cli;

import dev.certsd.change.FixLoop;
import dev.certsd.change.FixResult;
import dev.certsd.diagnose.FindingCode;
import dev.certsd.diagnose.HostReport;
import dev.certsd.diagnose.HostScanner;
import dev.certsd.diagnose.RootReport;
import dev.certsd.fix.FixKind;
import dev.certsd.fix.Fixes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fix}: applies the safe fix of findings, one at a time, each recorded for {@code undo}. */
@Command(name = "fix", mixinStandardHelpOptions = true)
final class FixCommand extends WriteCommand {
    @Option(names = "--all", descriptionKey = "fix.all")
    boolean all;

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
        FixLoop loop = new FixLoop(journal.runner(), new HostScanner(rootOptions.scanOptions(spec)),
                new FixLoop.Request(code, kind, dryRun, passphraseFile == null ? null : this::readPassphrase));
        List<FixResult> results = new ArrayList<>();
        for (HostReport host : report.hosts()) {
            results.addAll(loop.fixHost(host));
        }
        if (json) {
            spec.commandLine().getOut().println(FixJson.render(report, dryRun, results));
        } else {
            new FixReportText(spec.commandLine().getOut(), Locale.getDefault()).print(report, code, dryRun, results);
        }
        return results.stream().allMatch(r -> r.outcome().success()) ? 0 : 1;
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

    private char[] readPassphrase() throws IOException {
        return PassphraseFile.firstLine(passphraseFile);
    }
}
