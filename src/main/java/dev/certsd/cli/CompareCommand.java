package dev.certsd.cli;

import dev.certsd.compare.Comparer;
import dev.certsd.compare.Comparison;
import dev.certsd.compare.Side;
import dev.certsd.diagnose.MachineOptions;
import dev.certsd.layout.Client;
import dev.certsd.remote.RemoteAccess;
import dev.certsd.remote.RemoteMachine;
import dev.certsd.remote.SshPath;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code compare A B}: two roots or two host directories side by side, local or over SSH. */
@Command(name = "compare", mixinStandardHelpOptions = true)
final class CompareCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", descriptionKey = "option.json")
    boolean json;

    @Option(names = "--client", paramLabel = "CLIENT", defaultValue = "docker", descriptionKey = "option.client")
    String client;

    @Mixin
    SshOptions ssh;

    @Parameters(index = "0", paramLabel = "A", descriptionKey = "compare.left")
    String left;

    @Parameters(index = "1", paramLabel = "B", descriptionKey = "compare.right")
    String right;

    /** One side, read while its machine is connected. */
    private record Read(Side side, boolean hostDir, Object report) {
    }

    @Override
    public Integer call() throws IOException {
        Client c = Client.fromId(client).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                String.format(RootOptions.text().getString("error.client"), client)));
        RemoteAccess access = null;
        try {
            Read l = read(left, c, access = accessFor(left, access));
            Read r = read(right, c, access = accessFor(right, access));
            if (l.hostDir() != r.hostDir()) {
                throw new CommandLine.ParameterException(spec.commandLine(), String.format(
                        RootOptions.text().getString("compare.error.kinds"), left, right));
            }
            Comparison cmp = l.hostDir()
                    ? Comparer.hostDirs(l.side().label(), (dev.certsd.diagnose.HostReport) l.report(),
                            r.side().label(), (dev.certsd.diagnose.HostReport) r.report())
                    : Comparer.roots(l.side().label(), (dev.certsd.diagnose.RootReport) l.report(),
                            r.side().label(), (dev.certsd.diagnose.RootReport) r.report());
            if (json) {
                CompareJson.write(cmp, spec.commandLine().getOut());
            } else {
                new CompareText(spec.commandLine().getOut(), Locale.getDefault()).print(cmp);
            }
            return cmp.verdictsDiffer() ? 1 : 0;
        } finally {
            if (access != null) {
                access.close();
            }
        }
    }

    private RemoteAccess accessFor(String arg, RemoteAccess existing) throws IOException {
        if (existing != null || SshPath.parse(arg).isEmpty()) {
            return existing;
        }
        return new RemoteAccess(ssh.settings(spec));
    }

    private Read read(String arg, Client c, RemoteAccess access) throws IOException {
        var remote = SshPath.parse(arg);
        try {
            if (remote.isEmpty()) {
                Side side = new Side(arg, Path.of(arg), MachineOptions.ofThisMachine());
                boolean hostDir = side.isHostDir();
                return new Read(side, hostDir, hostDir ? side.scanHostDir(c) : side.scanRoot(c));
            }
            try (RemoteMachine m = access.open(remote.get().target())) {
                Side side = new Side(remote.get().label(), m.path(remote.get().path()), m.machineOptions());
                return m.read(() -> {
                    boolean hostDir = side.isHostDir();
                    return new Read(side, hostDir, hostDir ? side.scanHostDir(c) : side.scanRoot(c));
                });
            }
        } catch (NoSuchFileException e) {
            throw new IOException(String.format(RootOptions.text().getString("error.noSuchDir"), arg), e);
        } catch (NotDirectoryException e) {
            throw new IOException(String.format(RootOptions.text().getString("error.notDir"), arg), e);
        }
    }
}
