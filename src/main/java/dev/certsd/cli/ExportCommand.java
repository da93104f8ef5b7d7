package dev.certsd.cli;

import dev.certsd.compare.Side;
import dev.certsd.diagnose.HostReport;
import dev.certsd.diagnose.MachineOptions;
import dev.certsd.export.AnsibleExport;
import dev.certsd.export.ExportSource;
import dev.certsd.export.K3sExport;
import dev.certsd.export.KubernetesExport;
import dev.certsd.files.FileModes;
import dev.certsd.roots.Client;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code export --format ansible|kubernetes|k3s HOSTDIR --out DIR}: what the engines teams already run need to
 * install a host directory (or a whole root) on their machines. Names the files written, never their contents.
 */
@Command(name = "export", mixinStandardHelpOptions = true)
final class ExportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", required = true, descriptionKey = "export.format")
    String format;

    @Option(names = "--out", paramLabel = "DIR", required = true, descriptionKey = "export.out")
    Path out;

    @Option(names = "--namespace", paramLabel = "NS", defaultValue = "kube-system", descriptionKey = "export.namespace")
    String namespace;

    @Option(names = "--docker", descriptionKey = "export.docker")
    boolean docker;

    @Option(names = "--client", paramLabel = "CLIENT", defaultValue = "docker", descriptionKey = "option.client")
    String client;

    @Parameters(paramLabel = "HOSTDIR", arity = "1", descriptionKey = "export.hostDir")
    Path hostDir;

    @Override
    public Integer call() throws IOException {
        Client c = Client.fromId(client).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                String.format(RootOptions.text().getString("error.client"), client)));
        if (!List.of("ansible", "kubernetes", "k3s").contains(format)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    String.format(RootOptions.text().getString("export.error.format"), format));
        }
        if (!namespace.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    String.format(RootOptions.text().getString("export.error.namespace"), namespace));
        }
        List<ExportSource> sources = new ArrayList<>();
        Side side = new Side(hostDir.toString(), hostDir, MachineOptions.ofThisMachine());
        try {
            sources(side, c, sources);
        } catch (dev.certsd.export.ExportException e) {
            spec.commandLine().getErr().println(TerminalText.text(e.getMessage()));
            return 1;
        }
        if (sources.isEmpty()) {
            throw new IOException(String.format(RootOptions.text().getString("export.error.nothing"), hostDir));
        }
        return write(sources);
    }

    private void sources(Side side, Client c, List<ExportSource> sources) throws IOException {
        try {
            if (side.isHostDir()) {
                sources.add(ExportSource.of(side.scanHostDir(c)));
            } else {
                for (HostReport h : side.scanRoot(c).hosts()) {
                    sources.add(ExportSource.of(h));
                }
            }
        } catch (NoSuchFileException e) {
            throw new IOException(String.format(RootOptions.text().getString("error.noSuchDir"), hostDir), e);
        } catch (NotDirectoryException e) {
            throw new IOException(String.format(RootOptions.text().getString("error.notDir"), hostDir), e);
        }
    }

    private int write(List<ExportSource> sources) throws IOException {
        List<Path> written = switch (format) {
            case "ansible" -> AnsibleExport.write(sources, out);
            case "kubernetes" -> KubernetesExport.write(sources, out, namespace, docker);
            default -> K3sExport.write(sources, out);
        };
        var text = java.util.ResourceBundle.getBundle("dev.certsd.cli.cli", Locale.getDefault());
        var o = spec.commandLine().getOut();
        for (Path p : written) {
            o.println(new MessageFormat(text.getString("export.written"), Locale.getDefault()).format(new Object[] {
                    TerminalText.text(p.toString()), FileModes.octal(Files.getPosixFilePermissions(p))}));
        }
        o.println(new MessageFormat(text.getString("export.done." + format), Locale.getDefault())
                .format(new Object[] {TerminalText.text(out.toString()), sources.size()}));
        return 0;
    }
}
