package dev.certsd.cli;

import dev.certsd.pki.CertificateRequests;
import dev.certsd.pki.PendingKeys;
import dev.certsd.certs.PkiException;
import dev.certsd.plan.Planned;
import dev.certsd.material.InputFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code import-signed}: the certificate a CA signed for a request made by {@code gen-client --csr}. */
@Command(name = "import-signed", mixinStandardHelpOptions = true)
final class ImportSignedCommand extends WriteCommand {
    @Parameters(index = "0", paramLabel = "HOSTDIR", descriptionKey = "importSigned.hostDir")
    String hostDir;

    @Parameters(index = "1", paramLabel = "CERTFILE", descriptionKey = "importSigned.certFile")
    Path certFile;

    @Option(names = "--name", paramLabel = "N", required = true, descriptionKey = "option.pairName")
    String name;

    @Option(names = "--pending-dir", paramLabel = "DIR", descriptionKey = "option.pendingDir")
    Path pendingDir;

    @Option(names = "--overwrite", descriptionKey = "importSigned.overwrite")
    boolean overwrite;

    @Override
    public Integer call() throws IOException {
        Path dir = HostDirArg.resolve(spec, rootOptions, hostDir);
        PendingKeys pending = new PendingKeys(pendingDir != null ? pendingDir : PendingKeys.defaultDirectory());
        PkiRun run = new PkiRun(spec.commandLine().getOut(), json, "import-signed");
        Planned plan;
        try {
            plan = new CertificateRequests(Clock.systemUTC(), pending).importSigned(dir, name,
                    InputFiles.read(certFile), overwrite);
        } catch (PkiException e) {
            return run.refused(e.text());
        }
        return run.run(plan, journal.runner(), dryRun, HostDirArg.check(spec, rootOptions, hostDir));
    }
}
