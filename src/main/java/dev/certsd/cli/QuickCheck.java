package dev.certsd.cli;

import dev.certsd.diagnose.RootReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code check} and {@code test} with plain arguments, run without building picocli's model of the command line: that
 * model is made by reflection over the options' annotations and took about 0.1 s of CPU in every run, as much as the
 * check of a directory itself, and before a {@code test} could begin. Only arguments whose meaning to picocli is known
 * go this way: {@code --json}, {@code --root DIR} and {@code --client CLIENT}, each at most once, and host directory
 * names (exactly one for {@code test}). Anything else (help, any other option, {@code --option=value}, a value or
 * name that is empty or starts with {@code -} or {@code @}, picocli's argument files, any {@code picocli.*} system
 * property set) is picocli's, and so is a run whose scan fails or, for {@code test}, whose host directory is not one
 * to connect to: picocli runs it again and reports the error as it always does (nothing was written and no
 * connection made by then). {@code QuickCheckTest} holds what this parse sets to what picocli sets, option by
 * option, and the output and exit code of both ways to each other.
 */
final class QuickCheck {
    private QuickCheck() {
    }

    /** The plain form's arguments after the command's name. */
    private record Plain(boolean json, Path root, String client, List<String> names) {
        RootOptions rootOptions() {
            RootOptions o = RootOptions.defaults();
            if (root != null) {
                o.root = root;
            }
            if (client != null) {
                o.client = client;
            }
            return o;
        }
    }

    /** {@code args} when they are {@code command} in the plain form; else null. */
    private static Plain plain(String[] args, String command) {
        if (args.length == 0 || !args[0].equals(command) || picocliConfigured()) {
            return null;
        }
        boolean json = false;
        Path root = null;
        String client = null;
        List<String> names = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--json") && !json) {
                json = true;
            } else if (a.equals("--root") && root == null && i + 1 < args.length && plain(args[i + 1])) {
                root = Path.of(args[++i]);
            } else if (a.equals("--client") && client == null && i + 1 < args.length && plain(args[i + 1])) {
                client = args[++i];
            } else if (plain(a)) {
                names.add(a);
            } else {
                return null;
            }
        }
        return new Plain(json, root, client, names);
    }

    /** The command as picocli would set it up for {@code args}; null when the arguments are not this plain form. */
    static CheckCommand parse(String[] args) {
        Plain p = plain(args, "check");
        if (p == null) {
            return null;
        }
        CheckCommand c = new CheckCommand();
        c.rootOptions = p.rootOptions();
        c.ssh = SshOptions.defaults();
        c.fleet = FleetOptions.defaults();
        c.json = p.json();
        if (!p.names().isEmpty()) {
            c.hostDirs = p.names();
        }
        return c;
    }

    /** {@code test} as picocli would set it up for {@code args}; null when they are not the plain form. */
    static TestCommand parseTest(String[] args) {
        Plain p = plain(args, "test");
        if (p == null || p.names().size() != 1) {
            return null;
        }
        TestCommand t = new TestCommand();
        t.rootOptions = p.rootOptions();
        t.json = p.json();
        t.timeoutSeconds = Double.parseDouble(TestCommand.DEFAULT_TIMEOUT);
        t.hostDir = p.names().get(0);
        return t;
    }

    /** Whether {@code args} take this way (until a failed scan sends them to picocli). */
    static boolean takes(String[] args) {
        return parse(args) != null || parseTest(args) != null;
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
        if (c != null) {
            return check(c, out, err);
        }
        TestCommand t = parseTest(args);
        return t == null ? null : test(t, out, err);
    }

    private static Integer check(CheckCommand c, PrintWriter out, PrintWriter err) {
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

    private static Integer test(TestCommand t, PrintWriter out, PrintWriter err) {
        dev.certsd.probe.Warmup.start(); // JSSE's start-up cost overlaps the scan, as in TestCommand.call
        TestCommand.Prepared prepared;
        try {
            prepared = t.prepare(null);
        } catch (Exception e) { // picocli reports it (a usage error needs its command line)
            return null;
        }
        try {
            return t.print(TestCommand.probe(prepared), TerminalText.guard(out, false));
        } catch (Exception e) { // as CertsdCommand's handler reports an error of a command
            return CertsdCommand.failed(e, TerminalText.guard(err, true));
        }
    }
}
