package dev.certsd.cli;

import dev.certsd.files.PreparedApply;
import dev.certsd.files.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code apply-prepared DIR}: the privileged helper the app runs through pkexec. It applies a prepared change
 * exactly as prepared, after checking every content and path, and nothing else. Who asked is read from pkexec's
 * {@code PKEXEC_UID} (or sudo's {@code SUDO_UID}); the engine checks the rest ({@link PreparedApply}).
 */
@Command(name = "apply-prepared", mixinStandardHelpOptions = true)
final class ApplyPreparedCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", descriptionKey = "applyPrepared.dir")
    Path dir;

    /**
     * Another list of custom roots than {@code /etc/certsd-studio/roots}, for tests and packagers; it must be root's
     * own all the same. The policy's wrapper passes exactly {@code apply-prepared -- DIR}, so nobody adds this
     * through the privilege prompt.
     */
    @CommandLine.Option(names = "--roots-file", hidden = true, descriptionKey = "applyPrepared.rootsFile")
    Path rootsFile;

    @Override
    public Integer call() {
        Locale locale = Locale.getDefault();
        ResourceBundle text = ResourceBundle.getBundle("dev.certsd.cli.cli", locale);
        PreparedApply.Result r = PreparedApply.run(PreparedApply.Request.of(dir, System.getenv(), rootsFile));
        PrintWriter out = spec.commandLine().getOut();
        if (r.applied()) {
            out.println(UndoRedo.fmt(text, locale, "applyPrepared.done", TerminalText.text(r.description().render(locale))));
            StepLines.print(out, r.steps(), locale, "  ");
            return 0;
        }
        PrintWriter err = spec.commandLine().getErr();
        for (Problem p : r.problems()) {
            err.println(UndoRedo.fmt(text, locale, "applyPrepared.not", TerminalText.text(p.message(locale))));
        }
        for (Problem p : r.rollbackProblems()) {
            err.println(UndoRedo.fmt(text, locale, "applyPrepared.rollback", TerminalText.text(p.message(locale))));
        }
        return 1;
    }
}
