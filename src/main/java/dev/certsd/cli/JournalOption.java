package dev.certsd.cli;

import dev.certsd.change.ChangeRunner;
import dev.certsd.files.FileChanges;
import dev.certsd.files.Journal;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the undo journal is: the user's data directory unless told otherwise (tests, a second profile). */
final class JournalOption {
    @Option(names = "--journal", paramLabel = "DIR", descriptionKey = "option.journal")
    Path journal;

    FileChanges changes() throws IOException {
        return new FileChanges(Journal.open(journal != null ? journal : Journal.defaultDirectory()));
    }

    /** The change workflow over that journal. */
    ChangeRunner runner() throws IOException {
        return new ChangeRunner(changes());
    }
}
