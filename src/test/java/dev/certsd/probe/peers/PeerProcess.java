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
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PeerProcess peer = new PeerProcess(name, p, concat(log, otherLogs));
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try {
            for (int port : ports) {
                while (!accepts(port)) {
                    if (!p.isAlive()) {
                        throw new PeerFailedToStart(name + " exited with " + p.exitValue() + " before port " + port
                                + " accepted:\n" + peer.log());
                    }
                    if (System.nanoTime() > deadline) {
                        throw new PeerFailedToStart(name + " did not accept on port " + port + " within "
                                + START_TIMEOUT.toSeconds() + " s:\n" + peer.log());
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

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
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
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
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
