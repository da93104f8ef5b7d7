package dev.certsd.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code certsd-studio <command> ...}. Its usage help (descriptions, exit codes, headings) is in
 * the {@link #HELP} bundle, which every subcommand inherits; picocli loads it for
 * {@link java.util.Locale#getDefault()}, the locale the commands' own output uses (the {@code dev.certsd.cli.cli}
 * bundle). Options and parameters name their text with {@code descriptionKey}; a command's is under
 * {@code certsd-studio.<command>.usage.*}.
 */
@Command(name = "certsd-studio", mixinStandardHelpOptions = true, versionProvider = CertsdCommand.Version.class,
        resourceBundle = CertsdCommand.HELP,
        subcommands = {CheckCommand.class, TestCommand.class, FixCommand.class, UndoCommand.class, RedoCommand.class,
            HistoryCommand.class, ApplyPreparedCommand.class, NewHostCommand.class, GenClientCommand.class,
            ImportSignedCommand.class, ImportCaCommand.class, TestPkiCommand.class})
public final class CertsdCommand implements Runnable {
    /** The base name of the usage-help bundle (help.properties, help_ja.properties). */
    static final String HELP = "dev.certsd.cli.help";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line with the given streams; returns the exit code (0 ok, 1 findings, 2 usage or I/O). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new CertsdCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println(ex.getMessage() != null ? ex.getMessage() : ex.toString());
            return 2;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = CertsdCommand.class.getPackage().getImplementationVersion();
            return new String[] {"Certs.d Studio " + (v != null ? v : "development")};
        }
    }
}
