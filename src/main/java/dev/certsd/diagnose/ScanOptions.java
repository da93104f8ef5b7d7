package dev.certsd.diagnose;

import dev.certsd.roots.Client;
import dev.certsd.roots.ClientVersion;
import dev.certsd.roots.HostsFileResolver;
import dev.certsd.roots.InsecureRegistries;
import dev.certsd.roots.OsFamily;
import java.time.Clock;
import java.util.Objects;

/**
 * How to scan: as which client, on which OS, at which time, with which insecure-registry settings.
 *
 * @param expiringSoonDays  certificates ending within this many days get a warning
 * @param privilegedReader  the client reads as root (dockerd, containerd), so files this program cannot read may
 *                          still be fine
 * @param maxFileBytes      files larger than this are not read (reported as huge)
 * @param version           the client's release whose rules apply (the newest modelled when not given)
 */
public record ScanOptions(Client client, OsFamily os, Clock clock, int expiringSoonDays, InsecureRegistries insecure,
                          boolean privilegedReader, long maxFileBytes, ClientVersion version) {
    public static final int DEFAULT_EXPIRING_SOON_DAYS = 30;
    public static final long DEFAULT_MAX_FILE_BYTES = 4L * 1024 * 1024;

    public ScanOptions {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(insecure, "insecure");
        if (version == null || version.client() != client) {
            version = ClientVersion.newest(client);
        }
    }

    /** Options for the newest release of the client the engine models. */
    public ScanOptions(Client client, OsFamily os, Clock clock, int expiringSoonDays, InsecureRegistries insecure,
                       boolean privilegedReader, long maxFileBytes) {
        this(client, os, clock, expiringSoonDays, insecure, privilegedReader, maxFileBytes, null);
    }

    /** The same options for another release of the client. */
    public ScanOptions withVersion(ClientVersion v) {
        return new ScanOptions(client, os, clock, expiringSoonDays, insecure, privilegedReader, maxFileBytes, v);
    }

    /** Defaults for a client on this machine: now, 30 days, Docker's built-in insecure ranges and /etc/hosts. */
    public static ScanOptions defaults(Client client) {
        return new ScanOptions(client, OsFamily.current(), Clock.systemUTC(), DEFAULT_EXPIRING_SOON_DAYS,
                InsecureRegistries.defaults(HostsFileResolver.system()), false, DEFAULT_MAX_FILE_BYTES);
    }

    public ScanOptions withClock(Clock c) {
        return new ScanOptions(client, os, c, expiringSoonDays, insecure, privilegedReader, maxFileBytes, version);
    }

    public ScanOptions withInsecure(InsecureRegistries i) {
        return new ScanOptions(client, os, clock, expiringSoonDays, i, privilegedReader, maxFileBytes, version);
    }

    public ScanOptions withPrivilegedReader(boolean p) {
        return new ScanOptions(client, os, clock, expiringSoonDays, insecure, p, maxFileBytes, version);
    }

    public ScanOptions withExpiringSoonDays(int days) {
        return new ScanOptions(client, os, clock, days, insecure, privilegedReader, maxFileBytes, version);
    }

    public ScanOptions withMaxFileBytes(long max) {
        return new ScanOptions(client, os, clock, expiringSoonDays, insecure, privilegedReader, max, version);
    }
}
