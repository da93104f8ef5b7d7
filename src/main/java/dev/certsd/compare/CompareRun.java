package dev.certsd.compare;

import dev.certsd.diagnose.HostReport;
import dev.certsd.diagnose.MachineOptions;
import dev.certsd.diagnose.RootReport;
import dev.certsd.roots.Client;
import dev.certsd.remote.RemoteAccess;
import dev.certsd.remote.RemoteMachine;
import dev.certsd.remote.SshPath;
import dev.certsd.remote.SshSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A comparison as the user asks for it: two places, each a local path or {@code [user@]host[:port]:/path}, read
 * (over SSH where remote) and put side by side; the window and {@code compare} both run this.
 */
public final class CompareRun {
    private CompareRun() {
    }

    /** Two places that are not of the same kind (a root and a host directory). */
    public static final class KindsDiffer extends IOException {
        public KindsDiffer(String a, String b) {
            super(new MessageFormat(ResourceBundle.getBundle("dev.certsd.compare.compare", Locale.getDefault())
                    .getString("compare.kinds"), Locale.getDefault()).format(new Object[] {a, b}));
        }
    }

    private record Read(Side side, boolean hostDir, RootReport root, HostReport host) {
    }

    public static Comparison run(String a, String b, Client client, SshSettings ssh) throws IOException {
        RemoteAccess access = null;
        try {
            if (SshPath.parse(a).isPresent() || SshPath.parse(b).isPresent()) {
                access = new RemoteAccess(ssh);
            }
            Read l = read(a, client, access);
            Read r = read(b, client, access);
            if (l.hostDir() != r.hostDir()) {
                throw new KindsDiffer(a, b);
            }
            return l.hostDir() ? Comparer.hostDirs(l.side().label(), l.host(), r.side().label(), r.host())
                    : Comparer.roots(l.side().label(), l.root(), r.side().label(), r.root());
        } finally {
            if (access != null) {
                access.close();
            }
        }
    }

    private static Read read(String arg, Client c, RemoteAccess access) throws IOException {
        var remote = SshPath.parse(arg);
        if (remote.isEmpty()) {
            return read(new Side(arg, Path.of(arg), MachineOptions.ofThisMachine()), c);
        }
        try (RemoteMachine m = access.open(remote.get().target())) {
            Side side = new Side(remote.get().label(), m.path(remote.get().path()), m.machineOptions());
            return m.read(() -> read(side, c));
        }
    }

    private static Read read(Side side, Client c) throws IOException {
        boolean hostDir = side.isHostDir();
        return hostDir ? new Read(side, true, null, side.scanHostDir(c))
                : new Read(side, false, side.scanRoot(c), null);
    }
}
