package dev.certsd.pki;

import dev.certsd.roots.IpLiteral;
import java.nio.file.Path;

/**
 * The ready-to-paste server configuration of a test PKI: the distribution registry's {@code config.yml}
 * ({@code http.tls} with {@code clientcas}) and an nginx {@code server} block ({@code ssl_verify_client on}).
 */
final class ServerSnippets {
    private ServerSnippets() {
    }

    /** A whole config.yml that {@code docker-registry serve} runs as it is. */
    static String registryConfig(String host, int port, Path cert, Path key, Path clientCa, Path storage) {
        // A loopback registry listens on loopback only; any other listens on every address, as the docs' examples do.
        boolean loopback = IpLiteral.parse(host).map(a -> a.isLoopbackAddress()).orElse(false);
        String addr = loopback ? (host.contains(":") ? "[" + host + "]" : host) + ":" + port : ":" + port;
        return "# Distribution registry (docker-registry serve config.yml) with TLS and client certificates.\n"
                + "# Made by Certs.d Studio: clients must present a certificate issued by client-ca.crt.\n"
                + "version: 0.1\n"
                + "log:\n"
                + "  level: info\n"
                + "storage:\n"
                + "  filesystem:\n"
                + "    rootdirectory: " + yaml(storage.toString()) + "\n"
                + "http:\n"
                + "  addr: " + yaml(addr) + "\n"
                + "  tls:\n"
                + "    certificate: " + yaml(cert.toString()) + "\n"
                + "    key: " + yaml(key.toString()) + "\n"
                + "    clientcas:\n"
                + "      - " + yaml(clientCa.toString()) + "\n";
    }

    /** An nginx server block in front of a registry that listens on plain HTTP at 127.0.0.1:5000. */
    static String nginx(String host, int port, Path cert, Path key, Path clientCa) {
        return "# nginx in front of the registry: paste into the http block. The registry then listens on plain HTTP\n"
                + "# at 127.0.0.1:5000 (config.yml without its tls section); nginx checks the client certificates.\n"
                + "server {\n"
                + "    listen " + port + " ssl;\n"
                + "    server_name " + (host.contains(":") ? "[" + host + "]" : host) + ";\n"
                + "    ssl_certificate " + nginxQuote(cert) + ";\n"
                + "    ssl_certificate_key " + nginxQuote(key) + ";\n"
                + "    ssl_client_certificate " + nginxQuote(clientCa) + ";\n"
                + "    ssl_verify_client on;\n"
                + "    client_max_body_size 0;\n"
                + "    chunked_transfer_encoding on;\n"
                + "    location /v2/ {\n"
                + "        proxy_pass http://127.0.0.1:5000;\n"
                + "        proxy_set_header Host $http_host;\n"
                + "        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
                + "        proxy_set_header X-Forwarded-Proto $scheme;\n"
                + "        proxy_read_timeout 900;\n"
                + "    }\n"
                + "}\n";
    }

    /** A YAML double-quoted scalar. */
    static String yaml(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String nginxQuote(Path p) {
        return "\"" + p.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
