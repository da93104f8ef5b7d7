package dev.certsd.probe;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The curl and openssl s_client command lines that reproduce an attempt in a terminal. */
final class Commands {
    private final Endpoint endpoint;
    private final List<Path> caFiles;
    private final boolean customRootsOnly;
    private final String connectTo;
    private final boolean skipVerify;

    /**
     * {@code connectTo} is the address to use instead of resolving the host (curl --resolve), or null;
     * {@code skipVerify}: the client does not verify the server (containerd's skip_verify), so curl gets --insecure.
     */
    Commands(Endpoint endpoint, List<Path> caFiles, boolean customRootsOnly, String connectTo, boolean skipVerify) {
        this.endpoint = endpoint;
        this.caFiles = List.copyOf(caFiles);
        this.customRootsOnly = customRootsOnly;
        this.connectTo = connectTo;
        this.skipVerify = skipVerify;
    }

    String curl(Attempt.Kind kind, ClientPair pair) {
        List<String> c = new ArrayList<>(List.of("curl", "-v", "--http1.1"));
        if (connectTo != null) {
            c.add("--resolve");
            c.add(quote(endpoint.host() + ":" + endpoint.port() + ":" + connectTo));
        }
        if (kind == Attempt.Kind.PLAIN_HTTP) {
            c.add(quote(endpoint.withScheme("http").url()));
            return String.join(" ", c);
        }
        boolean insecure = kind == Attempt.Kind.INSECURE_HTTPS || skipVerify;
        if (insecure) {
            c.add("--insecure");
        } else if (caFiles.size() == 1) {
            c.add("--cacert");
            c.add(quote(caFiles.get(0).toString()));
        } else if (caFiles.size() > 1) {
            c.add("--cacert");
            c.add("<(cat " + String.join(" ", caFiles.stream().map(p -> quote(p.toString())).toList()) + ")");
        }
        if (pair != null) {
            c.add("--cert");
            c.add(quote(curlCertEscape(pair.certFile().toString())));
            c.add("--key");
            c.add(quote(pair.keyFile().toString()));
        }
        c.add(quote(endpoint.url()));
        return String.join(" ", c) + (!caFiles.isEmpty() && !customRootsOnly && !insecure
                ? "   # note: --cacert replaces the system roots, which Go adds to these" : "");
    }

    String openssl(Attempt.Kind kind, ClientPair pair) {
        List<String> c = new ArrayList<>(List.of("openssl", "s_client", "-connect",
                quote((connectTo != null ? connectTo : endpoint.host().contains(":") ? "[" + endpoint.host() + "]"
                        : endpoint.host()) + ":" + endpoint.port())));
        if (!dev.certsd.roots.IpLiteral.isLiteral(endpoint.host())) {
            c.add("-servername");
            c.add(quote(endpoint.host()));
            c.add("-verify_hostname");
            c.add(quote(endpoint.host()));
        } else {
            c.add("-verify_ip");
            c.add(quote(endpoint.host()));
        }
        if (kind != Attempt.Kind.INSECURE_HTTPS && !caFiles.isEmpty()) {
            c.add("-CAfile");
            c.add(caFiles.size() == 1 ? quote(caFiles.get(0).toString())
                    : "<(cat " + String.join(" ", caFiles.stream().map(p -> quote(p.toString())).toList()) + ")");
        }
        if (pair != null) {
            c.add("-cert");
            c.add(quote(pair.certFile().toString()));
            c.add("-key");
            c.add(quote(pair.keyFile().toString()));
        }
        c.add("-showcerts");
        return String.join(" ", c) + " </dev/null";
    }

    /** curl reads "file:password" in --cert, so colons in the path (host:port directories) need a backslash. */
    static String curlCertEscape(String path) {
        return path.replace("\\", "\\\\").replace(":", "\\:");
    }

    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
