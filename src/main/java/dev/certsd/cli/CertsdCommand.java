package dev.certsd.cli;

import dev.certsd.material.InputFiles;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
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
        resourceBundle = CertsdCommand.HELP, scope = CommandLine.ScopeType.INHERIT)
public final class CertsdCommand implements Runnable {
    /** The base name of the usage-help bundle (help.properties, help_ja.properties). */
    static final String HELP = "dev.certsd.cli.help";

    /**
     * The subcommands by name, in the order the usage lists them. The names are written here, not read from each
     * class's {@code @Command}: parsing every command's annotations to find the one asked for took about 30 ms of
     * every run ({@code CertsdCommandTest} holds each name to its annotation).
     */
    static final List<Map.Entry<String, Class<?>>> COMMANDS = List.of(Map.entry("check", CheckCommand.class),
            Map.entry("test", TestCommand.class), Map.entry("fix", FixCommand.class),
            Map.entry("undo", UndoCommand.class), Map.entry("redo", RedoCommand.class),
            Map.entry("history", HistoryCommand.class), Map.entry("apply-prepared", ApplyPreparedCommand.class),
            Map.entry("new-host", NewHostCommand.class), Map.entry("gen-client", GenClientCommand.class),
            Map.entry("import-signed", ImportSignedCommand.class), Map.entry("import-ca", CaImportCommand.class),
            Map.entry("test-pki", TestPkiCommand.class), Map.entry("compare", CompareCommand.class),
            Map.entry("export", ExportCommand.class));

    /** {@code -Dcertsd.quickCheck=off}: every command through picocli (QuickCheckTest compares the two ways). */
    static final boolean QUICK = !"off".equals(System.getProperty("certsd.quickCheck"));

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The whole command line, every subcommand in it (the usage of {@code certsd-studio} itself lists them). */
    public static CommandLine commandLine() {
        noGroovy();
        CommandLine cl = new CommandLine(new CertsdCommand());
        COMMANDS.forEach(c -> cl.addSubcommand(c.getValue()));
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, new CommandList());
        return cl;
    }

    /**
     * picocli looks for Groovy's closure class when it first builds a model, unless told not to: a class in no jar,
     * looked for in every jar of the class path at every start (37 ms of the main thread before a {@code test}
     * could begin). No command of ours is written in Groovy.
     */
    private static void noGroovy() {
        if (System.getProperty("picocli.disable.closures") == null) {
            System.setProperty("picocli.disable.closures", "true");
        }
    }

    /**
     * The command line for {@code args}: when the first argument names a subcommand, only that one is built.
     * picocli builds a command's model by reflection when it is added; building all of them cost about 25 ms of
     * every run (a check of an empty root: 0.26 s -> 0.235 s). Anything else gets them all.
     */
    static CommandLine commandLine(String[] args) {
        noGroovy();
        String first = args.length > 0 ? args[0] : "";
        for (Map.Entry<String, Class<?>> c : COMMANDS) {
            if (c.getKey().equals(first)) {
                CommandLine cl = new CommandLine(new CertsdCommand());
                cl.addSubcommand(c.getValue());
                return cl;
            }
        }
        return commandLine();
    }

    /**
     * Whether {@link #run} takes {@link QuickCheck}'s way for {@code args}: the main thread then reads certificates at
     * once, and a warm-up beside it (app.Warmup, for the time picocli's model takes) would only repeat its work.
     */
    public static boolean runsQuickly(String[] args) {
        return QUICK && QuickCheck.takes(args);
    }

    /** Reports a command's error on its (guarded) error stream; the exit code: 1 for a refused change, else 2. */
    static int failed(Exception ex, PrintWriter err) {
        if (ex instanceof dev.certsd.files.ChangeException refused) {
            // A change refused before it began (an unsafe journal, a directory root must not write): not changed.
            err.println(TerminalText.text(refused.problem().message(java.util.Locale.getDefault())));
            return 1;
        }
        String message = ex instanceof InputFiles.TooLarge t
                ? String.format(RootOptions.text().getString("error.tooLarge"), t.name(), InputFiles.TooLarge.limit())
                : ex.getMessage() != null ? ex.getMessage() : ex.toString();
        err.println(TerminalText.text(message));
        return 2;
    }

    /** Runs the command line with the given streams; returns the exit code (0 ok, 1 findings, 2 usage or I/O). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Integer quick = QUICK ? QuickCheck.run(args, out, err) : null;
        if (quick != null) {
            out.flush();
            err.flush();
            return quick;
        }
        return runPicocli(args, out, err);
    }

    /** {@link #run} through picocli's model, whatever the arguments. */
    static int runPicocli(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(args);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> failed(ex, commandLine.getErr()));
        // What a command prints goes through the terminal guard (control characters shown, not acted on); the usage
        // help does not, so picocli may still colour it on a terminal. A usage error quotes what was typed.
        PrintWriter safeOut = TerminalText.guard(out, false);
        PrintWriter safeErr = TerminalText.guard(err, true);
        cl.setExecutionStrategy(parseResult -> {
            Integer help = CommandLine.executeHelpRequest(parseResult);
            if (help != null) {
                return help;
            }
            for (CommandLine c : parseResult.asCommandLineList()) {
                c.setOut(safeOut);
                c.setErr(safeErr);
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        CommandLine.IParameterExceptionHandler usageError = cl.getParameterExceptionHandler();
        cl.setParameterExceptionHandler((ex, arguments) -> usageError.handleParseException(
                TerminalText.needsQuoting(ex.getMessage())
                        ? new CommandLine.ParameterException(ex.getCommandLine(), TerminalText.text(ex.getMessage()), ex)
                        : ex, arguments));
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
