package dev.certsd.probe;

import dev.certsd.roots.IpLiteral;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Host-name lookups that end by a deadline. The JDK's resolver cannot be interrupted (and closing a socket does not
 * reach it), so a resolver that hangs would outlast every timeout; the lookup runs on a daemon thread and the
 * attempt stops waiting for it when its time is up.
 */
final class Lookup {
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "certsd-probe-lookup");
        t.setDaemon(true);
        return t;
    });

    /** How a name becomes an address ({@link InetAddress#getByName} outside tests). */
    interface Resolver {
        InetAddress resolve(String host) throws IOException;
    }

    /** The lookup did not finish by the deadline. */
    static final class TimedOut extends SocketTimeoutException {
        TimedOut(String host) {
            super("looking up " + host + " took too long");
        }
    }

    private Lookup() {
    }

    /** The address of {@code host}, looked up by {@link System#nanoTime()} {@code deadline} at the latest. */
    static InetAddress byName(String host, long deadline) throws IOException {
        return byName(host, deadline, InetAddress::getByName);
    }

    static InetAddress byName(String host, long deadline, Resolver resolver) throws IOException {
        if (IpLiteral.isLiteral(host)) {
            return resolver.resolve(host); // no lookup: the literal is the address
        }
        Future<InetAddress> f = POOL.submit(() -> resolver.resolve(host));
        try {
            return f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new TimedOut(host);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while looking up " + host);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("looking up " + host + " failed: " + e.getCause(), e.getCause());
        }
    }
}
