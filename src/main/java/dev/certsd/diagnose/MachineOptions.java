package dev.certsd.diagnose;

import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.roots.HostsFileResolver;
import dev.certsd.roots.InsecureRegistries;
import dev.certsd.roots.OsFamily;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The machine's settings a scan depends on, read one way for the window and the command line: Docker's
 * insecure registries (its built-in ranges plus daemon.json's {@code insecure-registries}, names resolved through
 * the hosts file) and whether the root is read by a privileged daemon.
 *
 * @param daemonJson Docker's daemon.json ({@code /etc/docker/daemon.json} on this machine)
 * @param hostsFile  the hosts file names are resolved through ({@code /etc/hosts})
 */
public record MachineOptions(Path daemonJson, Path hostsFile) {
    public static final Path DAEMON_JSON = Path.of("/etc/docker/daemon.json");
    public static final Path HOSTS_FILE = Path.of("/etc/hosts");

    /** This machine's files. */
    public static MachineOptions ofThisMachine() {
        return new MachineOptions(DAEMON_JSON, HOSTS_FILE);
    }

    /** The same machine with other files where given (null keeps this machine's). */
    public static MachineOptions of(Path daemonJson, Path hostsFile) {
        return new MachineOptions(daemonJson != null ? daemonJson : DAEMON_JSON,
                hostsFile != null ? hostsFile : HOSTS_FILE);
    }

    /**
     * Docker's insecure registries.
     *
     * @throws IOException when daemon.json exists but cannot be read or is not JSON (Docker itself would not start)
     */
    public InsecureRegistries insecure() throws IOException {
        return InsecureRegistries.fromDaemonJson(daemonJson, HostsFileResolver.of(hostsFile));
    }

    /** Docker's insecure registries, or its built-in ranges alone when daemon.json is broken. */
    public InsecureRegistries insecureOrDefaults() {
        try {
            return insecure();
        } catch (IOException | RuntimeException e) {
            return InsecureRegistries.defaults(HostsFileResolver.of(hostsFile));
        }
    }

    /**
     * How to scan {@code root} as {@code client} on this machine, strictly: a broken daemon.json is an error.
     *
     * @throws IOException when daemon.json cannot be read
     */
    public ScanOptions scanOptions(CertsRoot root, Client client, OsFamily os, int expiringSoonDays) throws IOException {
        return scanOptions(root, client, os, expiringSoonDays, insecure());
    }

    /**
     * How the window scans a root: a broken daemon.json leaves the built-in ranges, which Docker itself cannot do
     * (it refuses to start), but the window must still show the files.
     */
    public ScanOptions lenientScanOptions(CertsRoot root) {
        // the installed release: asked once per process (the window scans off its UI thread)
        return scanOptions(root, root.client(), OsFamily.current(), ScanOptions.DEFAULT_EXPIRING_SOON_DAYS,
                insecureOrDefaults()).withVersion(dev.certsd.roots.InstalledVersions.resolve(root.client(), null));
    }

    /** How to scan {@code root} as {@code client} with insecure registries already read. */
    public static ScanOptions scanOptions(CertsRoot root, Client client, OsFamily os, int days,
                                          InsecureRegistries insecure) {
        ScanOptions d = ScanOptions.defaults(client);
        return new ScanOptions(client, os, d.clock(), days, insecure, root.kind().readByPrivilegedDaemon(),
                d.maxFileBytes());
    }
}
