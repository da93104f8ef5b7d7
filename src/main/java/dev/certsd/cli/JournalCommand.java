package dev.certsd.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What every command over the undo journal takes: where the journal is, and JSON output. */
abstract class JournalCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    JournalOption journal;

    @Option(names = "--json", descriptionKey = "option.json")
    boolean json;
}
