package dev.certsd.cli;

import dev.certsd.pki.CertificateRequests;
import dev.certsd.pki.PendingKeys;
import dev.certsd.pki.PkiException;
import dev.certsd.pki.Planned;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code import-signed}: the certificate a CA signed for a request made by {@code gen-client --csr}. */
@Command(name = "import-signed", mixinStandardHelpOptions = true,
        description = {"Import the certificate your CA signed: it must fit a key waiting from `gen-client --csr`; "
                + "writes NAME.cert and NAME.key (0600) together, and the waiting key leaves the data directory.",
            "`undo` takes it back (the key waits again)."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:imported", "1:not imported: fits no waiting key, name taken, refused", "2:usage or I/O error"})
final class ImportSignedCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RootOptions rootOptions;

    @Mixin
    JournalOption journal;

    @Parameters(index = "0", paramLabel = "HOSTDIR", description = "The host directory in the root.")
    String hostDir;

    @Parameters(index = "1", paramLabel = "CERTFILE", description = "The signed certificate (PEM, DER or PKCS#7, chain allowed).")
    Path certFile;

    @Option(names = "--name", paramLabel = "N", required = true, description = "The pair's base name: N.cert and N.key.")
    String name;

    @Option(names = "--pending-dir", paramLabel = "DIR", description = "Where waiting keys are kept (default: $XDG_DATA_HOME/certsd-studio/pending-keys).")
    Path pendingDir;

    @Option(names = "--overwrite", description = "Replace an existing pair of that name.")
    boolean overwrite;

    @Option(names = "--dry-run", description = "Print exactly what would change, and change nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        Path dir = HostDirArg.resolve(spec, rootOptions, hostDir);
        PendingKeys pending = new PendingKeys(pendingDir != null ? pendingDir : PendingKeys.defaultDirectory());
        PkiRun run = new PkiRun(spec.commandLine().getOut(), json, "import-signed");
        Planned plan;
        try {
            plan = new CertificateRequests(Clock.systemUTC(), pending).importSigned(dir, name,
                    Files.readAllBytes(certFile), overwrite);
        } catch (PkiException e) {
            return run.refused(e.text());
        }
        return run.run(plan, journal.changes(), dryRun, HostDirArg.check(spec, rootOptions, hostDir));
    }
}
