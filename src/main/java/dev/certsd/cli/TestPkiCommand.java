package dev.certsd.cli;

import dev.certsd.roots.HostDirNames;
import dev.certsd.certs.Cancel;
import dev.certsd.plan.HostTarget;
import dev.certsd.certs.KeySpec;
import dev.certsd.certs.PkiException;
import dev.certsd.plan.Planned;
import dev.certsd.pki.Progress;
import dev.certsd.plan.RegistryInput;
import dev.certsd.pki.RegistryTestPki;
import dev.certsd.certs.Subject;
import dev.certsd.pki.TestPkiSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code test-pki}: a registry CA, server certificate, client CA and client certificate for your own registry. */
@Command(name = "test-pki", mixinStandardHelpOptions = true)
final class TestPkiCommand extends WriteCommand {
    @Option(names = "--registry", paramLabel = "HOST[:PORT]", required = true, descriptionKey = "testPki.registry")
    String registry;

    @Option(names = "--san", paramLabel = "NAME", descriptionKey = "testPki.san")
    List<String> sans = new ArrayList<>();

    @Option(names = "--server-out", paramLabel = "DIR", required = true, descriptionKey = "testPki.serverOut")
    Path serverOut;

    @Option(names = "--storage", paramLabel = "DIR", descriptionKey = "testPki.storage")
    Path storage;

    @Option(names = "--name", paramLabel = "N", defaultValue = "client", descriptionKey = "testPki.name")
    String name;

    @Option(names = "--cn", paramLabel = "CN", descriptionKey = "testPki.cn")
    String cn;

    @Option(names = "--org", paramLabel = "O", descriptionKey = "testPki.org")
    String org;

    @Mixin
    KeyTypeOption keyType;

    @Option(names = "--days", paramLabel = "N", defaultValue = "365", descriptionKey = "testPki.days")
    int days;

    @Option(names = "--overwrite", descriptionKey = "testPki.overwrite")
    boolean overwrite;

    @Override
    public Integer call() throws IOException {
        KeySpec keySpec = keyType.keySpec(spec);
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
        return run.run(plan, journal.runner(), dryRun, HostDirArg.check(spec, rootOptions, dirName));
    }
}
