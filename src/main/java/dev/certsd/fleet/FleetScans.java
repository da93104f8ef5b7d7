package dev.certsd.fleet;

import dev.certsd.diagnose.MachineOptions;
import dev.certsd.diagnose.RootScanner;
import dev.certsd.diagnose.ScanOptions;
import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.roots.OsFamily;
import dev.certsd.roots.RootKind;
import dev.certsd.remote.RemoteVersions;
import java.io.IOException;
import java.util.List;

/** The usual way to read each machine of a fleet: one root, as one client, with the machine's own settings. */
public final class FleetScans {
    private FleetScans() {
    }

    /**
     * The named root (an absolute path on each machine), or else the client's first existing root there; the
     * machine's daemon.json and hosts file decide which registries Docker treats as insecure.
     */
    public static FleetChecker.MachineScan root(Client client, String root, int expiringDays) {
        return m -> {
            CertsRoot r;
            if (root != null) {
                r = new CertsRoot(m.path(root), RootKind.CUSTOM, client);
            } else {
                r = m.existingRoots().stream().filter(c -> c.client() == client).findFirst().orElseThrow(() ->
                        new IOException(Inventory.text("fleet.noRoot", client.id(), m.label())));
            }
            CertsRoot chosen = r;
            return m.read(() -> {
                MachineOptions machine = m.machineOptions();
                ScanOptions o = MachineOptions.scanOptions(chosen, client, OsFamily.LINUX, expiringDays,
                        machine.insecureOrDefaults()).withVersion(RemoteVersions.resolve(m, client, null));
                return new RootScanner(o).scan(chosen, List.of());
            });
        };
    }
}
