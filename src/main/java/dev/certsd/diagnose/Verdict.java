package dev.certsd.diagnose;

import java.util.List;

/**
 * What the client makes of a host directory, as one answer every face shows: the banner's level, the client's own
 * words when it stops, and the counts behind "fails later".
 *
 * @param clientError the client's exact error text (CONFIG_ERROR), or null
 * @param errorFile   the entry that caused it, or null
 * @param hangsOn     the special file the client blocks on forever (CONFIG_ERROR), or null
 * @param ignoredBy   why the client does not read the directory (IGNORED), or null
 * @param modelledFor the client release whose rules this verdict follows, or null when not known
 */
public record Verdict(Level level, String clientError, String errorFile, String hangsOn, Ignored ignoredBy,
                      long errors, long warnings, dev.certsd.roots.ClientVersion modelledFor) {

    /** The banner of a host directory, most severe last. */
    public enum Level {
        /** The client loads the directory and nothing found is an error. */
        OK,
        /** The client loads the directory, but a finding is an error: pulls fail later (at TLS or at the server). */
        FAILS_LATER,
        /** The client stops before any connection (or blocks forever reading a file). */
        CONFIG_ERROR,
        /** The client never reads the directory. */
        IGNORED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** Why a client does not read a host directory. */
    public enum Ignored {
        /** Docker: an insecure registry (loopback, daemon.json). */
        INSECURE_REGISTRY,
        /** Docker: Docker Hub never uses certs.d. */
        DOCKER_HUB,
        /** podman/skopeo: the directory may not be read, and containers/image skips it without a word. */
        UNREADABLE_SKIPPED,
        /** containerd: the {@code host_port_} directory of the same registry is read instead. */
        SHADOWED
    }

    /** The verdict of a scanned host directory, computed once by {@link HostReport}: the same everywhere. */
    static Verdict of(boolean certsdUsed, ClientLoad load, List<Finding> findings) {
        long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        var v = load.version();
        if (!certsdUsed) {
            return new Verdict(Level.IGNORED, null, null, null, ignoredBy(findings), errors, warnings, v);
        }
        if (load.configError() != null) {
            return new Verdict(Level.CONFIG_ERROR, load.configError(), load.errorFile(), null, null, errors, warnings,
                    v);
        }
        if (load.blocksOn() != null) {
            return new Verdict(Level.CONFIG_ERROR, null, null, load.blocksOn(), null, errors, warnings, v);
        }
        return new Verdict(errors > 0 ? Level.FAILS_LATER : Level.OK, null, null, null, null, errors, warnings, v);
    }

    private static Ignored ignoredBy(List<Finding> findings) {
        for (Finding f : findings) {
            if (f.code() == FindingCode.DOCKER_HUB_CERTSD_IGNORED) {
                return Ignored.DOCKER_HUB;
            }
            if (f.code() == FindingCode.INSECURE_REGISTRY_CERTSD_IGNORED) {
                return Ignored.INSECURE_REGISTRY;
            }
            if (f.code() == FindingCode.HOST_DIR_SHADOWED) {
                return Ignored.SHADOWED;
            }
        }
        return Ignored.UNREADABLE_SKIPPED;
    }

    /** Whether the client blocks forever rather than failing with a message. */
    public boolean hangs() {
        return hangsOn != null;
    }

    /** Whether the directory makes pulls fail: before connecting, or later. */
    public boolean failing() {
        return level == Level.CONFIG_ERROR || level == Level.FAILS_LATER;
    }
}
