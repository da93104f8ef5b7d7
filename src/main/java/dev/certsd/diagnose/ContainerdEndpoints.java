package dev.certsd.diagnose;

import dev.certsd.roots.ClientVersion;
import dev.certsd.roots.HostDir;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The endpoints containerd tries for a registry and the scheme it speaks to each, as {@code ConfigureHosts}
 * ({@code remotes/docker/config/hosts.go}) builds them for {@code ctr images pull --hosts-dir}:
 * <ul>
 * <li>the server entry without {@code server} is the registry itself; for a loopback registry ("localhost" or a
 *     loopback IP literal) containerd before 1.6.25 and 1.7.0-1.7.6 speaks plain HTTP only; later releases speak
 *     HTTPS without verification on port 443 (or none), plain HTTP on port 80, and on any other port HTTPS first
 *     with a fall back to HTTP;</li>
 * <li>an {@code http://} host on a port other than 80 is tried in HTTPS first (then HTTP) by those later releases,
 *     since ctr always hands containerd a TLS configuration; the older ones speak plain HTTP to it.</li>
 * </ul>
 */
final class ContainerdEndpoints {
    private ContainerdEndpoints() {
    }

    static List<ContainerdHost> of(HostsToml toml, HostDir dir, ClientVersion version) {
        List<ContainerdHost> out = new ArrayList<>();
        for (HostsToml.Host h : toml.hosts()) {
            List<List<String>> pairs = h.clientPairs().stream().map(Arrays::asList).toList();
            if (h.root() && h.url() == null) {
                out.add(registry(dir, version, h.caFiles(), pairs, h.skipVerify(), h.tlsConfigured()));
            } else {
                out.add(named(h, pairs, version));
            }
        }
        return out;
    }

    /** The loose files: one endpoint, the registry itself. */
    static List<ContainerdHost> loose(List<String> cas, List<String[]> pairs, HostDir dir, ClientVersion version) {
        return List.of(registry(dir, version, cas, pairs.stream().map(Arrays::asList).toList(), false,
                !cas.isEmpty() || !pairs.isEmpty()));
    }

    /** Whether this release speaks only plain HTTP to loopback and {@code http://} hosts (no HTTPS first). */
    static boolean plainHttpOnly(ClientVersion v) {
        if (v.version() == null) {
            return false;
        }
        return !v.atLeast(1, 6, 25) || (v.line(1, 7) && !v.atLeast(1, 7, 7));
    }

    private static ContainerdHost registry(HostDir dir, ClientVersion version, List<String> cas,
                                           List<List<String>> pairs, boolean skip, boolean tls) {
        if (dir.host() == null) { // _default: the registry of the pull, unknown here
            return new ContainerdHost("https", "", "/v2", true, skip, false, cas, pairs, true);
        }
        String hostPort = authority(dir.host(), dir.port());
        if (hostPort.equals("docker.io")) {
            return new ContainerdHost("https", "registry-1.docker.io", "/v2", true, skip, false, cas, pairs, true);
        }
        if (!isLocalhost(dir.host())) {
            return new ContainerdHost("https", hostPort, "/v2", true, skip, false, cas, pairs, true);
        }
        if (plainHttpOnly(version)) {
            return new ContainerdHost("http", hostPort, "/v2", true, true, false, cas, pairs, true);
        }
        Integer port = dir.port();
        if (port == null || port == 443) {
            return new ContainerdHost("https", hostPort, "/v2", true, true, false, cas, pairs, true);
        }
        if (port == 80) {
            return new ContainerdHost("http", hostPort, "/v2", true, skip, false, cas, pairs, true);
        }
        return new ContainerdHost("https", hostPort, "/v2", true, true, true, cas, pairs, true);
    }

    private static ContainerdHost named(HostsToml.Host h, List<List<String>> pairs, ClientVersion version) {
        String url = h.url().startsWith("http") ? h.url() : "https://" + h.url();
        String scheme = "https";
        String host = h.url();
        String path = "/v2";
        try {
            URI u = URI.create(url);
            scheme = u.getScheme();
            host = u.getRawAuthority() != null ? u.getRawAuthority() : host;
            String p = u.getPath();
            if (p != null && !p.isEmpty() && !p.equals("/")) {
                path = p.endsWith("/v2") ? p : p + "/v2";
            }
        } catch (IllegalArgumentException e) {
            // containerd fails the file on an unparseable URL; the host stays as written
        }
        boolean fallback = false;
        if (scheme.equals("http") && !plainHttpOnly(version)) {
            Integer port = portOf(host);
            if (port != null && port != 80) { // ctr always passes a TLS configuration: HTTPS first
                scheme = "https";
                fallback = true;
            }
        }
        return new ContainerdHost(scheme, host, path, h.resolve(), h.skipVerify(), fallback, h.caFiles(), pairs,
                false);
    }

    private static Integer portOf(String authority) {
        int colon = authority.lastIndexOf(':');
        if (colon < 0 || authority.endsWith("]")) {
            return null;
        }
        try {
            return Integer.parseInt(authority.substring(colon + 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String authority(String host, Integer port) {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return port == null ? h : h + ":" + port;
    }

    /** containerd's docker.IsLocalhost: exactly "localhost", or a loopback IP literal. */
    static boolean isLocalhost(String host) {
        return host.equals("localhost") || (dev.certsd.roots.IpLiteral.isLiteral(host) && HostsToml.isLoopback(host));
    }
}
