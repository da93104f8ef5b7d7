package dev.certsd.cli;

import java.io.IOException;
import picocli.CommandLine.Command;

/** {@code redo}: applies again the change undone last. */
@Command(name = "redo", mixinStandardHelpOptions = true)
final class RedoCommand extends JournalCommand {
    @Override
    public Integer call() throws IOException {
        return UndoRedo.report(journal.runner().redo(), json, spec.commandLine().getOut());
    }
}
