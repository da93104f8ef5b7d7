package dev.certsd.probe.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real server program (the registry, nginx) started by a test on loopback: its output goes to a log file the
 * test prints when it fails; it counts as started once every port accepts, and is always stopped, even when the
 * JVM ends early.
 */
public final class PeerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private final String name;
    private final Process process;
    private final List<Path> logs;
    private final Thread reaper;

    private PeerProcess(String name, Process process, List<Path> logs) {
        this.name = name;
        this.process = process;
        this.logs = List.copyOf(logs);
        this.reaper = new Thread(process::destroyForcibly, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /**
     * Starts {@code command} with stdout and stderr in {@code log} and waits until every port accepts a TCP
     * connection. {@code otherLogs} are files the program writes itself (nginx's error log).
     */
    public static PeerProcess start(String name, List<String> command, Path log, List<Integer> ports,
                                    List<Path> otherLogs) throws IOException {
        return start(name, command, log, ports, otherLogs, InetAddress.getLoopbackAddress());
    }

    /** The same, with the ports checked on {@code address} (::1 for a peer on IPv6 loopback). */
    public static PeerProcess start(String name, List<String> command, Path log, List<Integer> ports,
                                    List<Path> otherLogs, InetAddress address) throws IOException {
        return startUntil(name, command, log, otherLogs, ports.stream()
                .map(port -> (java.util.function.BooleanSupplier) () -> accepts(address, port)).toList(),
                ports.stream().map(port -> "port " + port).toList());
    }

    /** Starts {@code command} and waits until each readiness check holds (a socket file exists, a port accepts). */
    public static PeerProcess startUntil(String name, List<String> command, Path log, List<Path> otherLogs,
                                         List<java.util.function.BooleanSupplier> ready, List<String> what)
            throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PeerProcess peer = new PeerProcess(name, p, concat(log, otherLogs));
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos() * 2;
        try {
            for (int i = 0; i < ready.size(); i++) {
                String port = what.get(i);
                while (!ready.get(i).getAsBoolean()) {
                    if (!p.isAlive()) {
                        throw new PeerFailedToStart(name + " exited with " + p.exitValue() + " before " + port
                                + " was ready:\n" + peer.log());
                    }
                    if (System.nanoTime() > deadline) {
                        throw new PeerFailedToStart(name + ": " + port + " not ready within "
                                + START_TIMEOUT.toSeconds() * 2 + " s:\n" + peer.log());
                    }
                    Thread.sleep(20);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            peer.close();
            throw new IOException("interrupted while starting " + name, e);
        } catch (IOException | RuntimeException e) {
            peer.close();
            throw e;
        }
        return peer;
    }

    private static List<Path> concat(Path first, List<Path> rest) {
        java.util.ArrayList<Path> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static boolean accepts(InetAddress address, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port nobody listens on right now (a peer that loses the race fails to start and is retried). */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    /** Everything the program logged so far, file by file. */
    public String log() {
        StringBuilder b = new StringBuilder();
        for (Path f : logs) {
            b.append("---- ").append(name).append(": ").append(f.getFileName()).append(" ----\n");
            try {
                b.append(Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "(not written)\n");
            } catch (IOException e) {
                b.append("(unreadable: ").append(e.getMessage()).append(")\n");
            }
        }
        return b.toString();
    }

    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList(); // dockerd's own containerd, for one
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs anyway
        }
    }

    /** The program did not come up; the message carries its log. */
    public static final class PeerFailedToStart extends IOException {
        PeerFailedToStart(String message) {
            super(message);
        }
    }
}
