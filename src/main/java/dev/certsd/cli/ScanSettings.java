package dev.certsd.cli;

import dev.certsd.diagnose.HostScanner;
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
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Which root to read and as which client, for the commands that scan before they act (fix); as check reads it. */
final class ScanSettings {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--root", paramLabel = "DIR",
            description = "The certs root (default: the client's first existing root on this machine).")
    Path root;

    @Option(names = "--client", paramLabel = "CLIENT", defaultValue = "docker",
            description = "Whose reading to model: docker (default), containers (podman, skopeo, buildah), containerd.")
    String client;

    @Option(names = "--daemon-json", paramLabel = "FILE",
            description = "Docker's daemon.json for insecure-registries (default: /etc/docker/daemon.json).")
    Path daemonJson;

    @Option(names = "--hosts-file", paramLabel = "FILE", defaultValue = "/etc/hosts",
            description = "Hosts file used to see which names resolve to loopback (default: /etc/hosts).")
    Path hostsFile;

    private CertsRoot certsRoot;
    private ScanOptions options;

    ScanOptions options() throws IOException {
        if (options == null) {
            ResourceBundle text = ResourceBundle.getBundle("dev.certsd.cli.cli", Locale.getDefault());
            Client c = Client.fromId(client).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                    String.format(text.getString("error.client"), client)));
            certsRoot = resolveRoot(c, text);
            Path daemon = daemonJson != null ? daemonJson : Path.of("/etc/docker/daemon.json");
            InsecureRegistries insecure;
            try {
                insecure = InsecureRegistries.fromDaemonJson(daemon, HostsFileResolver.of(hostsFile));
            } catch (IOException e) {
                throw new IOException(String.format(text.getString("error.daemonJson"), daemon, e.getMessage()), e);
            }
            options = ScanOptions.defaults(c).withInsecure(insecure)
                    .withPrivilegedReader(certsRoot.kind().readByPrivilegedDaemon());
            options = new ScanOptions(c, OsFamily.current(), options.clock(), options.expiringSoonDays(),
                    options.insecure(), options.privilegedReader(), options.maxFileBytes());
        }
        return options;
    }

    CertsRoot certsRoot() throws IOException {
        options();
        return certsRoot;
    }

    RootReport scan(List<String> hostDirs) throws IOException {
        ResourceBundle text = ResourceBundle.getBundle("dev.certsd.cli.cli", Locale.getDefault());
        try {
            return new RootScanner(options()).scan(certsRoot(), hostDirs);
        } catch (NoSuchFileException e) {
            throw new IOException(String.format(text.getString("error.noSuchDir"), e.getFile()), e);
        } catch (NotDirectoryException e) {
            throw new IOException(String.format(text.getString("error.notDir"), e.getFile()), e);
        }
    }

    HostScanner hostScanner() throws IOException {
        return new HostScanner(options());
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
