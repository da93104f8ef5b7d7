package dev.certsd.cli;

import dev.certsd.diagnose.RootReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code check} with plain arguments, run without building picocli's model of the command line: that model is made
 * by reflection over the options' annotations and took about 0.1 s of CPU in every run, as much as the check of a
 * directory itself. Only arguments whose meaning to picocli is known go this way: {@code --json}, {@code --root DIR}
 * and {@code --client CLIENT}, each at most once, and host directory names. Anything else (help, any other option,
 * {@code --option=value}, a value or name that is empty or starts with {@code -} or {@code @}, picocli's argument
 * files, any {@code picocli.*} system property set) is picocli's, and so is a run whose scan fails: picocli runs it again and reports the error as it always
 * does. {@code QuickCheckTest} holds what this parse sets to what picocli sets, option by option, and the output and
 * exit code of both ways to each other.
 */
final class QuickCheck {
    private QuickCheck() {
    }

    /** The command as picocli would set it up for {@code args}; null when the arguments are not this plain form. */
    static CheckCommand parse(String[] args) {
        if (args.length == 0 || !args[0].equals("check") || picocliConfigured()) {
            return null;
        }
        CheckCommand c = new CheckCommand();
        c.rootOptions = RootOptions.defaults();
        c.ssh = SshOptions.defaults();
        c.fleet = FleetOptions.defaults();
        boolean root = false;
        boolean client = false;
        List<String> hostDirs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--json") && !c.json) {
                c.json = true;
            } else if (a.equals("--root") && !root && i + 1 < args.length && plain(args[i + 1])) {
                c.rootOptions.root = Path.of(args[++i]);
                root = true;
            } else if (a.equals("--client") && !client && i + 1 < args.length && plain(args[i + 1])) {
                c.rootOptions.client = args[++i];
                client = true;
            } else if (plain(a)) {
                hostDirs.add(a);
            } else {
                return null;
            }
        }
        if (!hostDirs.isEmpty()) {
            c.hostDirs = hostDirs;
        }
        return c;
    }

    /**
     * Whether a {@code picocli.*} system property is set: some change how picocli reads arguments (
     * {@code picocli.trimQuotes} takes the quotes off {@code "--json"}, {@code picocli.useSimplifiedAtFiles} reads
     * argument files otherwise), so with any of them set, picocli reads all arguments. Not
     * {@code picocli.disable.closures}, which {@code CertsdCommand} sets itself and which reads no argument.
     */
    private static boolean picocliConfigured() {
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("picocli.") && !name.equals("picocli.disable.closures")) {
                return true;
            }
        }
        return false;
    }

    /** An argument picocli takes as it is: not empty, not option-like, not an argument file, no NUL. */
    private static boolean plain(String a) {
        return !a.isEmpty() && a.charAt(0) != '-' && a.charAt(0) != '@' && a.indexOf('\0') < 0;
    }

    /**
     * Runs {@code args} this way when they are of the plain form and the scan succeeds; the exit code, or null when
     * picocli must run them (nothing was written then).
     */
    static Integer run(String[] args, PrintWriter out, PrintWriter err) {
        CheckCommand c = parse(args);
        if (c == null) {
            return null;
        }
        RootReport report;
        try {
            report = c.rootOptions.scan(null, c.hostDirs);
        } catch (Exception e) { // a usage error needs picocli's command line to report it; any other error as well
            return null;
        }
        try {
            return CheckCommand.print(report, c.json, TerminalText.guard(out, false));
        } catch (Exception e) { // as CertsdCommand's handler reports an error of a command
            return CertsdCommand.failed(e, TerminalText.guard(err, true));
        }
    }
}
