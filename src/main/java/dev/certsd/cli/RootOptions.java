package dev.certsd.cli;

import dev.certsd.diagnose.MachineOptions;
import dev.certsd.diagnose.RootReport;
import dev.certsd.diagnose.RootScanner;
import dev.certsd.diagnose.ScanOptions;
import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.roots.ClientVersion;
import dev.certsd.roots.InstalledVersions;
import dev.certsd.roots.InsecureRegistries;
import dev.certsd.roots.KnownRoots;
import dev.certsd.roots.OsFamily;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options every command that reads a certs root shares: which root, read as which client. */
final class RootOptions {
    static final String CLIENT_DEFAULT = "docker";
    static final String HOSTS_FILE_DEFAULT = "/etc/hosts";
    static final String EXPIRING_DAYS_DEFAULT = "30";

    @Option(names = "--root", paramLabel = "DIR", descriptionKey = "option.root")
    Path root;

    @Option(names = "--client", paramLabel = "CLIENT", defaultValue = CLIENT_DEFAULT, descriptionKey = "option.clientRelease")
    String client;

    @Option(names = "--daemon-json", paramLabel = "FILE", descriptionKey = "option.daemonJson")
    Path daemonJson;

    @Option(names = "--hosts-file", paramLabel = "FILE", defaultValue = HOSTS_FILE_DEFAULT,
            descriptionKey = "option.hostsFile")
    Path hostsFile;

    @Option(names = "--expiring-days", paramLabel = "DAYS", defaultValue = EXPIRING_DAYS_DEFAULT,
            descriptionKey = "option.expiringDays")
    int expiringDays;

    @Option(names = "--os", paramLabel = "OS", descriptionKey = "option.os")
    String os;

    /** The root a host directory's path named, when --root is absent (as {@code gui PATH} infers it). */
    private Path inferredRoot;

    /** The options as picocli sets them when none is given ({@link QuickCheck}'s start; QuickCheckTest compares). */
    static RootOptions defaults() {
        RootOptions o = new RootOptions();
        o.client = CLIENT_DEFAULT;
        o.hostsFile = Path.of(HOSTS_FILE_DEFAULT);
        o.expiringDays = Integer.parseInt(EXPIRING_DAYS_DEFAULT);
        return o;
    }

    static ResourceBundle text() {
        return ResourceBundle.getBundle("dev.certsd.cli.cli", Locale.getDefault());
    }

    Client client(CommandLine.Model.CommandSpec spec) {
        if (client != null && client.contains("@")) {
            return clientVersion(spec).client();
        }
        return Client.fromId(client).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                String.format(text().getString("error.client"), client)));
    }

    /**
     * The client release modelled: {@code --client docker@20.10} as picked, else the one installed on this machine
     * (asked once), else the newest release the engine models.
     */
    ClientVersion clientVersion(CommandLine.Model.CommandSpec spec) {
        ClientVersion parsed = ClientVersion.parse(client).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), String.format(text().getString(client != null && client.contains("@")
                        ? "error.clientVersion" : "error.client"), client)));
        return InstalledVersions.resolve(parsed.client(), parsed.version());
    }

    /** The release picked with {@code --client NAME@VERSION}, else the newest modelled (another machine's). */
    ClientVersion pickedVersion(CommandLine.Model.CommandSpec spec) {
        ClientVersion parsed = ClientVersion.parse(client).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), String.format(text().getString("error.clientVersion"), client)));
        return parsed.version() != null ? parsed : ClientVersion.newest(parsed.client());
    }

    CertsRoot resolveRoot(CommandLine.Model.CommandSpec spec) throws IOException {
        Client c = client(spec);
        KnownRoots known = KnownRoots.ofThisMachine();
        Path named = root != null ? root : inferredRoot;
        if (named != null) {
            Path abs = named.toAbsolutePath().normalize();
            Optional<CertsRoot> match = known.candidates().stream()
                    .filter(r -> r.path().equals(abs) && r.client() == c).findFirst();
            return match.orElse(CertsRoot.custom(abs, c));
        }
        return known.existingRoots().stream().filter(r -> r.client() == c).findFirst()
                .map(r -> new CertsRoot(r.path(), r.kind(), c))
                .orElseThrow(() -> new IOException(String.format(text().getString("error.noRoot"), c.id())));
    }

    /** The OS whose directory naming applies: --os, or this machine's. */
    OsFamily osFamily(CommandLine.Model.CommandSpec spec) {
        try {
            return os == null ? OsFamily.current() : OsFamily.valueOf(os.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), String.format(text().getString("error.os"), os));
        }
    }

    /** The machine's settings (daemon.json, hosts file) as the options name them: the one source the window uses too. */
    MachineOptions machine() {
        return MachineOptions.of(daemonJson, hostsFile);
    }

    /** Docker's insecure registries: the built-in ranges and daemon.json's list. */
    InsecureRegistries insecure() throws IOException {
        try {
            return machine().insecure();
        } catch (IOException e) {
            throw new IOException(String.format(text().getString("error.daemonJson"), machine().daemonJson(),
                    e.getMessage()), e);
        }
    }

    /** How to scan the chosen root as the chosen client. */
    ScanOptions scanOptions(CommandLine.Model.CommandSpec spec) throws IOException {
        InsecureRegistries insecure = insecure();
        return MachineOptions.scanOptions(resolveRoot(spec), client(spec), osFamily(spec), expiringDays, insecure)
                .withVersion(clientVersion(spec));
    }

    /**
     * The host directory names the arguments mean. Each is a name inside the root or a path to a directory directly
     * in it (as shell completion writes {@code R/reg:5000/}); without --root, the paths' parent is the root. A path
     * anywhere else is a usage error, never an empty scan.
     */
    List<String> hostDirNames(CommandLine.Model.CommandSpec spec, List<String> args) {
        List<String> names = new ArrayList<>();
        Path inferred = null;
        for (String a : args) {
            if (a.isBlank()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        String.format(text().getString("pki.error.hostDir"), a));
            }
            if (!looksLikePath(a)) {
                names.add(a);
                continue;
            }
            Path p;
            try {
                p = Path.of(a).toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        String.format(text().getString("pki.error.hostDir"), a));
            }
            Path parent = p.getParent();
            Path expected = root != null ? root.toAbsolutePath().normalize() : inferred;
            if (p.getFileName() == null || parent == null || (expected != null && !sameDirectory(expected, parent))) {
                throw new CommandLine.ParameterException(spec.commandLine(), String.format(
                        text().getString("error.hostDirOutsideRoot"), a, expected != null ? expected : p));
            }
            if (root == null && inferred == null) {
                inferred = parent;
            }
            names.add(p.getFileName().toString());
        }
        if (inferred != null) {
            inferredRoot = inferred;
        }
        return names;
    }

    private static boolean looksLikePath(String arg) {
        return arg.contains("/") || arg.contains(java.io.File.separator) || arg.equals(".") || arg.equals("..");
    }

    private static boolean sameDirectory(Path a, Path b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** Scans the root (or only the host directories named or given as paths) as the chosen client. */
    RootReport scan(CommandLine.Model.CommandSpec spec, List<String> hostDirs) throws IOException {
        List<String> names = hostDirNames(spec, hostDirs);
        try {
            return new RootScanner(scanOptions(spec)).scan(resolveRoot(spec), names);
        } catch (NoSuchFileException e) {
            throw new IOException(String.format(text().getString("error.noSuchDir"), e.getFile()), e);
        } catch (NotDirectoryException e) {
            throw new IOException(String.format(text().getString("error.notDir"), e.getFile()), e);
        }
    }
}
