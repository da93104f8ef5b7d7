package dev.certsd.diagnose;

import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parts of containerd's {@code hosts.toml} that decide trust and client certificates: the CA files and
 * client pairs of the server entry and of each {@code [host."..."]} table, in the file's order.
 */
record HostsToml(List<Host> hosts, boolean rootSkipVerify) {

    /** One endpoint's TLS settings; a client pair's key is empty when the key is inside the certificate file. */
    record Host(String url, List<String> caFiles, List<String[]> clientPairs, boolean skipVerify) {
    }

    /** Thrown when containerd would fail to decode the file (it then falls back to the loose files). */
    static final class InvalidException extends Exception {
        InvalidException(String message) {
            super(message);
        }
    }

    static HostsToml parse(byte[] bytes) throws InvalidException {
        Map<?, ?> root;
        try {
            root = new TomlMapper().readValue(bytes, Map.class);
        } catch (IOException | RuntimeException e) {
            throw new InvalidException(firstLine(e.getMessage()));
        }
        List<Host> hosts = new ArrayList<>();
        if (root.get("host") instanceof Map<?, ?> hostTables) {
            for (Map.Entry<?, ?> h : hostTables.entrySet()) {
                if (h.getValue() instanceof Map<?, ?> table) {
                    hosts.add(host(String.valueOf(h.getKey()), table));
                }
            }
        }
        if (root.get("server") != null) {
            hosts.add(host(String.valueOf(root.get("server")), root));
        }
        return new HostsToml(hosts, Boolean.TRUE.equals(root.get("skip_verify")));
    }

    /**
     * Whether containerd skips verifying the server certificate of the registry at {@code authority} (the host
     * directory's name, {@code host[:port]}): the setting of the {@code [host."..."]} table for that host when there
     * is one, else the top level's, which applies to the server (containerd defaults it to https://{@code authority}).
     */
    boolean skipVerifyFor(String authority) {
        for (Host h : hosts) {
            if (h.url() != null && authority.equals(authorityOf(h.url()))) {
                return h.skipVerify();
            }
        }
        return rootSkipVerify;
    }

    private static String authorityOf(String url) {
        try {
            java.net.URI u = java.net.URI.create(url.contains("://") ? url : "https://" + url);
            return u.getHost() == null ? null : u.getHost() + (u.getPort() >= 0 ? ":" + u.getPort() : "");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Host host(String url, Map<?, ?> table) throws InvalidException {
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
                if (o instanceof List<?> pair && !pair.isEmpty() && pair.size() <= 2) {
                    pairs.add(new String[] {String.valueOf(pair.get(0)), pair.size() == 2 ? String.valueOf(pair.get(1)) : ""});
                } else if (o instanceof String s) {
                    pairs.add(new String[] {s, ""});
                } else {
                    throw new InvalidException("invalid \"client\" entry " + o);
                }
            }
        } else if (client != null) {
            throw new InvalidException("invalid type " + client.getClass().getSimpleName() + " for \"client\"");
        }
        return new Host(url, cas, pairs, Boolean.TRUE.equals(table.get("skip_verify")));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid TOML";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
