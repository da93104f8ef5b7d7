package dev.certsd.plan;

import dev.certsd.certs.PkiText;
import dev.certsd.files.Message;
import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.roots.HostDirNames;
import dev.certsd.roots.InsecureRegistries;
import dev.certsd.roots.OsFamily;
import dev.certsd.roots.RootKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A registry's host directory in one root: the exact name that root's client looks for on this OS, whether it is
 * there already, and the warnings that say when the client would not read it at all.
 *
 * @param warnings Docker skipping certs.d (loopback, insecure-registries, Docker Hub), Desktop's restart...
 */
public record HostTarget(CertsRoot root, OsFamily os, String registry, String dirName, Path path, boolean exists,
                         List<Message> warnings) {
    public HostTarget {
        warnings = List.copyOf(warnings);
    }

    /** Where {@code registry} goes in {@code root}, as its client reads it on {@code os}. */
    public static HostTarget of(RegistryInput.Valid registry, CertsRoot root, OsFamily os,
                                InsecureRegistries insecure) {
        Client client = root.client();
        String name = HostDirNames.dirNameFor(registry.registry(), client, os);
        Path path = root.path().resolve(name).toAbsolutePath().normalize();
        List<Message> warnings = new ArrayList<>();
        if (client == Client.DOCKER) {
            insecure.reasonFor(registry.hostDir()).ifPresent(r -> warnings.add(
                    PkiText.of("host.insecure." + r.kind().name(), registry.registry(), r.detail())));
        }
        if (client == Client.DOCKER && os == OsFamily.WINDOWS && !name.equals(registry.registry())) {
            warnings.add(PkiText.of("host.windowsName", name, registry.registry()));
        }
        if (root.kind() == RootKind.DOCKER_DESKTOP) {
            warnings.add(PkiText.of("host.desktopRestart"));
        }
        return new HostTarget(root, os, registry.registry(), name, path, Files.isDirectory(path), warnings);
    }

    /** Whether the client of this root would ignore the directory (Docker and an insecure registry, or Hub). */
    public boolean ignoredByClient() {
        return warnings.stream().anyMatch(t -> t.key().startsWith("host.insecure."));
    }
}
