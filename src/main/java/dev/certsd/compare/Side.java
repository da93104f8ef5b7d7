package dev.certsd.compare;

import dev.certsd.diagnose.HostReport;
import dev.certsd.diagnose.MachineOptions;
import dev.certsd.diagnose.RootReport;
import dev.certsd.diagnose.RootScanner;
import dev.certsd.diagnose.ScanOptions;
import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.roots.OsFamily;
import dev.certsd.roots.RootKind;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;

/**
 * One side of a comparison: a root or a host directory, on this machine or on a remote one (an SFTP path), read
 * with that machine's daemon.json and hosts file.
 */
public record Side(String label, Path dir, MachineOptions machine) {

    /**
     * Whether the directory is a host directory (it holds certificate files or hosts.toml) rather than a root
     * (which holds host directories).
     */
    public boolean isHostDir() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw Files.exists(dir, LinkOption.NOFOLLOW_LINKS) ? new NotDirectoryException(dir.toString())
                    : new NoSuchFileException(dir.toString());
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                if ((n.endsWith(".crt") || n.endsWith(".cert") || n.endsWith(".key") || n.equals("hosts.toml"))
                        && !Files.isDirectory(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    private ScanOptions options(CertsRoot root, Client client) {
        return MachineOptions.scanOptions(root, client, OsFamily.LINUX, ScanOptions.DEFAULT_EXPIRING_SOON_DAYS,
                machine.insecureOrDefaults());
    }

    /** The side read as a root. */
    public RootReport scanRoot(Client client) throws IOException {
        CertsRoot root = new CertsRoot(dir.toAbsolutePath().normalize(), RootKind.CUSTOM, client);
        return new RootScanner(options(root, client)).scan(root, List.of());
    }

    /** The side read as one host directory of its parent. */
    public HostReport scanHostDir(Client client) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        CertsRoot root = new CertsRoot(abs.getParent(), RootKind.CUSTOM, client);
        RootReport r = new RootScanner(options(root, client)).scan(root, List.of(abs.getFileName().toString()));
        return r.hosts().get(0);
    }
}
