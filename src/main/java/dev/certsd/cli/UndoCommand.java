package dev.certsd.cli;

import java.io.IOException;
import picocli.CommandLine.Command;

/** {@code undo}: takes back the most recent change, restoring the files byte for byte. */
@Command(name = "undo", mixinStandardHelpOptions = true)
final class UndoCommand extends JournalCommand {
    @Override
    public Integer call() throws IOException {
        return UndoRedo.report(journal.runner().undo(), json, spec.commandLine().getOut());
    }
}
