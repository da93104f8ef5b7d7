package dev.certsd.cli;

import dev.certsd.diagnose.RootReport;
import dev.certsd.diagnose.RootScanner;
import dev.certsd.diagnose.ScanOptions;
import dev.certsd.layout.CertsRoot;
import dev.certsd.layout.Client;
import dev.certsd.layout.HostsFileResolver;
import dev.certsd.layout.InsecureRegistries;
import dev.certsd.layout.KnownRoots;
import dev.certsd.layout.OsFamily;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code check}: what the client will make of each host directory, before any network I/O. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Show, for each registry host directory, the verdict the client reaches and every finding.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:no host directory has an error", "1:a host directory has an error",
            "2:usage or I/O error"})
final class CheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--root", paramLabel = "DIR",
            description = "The certs root to check (default: the client's first existing root on this machine).")
    Path root;

    @Option(names = "--client", paramLabel = "CLIENT", defaultValue = "docker",
            description = "Whose reading to model: docker (default), containers (podman, skopeo, buildah), containerd.")
    String client;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Option(names = "--daemon-json", paramLabel = "FILE",
            description = "Docker's daemon.json for insecure-registries (default: /etc/docker/daemon.json).")
    Path daemonJson;

    @Option(names = "--hosts-file", paramLabel = "FILE", defaultValue = "/etc/hosts",
            description = "Hosts file used to see which names resolve to loopback (default: /etc/hosts).")
    Path hostsFile;

    @Option(names = "--expiring-days", paramLabel = "DAYS", defaultValue = "30",
            description = "Warn about certificates that end within this many days (default: 30).")
    int expiringDays;

    @Option(names = "--os", paramLabel = "OS", description = "Read directory names as on linux, mac or windows (default: this OS).")
    String os;

    @Parameters(paramLabel = "HOSTDIR", arity = "0..*", description = "Only these host directories of the root.")
    List<String> hostDirs = List.of();

    @Override
    public Integer call() throws IOException {
        ResourceBundle text = ResourceBundle.getBundle("dev.certsd.cli.cli", Locale.getDefault());
        Client c = Client.fromId(client).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                String.format(text.getString("error.client"), client)));
        OsFamily osFamily = os == null ? OsFamily.current() : OsFamily.valueOf(os.toUpperCase(Locale.ROOT));
        CertsRoot certsRoot = resolveRoot(c, text);
        HostsFileResolver resolver = HostsFileResolver.of(hostsFile);
        Path daemon = daemonJson != null ? daemonJson : Path.of("/etc/docker/daemon.json");
        InsecureRegistries insecure;
        try {
            insecure = InsecureRegistries.fromDaemonJson(daemon, resolver);
        } catch (IOException e) {
            throw new IOException(String.format(text.getString("error.daemonJson"), daemon, e.getMessage()), e);
        }
        ScanOptions options = ScanOptions.defaults(c).withInsecure(insecure).withExpiringSoonDays(expiringDays)
                .withPrivilegedReader(certsRoot.kind().readByPrivilegedDaemon());
        options = new ScanOptions(c, osFamily, options.clock(), options.expiringSoonDays(), options.insecure(),
                options.privilegedReader(), options.maxFileBytes());
        RootReport report;
        try {
            report = new RootScanner(options).scan(certsRoot, hostDirs);
        } catch (NoSuchFileException e) {
            throw new IOException(String.format(text.getString("error.noSuchDir"), e.getFile()), e);
        } catch (NotDirectoryException e) {
            throw new IOException(String.format(text.getString("error.notDir"), e.getFile()), e);
        }
        if (json) {
            spec.commandLine().getOut().println(CheckJson.render(report));
        } else {
            new CheckText(spec.commandLine().getOut(), Locale.getDefault()).print(report);
        }
        return report.hasErrors() ? 1 : 0;
    }

    private CertsRoot resolveRoot(Client c, ResourceBundle text) throws IOException {
        KnownRoots known = KnownRoots.ofThisMachine();
        if (root != null) {
            Path abs = root.toAbsolutePath().normalize();
            Optional<CertsRoot> match = known.candidates().stream()
                    .filter(r -> r.path().equals(abs) && r.client() == c).findFirst();
            return match.orElse(CertsRoot.custom(abs, c));
        }
        return known.existingRoots().stream().filter(r -> r.client() == c).findFirst()
                .map(r -> new CertsRoot(r.path(), r.kind(), c))
                .orElseThrow(() -> new IOException(String.format(text.getString("error.noRoot"), c.id())));
    }
}
