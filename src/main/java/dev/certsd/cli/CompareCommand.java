package dev.certsd.cli;

import dev.certsd.compare.CompareRun;
import dev.certsd.compare.Comparison;
import dev.certsd.roots.Client;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code compare A B}: two roots or two host directories side by side, local or over SSH. */
@Command(name = "compare", mixinStandardHelpOptions = true)
final class CompareCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", descriptionKey = "option.json")
    boolean json;

    @Option(names = "--client", paramLabel = "CLIENT", defaultValue = "docker", descriptionKey = "option.client")
    String client;

    @Mixin
    SshOptions ssh;

    @Parameters(index = "0", paramLabel = "A", descriptionKey = "compare.left")
    String left;

    @Parameters(index = "1", paramLabel = "B", descriptionKey = "compare.right")
    String right;

    @Override
    public Integer call() throws IOException {
        Client c = Client.fromId(client).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                String.format(RootOptions.text().getString("error.client"), client)));
        Comparison cmp;
        try {
            cmp = CompareRun.run(left, right, c, ssh.settings(spec));
        } catch (NoSuchFileException e) {
            throw new IOException(String.format(RootOptions.text().getString("error.noSuchDir"), e.getFile()), e);
        } catch (NotDirectoryException e) {
            throw new IOException(String.format(RootOptions.text().getString("error.notDir"), e.getFile()), e);
        }
        if (json) {
            CompareJson.write(cmp, spec.commandLine().getOut());
        } else {
            new CompareText(spec.commandLine().getOut(), Locale.getDefault()).print(cmp);
        }
        return cmp.verdictsDiffer() ? 1 : 0;
    }
}
