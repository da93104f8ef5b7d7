package dev.certsd.cli;

import dev.certsd.diagnose.MachineOptions;
import dev.certsd.diagnose.RootReport;
import dev.certsd.diagnose.ScanOptions;
import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.roots.InsecureRegistries;
import dev.certsd.roots.RootKind;
import dev.certsd.remote.RemoteAccess;
import dev.certsd.remote.RemoteMachine;
import dev.certsd.remote.SshSettings;
import dev.certsd.remote.SshTarget;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --ssh [user@]host[:port]}: the command reads a remote machine over SFTP instead of this one: its certs
 * roots, its daemon.json and its hosts file; {@code --root}, {@code --daemon-json} and {@code --hosts-file} then
 * name files of that machine.
 */
final class SshOptions {
    @Option(names = "--ssh", paramLabel = "MACHINE", descriptionKey = "option.ssh")
    String target;

    @Option(names = "--accept-host-key", paramLabel = "SHA256:...", descriptionKey = "option.acceptHostKey")
    List<String> acceptHostKeys = new ArrayList<>();

    @Option(names = "--ssh-timeout", paramLabel = "SECONDS", defaultValue = TIMEOUT_DEFAULT,
            descriptionKey = "option.sshTimeout")
    double timeoutSeconds;

    static final String TIMEOUT_DEFAULT = "20";

    /** The options as picocli sets them when none is given ({@link QuickCheck}). */
    static SshOptions defaults() {
        SshOptions o = new SshOptions();
        o.timeoutSeconds = Double.parseDouble(TIMEOUT_DEFAULT);
        return o;
    }

    boolean remote() {
        return target != null;
    }

    SshTarget parsedTarget(CommandLine.Model.CommandSpec spec) {
        return SshTarget.parse(target).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                String.format(RootOptions.text().getString("error.sshTarget"), target)));
    }

    SshSettings settings(CommandLine.Model.CommandSpec spec) {
        if (!(timeoutSeconds > 0) || timeoutSeconds > 3600) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    String.format(RootOptions.text().getString("error.sshTimeout"), timeoutSeconds));
        }
        for (String fp : acceptHostKeys) {
            if (!fp.startsWith("SHA256:")) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        String.format(RootOptions.text().getString("error.fingerprint"), fp));
            }
        }
        return SshSettings.ofThisUser().withTimeout(Duration.ofMillis((long) (timeoutSeconds * 1000)))
                .withAccepted(new LinkedHashSet<>(acceptHostKeys));
    }

    /** What is done with a remote report while the machine is still connected (rendering reads file details). */
    @FunctionalInterface
    interface WithReport<T> {
        T apply(RootReport report) throws IOException;
    }

    /**
     * Scans the remote machine's root as {@link RootOptions#scan} scans a local one and hands the report to
     * {@code then} before disconnecting.
     */
    <T> T scan(CommandLine.Model.CommandSpec spec, RootOptions o, List<String> hostDirs, WithReport<T> then)
            throws IOException {
        SshTarget t = parsedTarget(spec);
        Client client = o.client(spec);
        var os = o.os == null ? dev.certsd.roots.OsFamily.LINUX : o.osFamily(spec);
        try (RemoteAccess access = new RemoteAccess(settings(spec)); RemoteMachine m = access.open(t)) {
            CertsRoot root = root(spec, o, m, client);
            List<String> names = names(spec, root, hostDirs);
            MachineOptions machine = new MachineOptions(
                    o.daemonJson != null ? m.path(o.daemonJson.toString()) : m.machineOptions().daemonJson(),
                    m.path(o.hostsFile.toString()));
            InsecureRegistries insecure;
            try {
                insecure = m.read(machine::insecure);
            } catch (dev.certsd.remote.RemoteException e) {
                throw e;
            } catch (IOException e) {
                throw new IOException(String.format(RootOptions.text().getString("error.daemonJson"),
                        t.label() + ":" + machine.daemonJson(), e.getMessage()), e);
            }
            // the release picked, else the one the machine's package says is installed (read, not run), else the newest
            boolean picked = o.client != null && o.client.contains("@");
            ScanOptions options = MachineOptions.scanOptions(root, client, os, o.expiringDays, insecure)
                    .withVersion(picked ? o.pickedVersion(spec)
                            : m.read(() -> dev.certsd.remote.RemoteVersions.resolve(m, client, null)));
            try {
                RootReport report = m.scan(root, options, names);
                return m.read(() -> then.apply(report));
            } catch (NoSuchFileException e) {
                throw new IOException(String.format(RootOptions.text().getString("error.noSuchDir"),
                        t.label() + ":" + e.getFile()), e);
            } catch (NotDirectoryException e) {
                throw new IOException(String.format(RootOptions.text().getString("error.notDir"),
                        t.label() + ":" + e.getFile()), e);
            }
        }
    }

    private static CertsRoot root(CommandLine.Model.CommandSpec spec, RootOptions o, RemoteMachine m, Client client)
            throws IOException {
        if (o.root != null) {
            String named = o.root.toString();
            Path p = named.startsWith("/") ? m.path(named) : m.home().resolve(named);
            return new CertsRoot(p.normalize(), RootKind.CUSTOM, client);
        }
        return m.existingRoots().stream().filter(r -> r.client() == client).findFirst()
                .orElseThrow(() -> new IOException(String.format(RootOptions.text().getString("error.noRemoteRoot"),
                        client.id(), m.label())));
    }

    /** Host directory names: a name, or a path directly in the remote root. */
    private static List<String> names(CommandLine.Model.CommandSpec spec, CertsRoot root, List<String> args) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String a : args) {
            String name = a;
            if (a.contains("/")) {
                String trimmed = a.endsWith("/") ? a.substring(0, a.length() - 1) : a;
                int slash = trimmed.lastIndexOf('/');
                String parent = trimmed.substring(0, Math.max(slash, 0));
                name = trimmed.substring(slash + 1);
                if (name.isEmpty() || !root.path().toString().equals(parent.isEmpty() ? "/" : parent)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), String.format(
                            RootOptions.text().getString("error.hostDirOutsideRoot"), a, root.path()));
                }
            }
            if (name.isBlank()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        String.format(RootOptions.text().getString("pki.error.hostDir"), a));
            }
            if (seen.add(name)) {
                names.add(name);
            }
        }
        return names;
    }
}
