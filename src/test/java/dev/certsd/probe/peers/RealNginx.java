package dev.certsd.probe.peers;

import dev.certsd.testing.ExternalTools;
import dev.certsd.testing.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Real nginx on 127.0.0.1 with {@code ssl_verify_client on}: one server per TLS version asked for (its own port,
 * {@code ssl_protocols} forcing that version), each answering {@code GET /v2/} with 200 and the registry header
 * once the client certificate verified, and with nginx's own HTTP 400 page otherwise. Each request is logged
 * with the client certificate nginx received ({@link #accessLog()}).
 */
public final class RealNginx implements AutoCloseable {
    private final PeerProcess process;
    private final Map<String, Integer> ports;
    private final Path accessLog;

    private RealNginx(PeerProcess process, Map<String, Integer> ports, Path accessLog) {
        this.process = process;
        this.ports = Map.copyOf(ports);
        this.accessLog = accessLog;
    }

    /** Starts nginx in {@code work} with one server for each protocol (TLSv1.2, TLSv1.3). */
    public static RealNginx start(Path work, PeerPki pki, String... protocols) throws IOException {
        return start(work, pki, pki.server, protocols);
    }

    /** The same, presenting {@code serverCert} (with its key) instead of the PKI's good server certificate. */
    public static RealNginx start(Path work, PeerPki pki, TestPki.Issued serverCert, String... protocols)
            throws IOException {
        Path program = ExternalTools.require("nginx", "nginx");
        PeerPki.ServerFiles files = pki.writeServerFiles(work.resolve("tls"), serverCert);
        Files.createDirectories(work.resolve("temp"));
        for (int tries = 1; ; tries++) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (String p : protocols) {
                ports.put(p, PeerProcess.freePort());
            }
            Path config = TestPki.write(work, "nginx.conf", config(work, ports, files));
            Path errorLog = work.resolve("error.log");
            Path accessLog = work.resolve("access.log");
            List<String> command = List.of(program.toString(), "-c", config.toString(), "-p", work + "/",
                    "-e", errorLog.toString(), "-g", "daemon off;");
            try {
                return new RealNginx(PeerProcess.start("nginx", command, work.resolve("nginx.out"),
                        new ArrayList<>(ports.values()), List.of(errorLog, accessLog)), ports, accessLog);
            } catch (PeerProcess.PeerFailedToStart e) {
                if (tries == 3 || !e.getMessage().contains("Address already in use")) {
                    throw e;
                }
            }
        }
    }

    private static String config(Path work, Map<String, Integer> ports, PeerPki.ServerFiles f) {
        Path temp = work.resolve("temp");
        StringBuilder c = new StringBuilder();
        // As root nginx would switch its worker to "nobody", who cannot read the temp dir's key.
        if ("root".equals(System.getProperty("user.name"))) {
            c.append("user root;\n");
        }
        // One process: stopping it (even with SIGKILL) leaves no worker listening behind.
        c.append("master_process off;\n")
                .append("pid ").append(work.resolve("nginx.pid")).append(";\n")
                .append("error_log ").append(work.resolve("error.log")).append(" info;\n")
                .append("events { worker_connections 64; }\n")
                .append("http {\n")
                // what nginx received: "NONE" and "-" when no client certificate arrived
                .append("  log_format certs '$ssl_protocol client_verify=$ssl_client_verify"
                        + " client_dn=\"$ssl_client_s_dn\" status=$status';\n")
                .append("  access_log ").append(work.resolve("access.log")).append(" certs;\n");
        for (String t : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
            c.append("  ").append(t).append("_temp_path ").append(temp.resolve(t)).append(";\n");
        }
        ports.forEach((protocol, port) -> c.append("  server {\n")
                .append("    listen 127.0.0.1:").append(port).append(" ssl;\n")
                .append("    ssl_protocols ").append(protocol).append(";\n")
                .append("    ssl_certificate ").append(f.certificate()).append(";\n")
                .append("    ssl_certificate_key ").append(f.key()).append(";\n")
                .append("    ssl_verify_client on;\n")
                .append("    ssl_client_certificate ").append(f.clientCas()).append(";\n")
                .append("    location /v2/ {\n")
                .append("      add_header Docker-Distribution-Api-Version registry/2.0 always;\n")
                .append("      default_type application/json;\n")
                .append("      return 200 '{}';\n")
                .append("    }\n  }\n"));
        return c.append("}\n").toString();
    }

    /** The lines nginx logged so far, one per request: the TLS version, the client certificate's verdict and DN. */
    public List<String> accessLog() throws IOException {
        return Files.exists(accessLog) ? Files.readAllLines(accessLog) : List.of();
    }

    /** The port of the server that speaks only {@code protocol}. */
    public int port(String protocol) {
        return ports.get(protocol);
    }

    public PeerProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
