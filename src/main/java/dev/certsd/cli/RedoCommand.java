package dev.certsd.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code redo}: applies again the change undone last. */
@Command(name = "redo", mixinStandardHelpOptions = true)
final class RedoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    JournalOption journal;

    @Option(names = "--json", descriptionKey = "option.json")
    boolean json;

    @Override
    public Integer call() throws IOException {
        return UndoRedo.report(journal.runner().redo(), json, spec.commandLine().getOut());
    }
}
