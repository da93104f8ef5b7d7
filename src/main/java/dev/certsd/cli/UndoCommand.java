package dev.certsd.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code undo}: takes back the most recent change, restoring the files byte for byte. */
@Command(name = "undo", mixinStandardHelpOptions = true)
final class UndoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    JournalOption journal;

    @Option(names = "--json", descriptionKey = "option.json")
    boolean json;

    @Override
    public Integer call() throws IOException {
        return UndoRedo.report(journal.runner().undo(), json, spec.commandLine().getOut());
    }
}
