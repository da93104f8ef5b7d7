package dev.certsd.remote;

import dev.certsd.diagnose.MachineOptions;
import dev.certsd.diagnose.RootReport;
import dev.certsd.diagnose.RootScanner;
import dev.certsd.diagnose.ScanOptions;
import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.KnownRoots;
import dev.certsd.roots.OsFamily;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.fs.SftpFileSystem;

/**
 * One machine reached over SSH: its file system as a {@link Path} (SFTP), so the engine scans it exactly as a local
 * root. Only reads happen here. A connection lost (or gone silent past the timeout) while reading ends the read
 * with a {@link RemoteException} saying so, never with a report of files that merely looked unreadable.
 */
public final class RemoteMachine implements Closeable {
    private final String label;
    private final ClientSession session;
    private final SftpFileSystem fs;
    private final RemoteAccess access;

    RemoteMachine(String label, ClientSession session, SftpFileSystem fs, RemoteAccess access) {
        this.label = label;
        this.session = session;
        this.fs = fs;
        this.access = access;
    }

    /** The machine as the user named it. */
    public String label() {
        return label;
    }

    /** An absolute path on the machine. */
    public Path path(String absolute) {
        return fs.getPath(absolute);
    }

    /** The login's home directory on the machine. */
    public Path home() {
        return fs.getDefaultDir();
    }

    /** daemon.json and the hosts file of the machine (Linux paths: remote machines are read as Linux). */
    public MachineOptions machineOptions() {
        return new MachineOptions(path(MachineOptions.DAEMON_JSON.toString()), path(MachineOptions.HOSTS_FILE.toString()));
    }

    /** The certs roots that exist on the machine, as each client computes them on Linux for the login user. */
    public List<CertsRoot> existingRoots() throws IOException {
        return read(() -> {
            KnownRoots known = new KnownRoots(OsFamily.LINUX, Path.of(home().toString()), Map.of(), p -> true);
            return known.candidates().stream()
                    .map(r -> new CertsRoot(path(r.path().toString()), r.kind(), r.client()))
                    .filter(r -> Files.isDirectory(r.path()))
                    .toList();
        });
    }

    /**
     * Scans a root of the machine (or only the named host directories).
     *
     * @throws RemoteException when the connection was lost or timed out during the scan
     * @throws IOException     when the root does not exist or is no directory, as for a local root
     */
    public RootReport scan(CertsRoot root, ScanOptions options, Collection<String> only) throws IOException {
        return read(() -> new RootScanner(options).scan(root, only));
    }

    /** A read of the machine's files that ends as soon as the connection does. */
    @FunctionalInterface
    public interface Read<T> {
        T run() throws IOException;
    }

    /**
     * Runs {@code read} against the machine and waits for it or for the connection's end, whichever comes first:
     * SFTP calls waiting on a dead connection would otherwise each wait out their own timeout.
     *
     * @throws RemoteException when the connection was lost or timed out during the read
     */
    public <T> T read(Read<T> read) throws IOException {
        CompletableFuture<T> work = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                work.complete(read.run());
            } catch (Throwable t) {
                work.completeExceptionally(t);
            }
        }, "certsd-remote-read " + label);
        worker.setDaemon(true);
        worker.start();
        try {
            // the transport's end is seen at once on the I/O session; the SSH session closes after its channels
            while (!work.isDone() && connected()) {
                try {
                    work.get(50, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // look at the connection again
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.close(true);
            throw new java.io.InterruptedIOException(label);
        } catch (ExecutionException e) {
            // the work failed: looked at below
        }
        if (!work.isDone() || work.isCompletedExceptionally()) {
            Throwable cause = null;
            if (work.isDone()) {
                try {
                    work.get();
                } catch (ExecutionException | InterruptedException e) {
                    cause = e.getCause() != null ? e.getCause() : e;
                }
            }
            if (cause != null && timedOut(cause)) {
                session.close(true);
                throw new RemoteException(RemoteProblem.of(RemoteProblem.Kind.TIMEOUT, label,
                        String.valueOf(cause.getMessage())), cause);
            }
            ensureOpen(cause instanceof Exception ex ? ex : null);
            if (cause != null && !(cause instanceof java.nio.file.FileSystemException)) {
                // not an answer about a file (no such file, not a directory) but the transport failing under it:
                // the session may not know yet that it is gone
                session.close(true);
                throw new RemoteException(RemoteProblem.of(RemoteProblem.Kind.CONNECTION_LOST, label,
                        String.valueOf(cause.getMessage())), cause);
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause);
        }
        ensureOpen(null);
        return work.join();
    }

    private static boolean timedOut(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof TimeoutException || c instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Whether the connection is still up. */
    public boolean isOpen() {
        return connected() && fs.isOpen();
    }

    private boolean connected() {
        return session.isOpen() && !session.isClosing() && session.getIoSession().isOpen();
    }

    /** Throws the lost-connection (or timeout) problem when the session is no longer open. */
    void ensureOpen(Exception cause) throws RemoteException {
        if (connected()) {
            return;
        }
        session.close(true);
        RemoteProblem.Kind kind = access.timedOut(session) ? RemoteProblem.Kind.TIMEOUT
                : RemoteProblem.Kind.CONNECTION_LOST;
        String reason = cause != null ? String.valueOf(cause.getMessage()) : "";
        throw new RemoteException(RemoteProblem.of(kind, label, reason), cause);
    }

    @Override
    public void close() throws IOException {
        try {
            fs.close();
        } finally {
            // waited for (briefly), so that a bound on open connections holds for the sockets too, not only the count
            session.close(true).await(CLOSE_WAIT_MILLIS);
        }
    }

    private static final long CLOSE_WAIT_MILLIS = 1_000;
}
