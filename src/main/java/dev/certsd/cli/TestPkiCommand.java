package dev.certsd.cli;

import dev.certsd.layout.HostDirNames;
import dev.certsd.pki.Cancel;
import dev.certsd.pki.HostTarget;
import dev.certsd.pki.KeySpec;
import dev.certsd.pki.PkiException;
import dev.certsd.pki.Planned;
import dev.certsd.pki.Progress;
import dev.certsd.pki.RegistryInput;
import dev.certsd.pki.RegistryTestPki;
import dev.certsd.pki.Subject;
import dev.certsd.pki.TestPkiSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code test-pki}: a registry CA, server certificate, client CA and client certificate for your own registry. */
@Command(name = "test-pki", mixinStandardHelpOptions = true,
        description = {"Make a test PKI for a registry you run: registry CA, server certificate (with the SANs given), "
                + "client CA and client certificate. The client side goes into the registry's host directory (ca.crt, "
                + "NAME.cert, NAME.key); the server side into --server-out with a ready config.yml (docker-registry "
                + "serve) and an nginx snippet.", "`undo` takes it all back."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:written", "1:not written: bad name, files exist, refused", "2:usage or I/O error"})
final class TestPkiCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RootOptions rootOptions;

    @Mixin
    JournalOption journal;

    @Option(names = "--registry", paramLabel = "HOST[:PORT]", required = true, description = "The registry as in docker pull.")
    String registry;

    @Option(names = "--san", paramLabel = "NAME", description = "A further host name or IP address of the server (repeatable).")
    List<String> sans = new ArrayList<>();

    @Option(names = "--server-out", paramLabel = "DIR", required = true, description = "Folder for the server side.")
    Path serverOut;

    @Option(names = "--storage", paramLabel = "DIR", description = "The registry's storage directory in config.yml (default: /var/lib/docker-registry).")
    Path storage;

    @Option(names = "--name", paramLabel = "N", defaultValue = "client", description = "The client pair's base name (default: client).")
    String name;

    @Option(names = "--cn", paramLabel = "CN", description = "The client certificate's common name (default: the pair's name).")
    String cn;

    @Option(names = "--org", paramLabel = "O", description = "Organization of every certificate.")
    String org;

    @Option(names = "--key", paramLabel = "TYPE", defaultValue = "rsa4096", description = "rsa4096 (default), rsa3072, rsa2048, ec256 or ec384.")
    String key;

    @Option(names = "--days", paramLabel = "N", defaultValue = "365", description = "Validity of the server and client certificates in days (default: 365).")
    int days;

    @Option(names = "--overwrite", description = "Replace files of the same names.")
    boolean overwrite;

    @Option(names = "--dry-run", description = "Print exactly what would change, and change nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        KeySpec keySpec = KeySpec.fromId(key).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                String.format(RootOptions.text().getString("genClient.error.key"), key,
                        Arrays.stream(KeySpec.values()).map(KeySpec::id).collect(Collectors.joining(", ")))));
        PkiRun run = new PkiRun(spec.commandLine().getOut(), json, "test-pki");
        RegistryInput input = RegistryInput.parse(registry);
        if (input instanceof RegistryInput.Invalid invalid) {
            return run.refused(invalid.problem());
        }
        RegistryInput.Valid valid = (RegistryInput.Valid) input;
        String dirName = HostDirNames.dirNameFor(valid.registry(), rootOptions.client(spec), rootOptions.osFamily(spec));
        Path hostDir = HostDirArg.resolve(spec, rootOptions, dirName);
        TestPkiSpec tps = new TestPkiSpec(valid, sans, hostDir, serverOut, name, new Subject(cn != null ? cn : name,
                org, ""), keySpec, days, storage != null ? storage : TestPkiSpec.DEFAULT_STORAGE, overwrite);
        run.put("serverFiles", RegistryTestPki.serverFiles(serverOut).toString());
        // The client side is written anyway (podman reads it); Docker's skipping it is worth saying first.
        HostTarget target = HostTarget.of(valid, rootOptions.resolveRoot(spec), rootOptions.osFamily(spec),
                rootOptions.insecure());
        run.put("warnings", target.warnings().stream().map(t -> t.render(Locale.ENGLISH)).toList());
        target.warnings().forEach(t -> run.line(t));
        Planned plan;
        try {
            plan = new RegistryTestPki(Clock.systemUTC()).plan(tps, Cancel.none(), Progress.NONE);
        } catch (PkiException e) {
            return run.refused(e.text());
        }
        return run.run(plan, journal.changes(), dryRun, HostDirArg.check(spec, rootOptions, dirName));
    }
}
