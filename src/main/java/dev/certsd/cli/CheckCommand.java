package dev.certsd.cli;

import dev.certsd.diagnose.RootReport;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code check}: what the client will make of each host directory, before any network I/O. */
@Command(name = "check", mixinStandardHelpOptions = true)
final class CheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RootOptions rootOptions;

    @Mixin
    SshOptions ssh;

    @Mixin
    FleetOptions fleet;

    @Option(names = "--json", descriptionKey = "option.json")
    boolean json;

    @Parameters(paramLabel = "HOSTDIR", arity = "0..*", descriptionKey = "check.hostDirs")
    List<String> hostDirs = List.of();

    @Override
    public Integer call() throws IOException {
        if (fleet.fleet()) {
            return fleet.run(spec, rootOptions, ssh, json);
        }
        if (ssh.remote()) {
            return ssh.scan(spec, rootOptions, hostDirs, this::print);
        }
        return print(rootOptions.scan(spec, hostDirs));
    }

    private int print(RootReport report) throws IOException {
        return print(report, json, spec.commandLine().getOut());
    }

    /** Prints the report to the command's (guarded) output; the exit code: 1 when it has errors, else 0. */
    static int print(RootReport report, boolean json, java.io.PrintWriter guarded) throws IOException {
        if (json) {
            // every control character is escaped by the JSON writer itself: no need to scan 100 MB again
            java.io.Writer out = TerminalText.escapedBy(guarded);
            java.io.OutputStream utf8 = out instanceof TerminalOut t ? t.utf8Bytes() : null;
            if (utf8 != null) { // a UTF-8 terminal: the document's bytes as they are made
                guarded.flush();
                CheckJson.write(report, utf8);
            } else {
                CheckJson.write(report, out);
            }
            guarded.println();
        } else {
            new CheckText(guarded, Locale.getDefault()).print(report);
        }
        return report.hasErrors() ? 1 : 0;
    }
}
