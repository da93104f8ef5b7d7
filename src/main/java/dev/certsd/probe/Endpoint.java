package dev.certsd.probe;

import dev.certsd.roots.HostDir;
import java.net.URI;

/**
 * Where a probe connects: {@code https://host[:port]/v2/} from the directory name, or an override.
 *
 * @param host the host name or IP literal (IPv6 without brackets)
 */
public record Endpoint(String scheme, String host, int port, String path) {
    public static Endpoint of(HostDir dir) {
        if (dir.host() == null) {
            throw new IllegalArgumentException("not a registry host directory: " + dir.dirName());
        }
        return new Endpoint("https", dir.host(), dir.port() == null ? 443 : dir.port(), "/v2/");
    }

    public static Endpoint parse(String url) {
        URI u = URI.create(url);
        if (u.getHost() == null || !(u.getScheme().equals("https") || u.getScheme().equals("http"))) {
            throw new IllegalArgumentException("not an http(s) URL: " + url);
        }
        String host = u.getHost().startsWith("[") ? u.getHost().substring(1, u.getHost().length() - 1) : u.getHost();
        int port = u.getPort() > 0 ? u.getPort() : u.getScheme().equals("https") ? 443 : 80;
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/v2/" : u.getRawPath();
        return new Endpoint(u.getScheme(), host, port, path);
    }

    public Endpoint withScheme(String s) {
        return new Endpoint(s, host, s.equals("http") && port == 443 ? 80 : port, path);
    }

    /** host:port for the Host header and CONNECT, with IPv6 in brackets; the default port left out of Host. */
    public String authority() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        boolean defaultPort = (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return defaultPort ? h : h + ":" + port;
    }

    public String url() {
        return scheme + "://" + authority() + path;
    }
}
