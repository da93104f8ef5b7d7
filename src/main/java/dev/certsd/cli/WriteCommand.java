package dev.certsd.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What every command that writes into a certs root takes: the root, the journal, a dry run, JSON output. */
abstract class WriteCommand extends JournalCommand {
    @Mixin
    RootOptions rootOptions;

    @Option(names = "--dry-run", descriptionKey = "option.dryRun")
    boolean dryRun;
}
