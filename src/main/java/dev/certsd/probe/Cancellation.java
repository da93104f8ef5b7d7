package dev.certsd.probe;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Cancels a running probe by closing every socket it opened; attempts then end as cancelled. */
public final class Cancellation {
    private final List<Closeable> open = new ArrayList<>();
    private volatile boolean cancelled;

    public boolean cancelled() {
        return cancelled;
    }

    public void cancel() {
        List<Closeable> toClose;
        synchronized (this) {
            cancelled = true;
            toClose = new ArrayList<>(open);
            open.clear();
        }
        for (Closeable c : toClose) {
            try {
                c.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    synchronized void register(Closeable c) throws IOException {
        if (cancelled) {
            c.close();
            throw new IOException("cancelled");
        }
        open.add(c);
    }
}
