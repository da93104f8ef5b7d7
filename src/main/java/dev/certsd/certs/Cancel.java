package dev.certsd.certs;

/**
 * A cancel request for a long operation (key generation): the Cancel button calls {@link #cancel()} from any
 * thread; the operation stops waiting within a few milliseconds and throws {@link PkiException.Cancelled}.
 */
public final class Cancel {
    private volatile boolean requested;

    /** A request that is never made, for callers without a Cancel button. */
    public static Cancel none() {
        return new Cancel();
    }

    public void cancel() {
        requested = true;
    }

    public boolean requested() {
        return requested;
    }

    void check() throws PkiException.Cancelled {
        if (requested) {
            throw new PkiException.Cancelled();
        }
    }
}
