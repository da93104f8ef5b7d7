package dev.certsd.cli;

import dev.certsd.roots.CertsRoot;
import dev.certsd.plan.HostTarget;
import dev.certsd.plan.NewHostDirectory;
import dev.certsd.certs.PkiException;
import dev.certsd.plan.Planned;
import dev.certsd.plan.RegistryInput;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code new-host}: the host directory of a registry as typed in {@code docker pull}. */
@Command(name = "new-host", mixinStandardHelpOptions = true)
final class NewHostCommand extends WriteCommand {
    @Parameters(paramLabel = "REGISTRY", descriptionKey = "newHost.registry")
    String registry;

    @Override
    public Integer call() throws IOException {
        PkiRun run = new PkiRun(spec.commandLine().getOut(), json, "new-host");
        RegistryInput input = RegistryInput.parse(registry);
        if (input instanceof RegistryInput.Invalid invalid) {
            return run.refused(invalid.problem());
        }
        RegistryInput.Valid valid = (RegistryInput.Valid) input;
        CertsRoot root = rootOptions.resolveRoot(spec);
        HostTarget target = NewHostDirectory.targets(valid, List.of(root), rootOptions.osFamily(spec),
                rootOptions.insecure()).get(0);
        run.put("registry", valid.registry()).put("dirName", target.dirName()).put("path", target.path().toString())
                .put("ignoredByDocker", target.ignoredByClient())
                .put("warnings", target.warnings().stream().map(t -> t.render(Locale.ENGLISH)).toList());
        run.line("newHost.target", valid.registry(), target.path());
        Optional<Planned> plan;
        try {
            plan = NewHostDirectory.plan(valid, List.of(target));
        } catch (PkiException e) {
            return run.refused(e.text());
        }
        if (plan.isEmpty()) {
            valid.notes().forEach(t -> run.line(t));
            target.warnings().forEach(t -> run.line(t));
            run.put("outcome", "exists");
            run.line("newHost.exists", target.path());
            if (json) {
                run.print();
            }
            return 0;
        }
        return run.run(plan.get(), journal.runner(), dryRun,
                HostDirArg.check(spec, rootOptions, target.dirName()));
    }
}
