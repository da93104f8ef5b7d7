package dev.certsd.cli;

import dev.certsd.certs.Cancel;
import dev.certsd.pki.CertificateRequests;
import dev.certsd.pki.ClientCertificates;
import dev.certsd.pki.ClientSpec;
import dev.certsd.certs.KeySpec;
import dev.certsd.pki.PendingKeys;
import dev.certsd.certs.PkiException;
import dev.certsd.plan.Planned;
import dev.certsd.pki.Progress;
import dev.certsd.certs.SigningCa;
import dev.certsd.certs.Subject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gen-client}: a client key and certificate for a host directory, three ways. */
@Command(name = "gen-client", mixinStandardHelpOptions = true)
final class GenClientCommand extends WriteCommand {
    @Parameters(paramLabel = "HOSTDIR", descriptionKey = "genClient.hostDir")
    String hostDir;

    @Option(names = "--name", paramLabel = "N", required = true, descriptionKey = "option.pairName")
    String name;

    @Option(names = "--self-signed", descriptionKey = "genClient.selfSigned")
    boolean selfSigned;

    @Option(names = "--ca-cert", paramLabel = "FILE", descriptionKey = "genClient.caCert")
    Path caCert;

    @Option(names = "--ca-key", paramLabel = "FILE", descriptionKey = "genClient.caKey")
    Path caKey;

    @Option(names = "--ca-passphrase-file", paramLabel = "FILE", descriptionKey = "genClient.caPassphraseFile")
    Path caPassphraseFile;

    @Option(names = "--csr", paramLabel = "OUT.csr", descriptionKey = "genClient.csr")
    Path csr;

    @Option(names = "--pending-dir", paramLabel = "DIR", descriptionKey = "option.pendingDir")
    Path pendingDir;

    @Mixin
    KeyTypeOption keyType;

    @Option(names = "--cn", paramLabel = "CN", descriptionKey = "genClient.cn")
    String cn;

    @Option(names = "--org", paramLabel = "O", descriptionKey = "genClient.org")
    String org;

    @Option(names = "--ou", paramLabel = "OU", descriptionKey = "genClient.ou")
    String ou;

    @Option(names = "--days", paramLabel = "N", defaultValue = "365", descriptionKey = "genClient.days")
    int days;

    @Option(names = "--overwrite", descriptionKey = "genClient.overwrite")
    boolean overwrite;

    @Override
    public Integer call() throws IOException {
        int ways = (selfSigned ? 1 : 0) + (caCert != null || caKey != null ? 1 : 0) + (csr != null ? 1 : 0);
        if (ways != 1 || (caCert == null) != (caKey == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    RootOptions.text().getString("genClient.error.how"));
        }
        KeySpec keySpec = keyType.keySpec(spec);
        Path dir = HostDirArg.resolve(spec, rootOptions, hostDir);
        ClientSpec cs = new ClientSpec(dir, name, keySpec, new Subject(cn != null ? cn : name, org, ou), days, overwrite);
        PkiRun run = new PkiRun(spec.commandLine().getOut(), json, "gen-client");
        Clock clock = Clock.systemUTC();
        Planned plan;
        try {
            if (selfSigned) {
                plan = new ClientCertificates(clock).selfSigned(cs, Cancel.none(), Progress.NONE);
            } else if (csr != null) {
                PendingKeys pending = new PendingKeys(pendingDir != null ? pendingDir : PendingKeys.defaultDirectory());
                plan = new CertificateRequests(clock, pending).request(cs, csr, Cancel.none(), Progress.NONE);
            } else {
                char[] passphrase = caPassphraseFile == null ? null : PassphraseFile.firstLine(caPassphraseFile);
                SigningCa ca;
                try {
                    ca = SigningCa.read(caCert, caKey, passphrase);
                } finally {
                    if (passphrase != null) {
                        Arrays.fill(passphrase, '\0');
                    }
                }
                plan = new ClientCertificates(clock).signedBy(cs, ca, Cancel.none(), Progress.NONE);
            }
        } catch (PkiException e) {
            return run.refused(e.text());
        }
        // A request writes nothing into certs.d yet: there is no host directory to check.
        return run.run(plan, journal.runner(), dryRun, csr != null ? null : HostDirArg.check(spec, rootOptions, hostDir));
    }
}
