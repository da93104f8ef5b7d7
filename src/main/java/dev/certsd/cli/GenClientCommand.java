package dev.certsd.cli;

import dev.certsd.pki.Cancel;
import dev.certsd.pki.CertificateRequests;
import dev.certsd.pki.ClientCertificates;
import dev.certsd.pki.ClientSpec;
import dev.certsd.pki.KeySpec;
import dev.certsd.pki.PendingKeys;
import dev.certsd.pki.PkiException;
import dev.certsd.pki.Planned;
import dev.certsd.pki.Progress;
import dev.certsd.pki.SigningCa;
import dev.certsd.pki.Subject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gen-client}: a client key and certificate for a host directory, three ways. */
@Command(name = "gen-client", mixinStandardHelpOptions = true,
        description = {"Make a client key and certificate (NAME.cert + NAME.key, key 0600, never encrypted) in a host "
                + "directory: self-signed (the Docker docs' recipe, with clientAuth), signed by your CA, or a request "
                + "(--csr) for a corporate CA whose key waits outside certs.d until `import-signed`.",
            "Prints the equivalent openssl commands. `undo` takes it back."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:written (or, with --dry-run, would be written)",
            "1:not written: name taken, wrong passphrase, key of another CA, refused or needs administrator rights",
            "2:usage or I/O error"})
final class GenClientCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RootOptions rootOptions;

    @Mixin
    JournalOption journal;

    @Parameters(paramLabel = "HOSTDIR", description = "The host directory in the root, e.g. reg.example.com:5000 (made when missing).")
    String hostDir;

    @Option(names = "--name", paramLabel = "N", required = true, description = "The pair's base name: N.cert and N.key.")
    String name;

    @Option(names = "--self-signed", description = "A self-signed certificate, as the Docker docs' recipe.")
    boolean selfSigned;

    @Option(names = "--ca-cert", paramLabel = "FILE", description = "Sign with this CA certificate (with --ca-key).")
    Path caCert;

    @Option(names = "--ca-key", paramLabel = "FILE", description = "The CA's private key (PEM, may be encrypted).")
    Path caKey;

    @Option(names = "--ca-passphrase-file", paramLabel = "FILE", description = "File holding the CA key's passphrase (first line).")
    Path caPassphraseFile;

    @Option(names = "--csr", paramLabel = "OUT.csr", description = "Write a request for your CA here; the key waits outside certs.d.")
    Path csr;

    @Option(names = "--pending-dir", paramLabel = "DIR", description = "Where waiting keys are kept (default: $XDG_DATA_HOME/certsd-studio/pending-keys).")
    Path pendingDir;

    @Option(names = "--key", paramLabel = "TYPE", defaultValue = "rsa4096", description = "rsa4096 (default), rsa3072, rsa2048, ec256 or ec384.")
    String key;

    @Option(names = "--cn", paramLabel = "CN", description = "Common name (default: the pair's name).")
    String cn;

    @Option(names = "--org", paramLabel = "O", description = "Organization.")
    String org;

    @Option(names = "--ou", paramLabel = "OU", description = "Organizational unit.")
    String ou;

    @Option(names = "--days", paramLabel = "N", defaultValue = "365", description = "Validity in days (default: 365).")
    int days;

    @Option(names = "--overwrite", description = "Replace an existing pair (or request file) of that name.")
    boolean overwrite;

    @Option(names = "--dry-run", description = "Print exactly what would change, and change nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        int ways = (selfSigned ? 1 : 0) + (caCert != null || caKey != null ? 1 : 0) + (csr != null ? 1 : 0);
        if (ways != 1 || (caCert == null) != (caKey == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    RootOptions.text().getString("genClient.error.how"));
        }
        KeySpec keySpec = KeySpec.fromId(key).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                String.format(RootOptions.text().getString("genClient.error.key"), key,
                        Arrays.stream(KeySpec.values()).map(KeySpec::id).collect(Collectors.joining(", ")))));
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
                char[] passphrase = caPassphraseFile == null ? null : Files.readAllLines(caPassphraseFile,
                        StandardCharsets.UTF_8).stream().findFirst().orElse("").toCharArray();
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
        return run.run(plan, journal.changes(), dryRun, csr != null ? null : HostDirArg.check(spec, rootOptions, hostDir));
    }
}
