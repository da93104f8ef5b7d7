package dev.certsd.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code undo}: takes back the most recent change, restoring the files byte for byte. */
@Command(name = "undo", mixinStandardHelpOptions = true,
        description = "Take back the most recent change (fix, import, delete), restoring the files byte for byte.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:undone", "1:not undone (nothing to undo, files changed since, or administrator rights needed)",
            "2:usage or I/O error"})
final class UndoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    JournalOption journal;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        return UndoRedo.report(journal.changes().undo(), true, json, spec.commandLine().getOut());
    }
}
