package dev.certsd.ui.tree;

import dev.certsd.diagnose.HostReport;

/**
 * What the client makes of a host directory before any connection, in the words it would use.
 *
 * @param detail the client's own error text, or the file it hangs on; null otherwise
 */
public record Verdict(Kind kind, String detail) {
    /** The outcomes a host directory can have. */
    public enum Kind { OK, ERROR, HANGS, IGNORED }

    public static Verdict of(HostReport h) {
        if (!h.certsdUsed()) {
            return new Verdict(Kind.IGNORED, null);
        }
        if (h.configError() != null) {
            return new Verdict(Kind.ERROR, h.configError());
        }
        if (h.load().blocksOn() != null) {
            return new Verdict(Kind.HANGS, h.load().blocksOn());
        }
        return new Verdict(Kind.OK, null);
    }
}
