package dev.certsd.plan;

import dev.certsd.certs.PkiException;
import dev.certsd.certs.PkiText;
import dev.certsd.files.FileModes;
import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.InsecureRegistries;
import dev.certsd.roots.OsFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The new-registry wizard's engine: the registry as typed, its directory in each chosen root, and the change that
 * makes the directories that are missing (roots too, when the client has never had one).
 */
public final class NewHostDirectory {
    private NewHostDirectory() {
    }

    /** The registry's directory in each root, with the warnings of each. */
    public static List<HostTarget> targets(RegistryInput.Valid registry, List<CertsRoot> roots, OsFamily os,
                                           InsecureRegistries insecure) {
        return roots.stream().map(r -> HostTarget.of(registry, r, os, insecure)).toList();
    }

    /** The change that makes the missing directories (0755); empty when every one exists already. */
    public static Optional<Planned> plan(RegistryInput.Valid registry, List<HostTarget> targets) throws PkiException {
        Writes w = new Writes();
        OpensslSteps commands = new OpensslSteps().comment(PkiText.of("openssl.newHost"));
        List<dev.certsd.files.Message> notes = new ArrayList<>(registry.notes());
        boolean any = false;
        for (HostTarget t : targets) {
            notes.addAll(t.warnings());
            if (!t.exists()) {
                w.directory(t.path(), FileModes.DIRECTORY);
                commands.line("mkdir -p " + Shell.q(t.path()));
                any = true;
            }
        }
        if (!any) {
            return Optional.empty();
        }
        return Optional.of(new Planned(w.changeSet(PkiText.of("change.newHost", registry.registry(),
                String.join(", ", targets.stream().filter(t -> !t.exists()).map(t -> t.path().toString()).toList()))), null, notes,
                commands.script(), List.of()));
    }
}
