package dev.certsd.fleet;

import dev.certsd.diagnose.RootReport;
import dev.certsd.remote.RemoteProblem;
import java.time.Duration;

/**
 * One machine of the fleet, checked: its report, or why it could not be read.
 *
 * @param report  null when the machine could not be read
 * @param problem the SSH problem (unreachable, host key, login, timeout...), or null
 * @param error   any other reason it could not be read (no certs root there), or null
 */
public record MachineResult(InventoryEntry entry, RootReport report, RemoteProblem problem, String error,
                            Duration took) {
    public boolean read() {
        return report != null;
    }

    /** Pulls from this machine fail for some registry, or the machine could not be checked. */
    public boolean failing() {
        return report == null || report.hasErrors();
    }
}
