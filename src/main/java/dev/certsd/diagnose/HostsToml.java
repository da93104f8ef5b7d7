package dev.certsd.diagnose;

import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.certsd.roots.ClientVersion;
import dev.certsd.roots.HostDir;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of containerd's {@code hosts.toml} that decide trust and client certificates: the CA files and
 * client pairs of each {@code [host."..."]} table, in the file's order, then of the top level (the server entry),
 * which containerd always adds last, with or without {@code server} ({@code core/remotes/docker/config/hosts.go}).
 */
record HostsToml(List<Host> hosts) {

    /**
     * One endpoint's TLS settings; a client pair's key is empty when the key is inside the certificate file.
     *
     * @param url  the table's URL, or the top level's {@code server} (null when the file names none: containerd
     *             then uses the registry the directory is for)
     * @param root the top level, not a {@code [host]} table
     * @param skipVerifySet whether {@code skip_verify} is written at all (true or false: either counts as TLS
     *                      configured for containerd's HTTPS-first rule)
     * @param resolve       whether the host may resolve tags ({@code capabilities}, all when not written)
     */
    record Host(String url, List<String> caFiles, List<String[]> clientPairs, boolean skipVerify, boolean root,
                boolean skipVerifySet, boolean resolve) {
        /** Whether containerd builds a TLS configuration of its own for this host. */
        boolean tlsConfigured() {
            return !caFiles.isEmpty() || !clientPairs.isEmpty() || skipVerifySet;
        }
    }

    /** Thrown when containerd would fail to decode the file (it then falls back to the loose files). */
    static final class InvalidException extends Exception {
        InvalidException(String message) {
            super(message);
        }
    }

    /** As the newest containerd reads it. */
    static HostsToml parse(byte[] bytes) throws InvalidException {
        return parse(bytes, ClientVersion.newest(dev.certsd.roots.Client.CONTAINERD));
    }

    /**
     * As that release of containerd reads it: before 1.7.32 (go-toml v1, {@code getSortedHosts}) a file without any
     * {@code [host]} table is refused with {@code invalid `host` tree}.
     */
    static HostsToml parse(byte[] bytes, ClientVersion version) throws InvalidException {
        Map<?, ?> root;
        try {
            root = new TomlMapper().readValue(bytes, Map.class);
        } catch (IOException | RuntimeException e) {
            throw new InvalidException(firstLine(e.getMessage()));
        }
        List<Host> hosts = new ArrayList<>();
        if (!(root.get("host") instanceof Map<?, ?>) && !version.atLeast(1, 7, 32)) {
            throw new InvalidException("invalid `host` tree");
        }
        if (root.get("host") instanceof Map<?, ?> hostTables) {
            for (Map.Entry<?, ?> h : hostTables.entrySet()) {
                if (h.getValue() instanceof Map<?, ?> table) {
                    hosts.add(host(String.valueOf(h.getKey()), table, false));
                }
            }
        }
        Object server = root.get("server");
        if (server != null && !(server instanceof String)) {
            throw new InvalidException("invalid type " + server.getClass().getSimpleName() + " for \"server\"");
        }
        hosts.add(host(server == null || ((String) server).isEmpty() ? null : (String) server, root, true));
        return new HostsToml(hosts);
    }

    /**
     * Whether containerd skips verifying the certificate of the registry {@code dir} is for. It tries the entries
     * for that registry in order and moves on to the next after an error, a failed verification included, so one
     * entry with {@code skip_verify = true} is enough. The top level without {@code server} is the registry itself,
     * and for a loopback registry on any port but 80 containerd turns verification off there whatever the file
     * says (ConfigureHosts: "Skipping TLS verification for localhost").
     *
     * @param toml the parsed hosts.toml, or null when containerd reads the loose files (no file, or one it cannot
     *             decode): then only the loopback rule applies
     */
    static boolean skipsVerification(HostsToml toml, HostDir dir) {
        if (dir.host() == null) {
            return false;
        }
        String authority = authority(dir.host(), dir.port());
        boolean loopbackDefault = isLoopback(dir.host()) && !Integer.valueOf(80).equals(dir.port());
        if (toml == null) {
            return loopbackDefault;
        }
        for (Host h : toml.hosts()) {
            if (h.root() && h.url() == null) {
                if (loopbackDefault || h.skipVerify()) {
                    return true;
                }
            } else if (h.skipVerify() && authority.equals(authorityOf(h.url()))) {
                return true;
            }
        }
        return false;
    }

    private static Host host(String url, Map<?, ?> table, boolean root) throws InvalidException {
        List<String> cas = new ArrayList<>();
        Object ca = table.get("ca");
        if (ca instanceof String s) {
            cas.add(s);
        } else if (ca instanceof List<?> list) {
            for (Object o : list) {
                cas.add(String.valueOf(o));
            }
        } else if (ca != null) {
            throw new InvalidException("invalid type " + ca.getClass().getSimpleName() + " for \"ca\"");
        }
        List<String[]> pairs = new ArrayList<>();
        Object client = table.get("client");
        if (client instanceof String s) {
            pairs.add(new String[] {s, ""});
        } else if (client instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof List<?> pair && pair.size() == 2) {
                    pairs.add(new String[] {String.valueOf(pair.get(0)), String.valueOf(pair.get(1))});
                } else if (o instanceof List<?> pair) {
                    throw new InvalidException("invalid pair " + pair + " for \"client\"");
                } else if (o instanceof String s) {
                    pairs.add(new String[] {s, ""});
                } else {
                    throw new InvalidException("invalid \"client\" entry " + o);
                }
            }
        } else if (client != null) {
            throw new InvalidException("invalid type " + client.getClass().getSimpleName() + " for \"client\"");
        }
        Object skip = table.get("skip_verify");
        if (skip != null && !(skip instanceof Boolean)) {
            // Go decodes it into a *bool: any other type fails the whole file
            throw new InvalidException("invalid type " + skip.getClass().getSimpleName() + " for \"skip_verify\"");
        }
        return new Host(url, cas, pairs, Boolean.TRUE.equals(skip), root, skip != null, resolves(table));
    }

    /** containerd's capabilities: pull, resolve, push (any case); another word makes the whole file invalid. */
    private static boolean resolves(Map<?, ?> table) throws InvalidException {
        Object caps = table.get("capabilities");
        if (caps == null) {
            return true;
        }
        if (!(caps instanceof List<?> list)) {
            throw new InvalidException("invalid type " + caps.getClass().getSimpleName() + " for \"capabilities\"");
        }
        if (list.isEmpty()) {
            return true; // len(config.Capabilities) == 0: all of them
        }
        boolean resolve = false;
        for (Object o : list) {
            if (!(o instanceof String word)) {
                throw new InvalidException("invalid type for \"capabilities\": " + o);
            }
            switch (word.toLowerCase(Locale.ROOT)) {
                case "pull", "push" -> {
                }
                case "resolve" -> resolve = true;
                default -> throw new InvalidException("unknown capability " + word);
            }
        }
        return resolve;
    }

    /** host[:port] as Go's url.URL.Host has it, with the default https port left out. */
    static String authorityOf(String url) {
        if (url == null) {
            return null;
        }
        try {
            java.net.URI u = java.net.URI.create(url.startsWith("http") ? url : "https://" + url);
            if (u.getHost() == null) {
                return null;
            }
            String host = u.getHost().startsWith("[") ? u.getHost().substring(1, u.getHost().length() - 1) : u.getHost();
            int port = u.getPort();
            return authority(host, port < 0 || (port == 443 && "https".equals(u.getScheme())) ? null : port);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String authority(String host, Integer port) {
        String h = host.toLowerCase(Locale.ROOT);
        return port == null || port == 443 ? h : h + ":" + port;
    }

    /** containerd's docker.IsLocalhost: "localhost", or an IP literal in a loopback range. */
    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!dev.certsd.roots.IpLiteral.isLiteral(host)) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress(); // a literal: no name lookup
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid TOML";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
