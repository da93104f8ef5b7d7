package dev.certsd.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/** A host directory named on the command line: a name inside the root, never a path elsewhere. */
final class HostDirArg {
    private HostDirArg() {
    }

    static Path resolve(CommandLine.Model.CommandSpec spec, RootOptions root, String name) throws IOException {
        if (name.isBlank() || name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    String.format(RootOptions.text().getString("pki.error.hostDir"), name));
        }
        return root.resolveRoot(spec).path().resolve(name).toAbsolutePath().normalize();
    }

    /** Scans the host directory as {@code check} does, for the verdict after a change. */
    static PkiRun.HostCheck check(CommandLine.Model.CommandSpec spec, RootOptions root, String name) {
        return () -> root.scan(spec, List.of(name)).hosts().get(0);
    }
}
