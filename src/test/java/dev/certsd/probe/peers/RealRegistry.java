package dev.certsd.probe.peers;

import dev.certsd.testing.ExternalTools;
import dev.certsd.testing.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The real distribution registry (Debian's {@code docker-registry serve}) on 127.0.0.1, requiring a client
 * certificate from the PKI's client CA ({@code http.tls.clientcas}), storing into a temp dir. Go's TLS defaults:
 * TLS 1.3 whenever the client offers it.
 */
public final class RealRegistry implements AutoCloseable {
    private final PeerProcess process;
    private final int port;

    private RealRegistry(PeerProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a registry in {@code work} (config, storage, log); skips, or fails in CI, without the program. */
    public static RealRegistry start(Path work, PeerPki pki) throws IOException {
        return start(work, pki.writeServerFiles(work.resolve("tls")), "127.0.0.1",
                Files.createDirectories(work.resolve("storage")));
    }

    /**
     * A registry on {@code address} (127.0.0.1 or ::1) with those server files, or in plain HTTP when
     * {@code files} is null, storing into {@code storage} (two registries may share one).
     */
    public static RealRegistry start(Path work, PeerPki.ServerFiles files, String address, Path storage)
            throws IOException {
        Path program = ExternalTools.require("docker-registry", "docker-registry");
        Files.createDirectories(work);
        String host = address.contains(":") ? "[" + address + "]" : address;
        for (int tries = 1; ; tries++) {
            int port = PeerProcess.freePort();
            Path config = TestPki.write(work, "config.yml", config(host + ":" + port, files, storage));
            try {
                return new RealRegistry(PeerProcess.start("docker-registry", List.of(program.toString(), "serve",
                        config.toString()), work.resolve("registry.log"), List.of(port), List.of(),
                        java.net.InetAddress.getByName(address)), port);
            } catch (PeerProcess.PeerFailedToStart e) {
                if (tries == 3 || !e.getMessage().contains("address already in use")) {
                    throw e;
                }
            }
        }
    }

    private static String config(String addr, PeerPki.ServerFiles f, Path storage) {
        String tls = f == null ? "" : "  tls:\n    certificate: " + f.certificate() + "\n    key: " + f.key() + "\n"
                + "    clientcas:\n      - " + f.clientCas() + "\n";
        return "version: 0.1\n"
                + "log:\n  level: error\n  accesslog:\n    disabled: true\n"
                + "storage:\n  filesystem:\n    rootdirectory: " + storage + "\n"
                + "http:\n  addr: \"" + addr + "\"\n" + tls;
    }

    public int port() {
        return port;
    }

    /** The host directory name a client uses for this registry: {@code 127.0.0.1:PORT}. */
    public String hostDirName() {
        return "127.0.0.1:" + port;
    }

    public PeerProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
