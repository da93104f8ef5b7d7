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
        Path program = ExternalTools.require("docker-registry", "docker-registry");
        PeerPki.ServerFiles files = pki.writeServerFiles(work.resolve("tls"));
        Path storage = Files.createDirectories(work.resolve("storage"));
        for (int tries = 1; ; tries++) {
            int port = PeerProcess.freePort();
            Path config = TestPki.write(work, "config.yml", config(port, files, storage));
            try {
                return new RealRegistry(PeerProcess.start("docker-registry", List.of(program.toString(), "serve",
                        config.toString()), work.resolve("registry.log"), List.of(port), List.of()), port);
            } catch (PeerProcess.PeerFailedToStart e) {
                if (tries == 3 || !e.getMessage().contains("address already in use")) {
                    throw e;
                }
            }
        }
    }

    private static String config(int port, PeerPki.ServerFiles f, Path storage) {
        return "version: 0.1\n"
                + "log:\n  level: error\n  accesslog:\n    disabled: true\n"
                + "storage:\n  filesystem:\n    rootdirectory: " + storage + "\n"
                + "http:\n  addr: 127.0.0.1:" + port + "\n"
                + "  tls:\n    certificate: " + f.certificate() + "\n    key: " + f.key() + "\n"
                + "    clientcas:\n      - " + f.clientCas() + "\n";
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
