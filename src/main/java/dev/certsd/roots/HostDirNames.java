package dev.certsd.roots;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and derives host directory names per client and OS (the naming rules live here and nowhere else). */
public final class HostDirNames {
    // The domain grammar of distribution/reference: components of [a-zA-Z0-9] with inner hyphens, dot-separated.
    private static final String COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final Pattern DOMAIN = Pattern.compile(COMPONENT + "(?:\\." + COMPONENT + ")*");
    private static final Pattern HOST_PORT = Pattern.compile("(.+?)(?::([0-9]+))?");
    private static final Pattern IPV6 = Pattern.compile("\\[([0-9a-fA-F:.]+(?:%[A-Za-z0-9]+)?)\\](?::([0-9]+))?");
    private static final Pattern CONTAINERD = Pattern.compile("(.+)_([0-9]+)_");
    private static final Pattern WINDOWS_TRAILING_PORT = Pattern.compile("(.*[^0-9])([1-9][0-9]{0,4})");

    private HostDirNames() {
    }

    /** Parses a directory name as the given client on the given OS reads it. */
    public static HostDir parse(String name, Client client, OsFamily os) {
        if (client == Client.CONTAINERD) {
            if (name.equals("_default")) {
                return new HostDir(name, HostDir.Form.CONTAINERD_DEFAULT, null, null, List.of("*"), null);
            }
            Matcher m = CONTAINERD.matcher(name);
            if (m.matches()) {
                HostDir inner = parseHostPort(m.group(1) + ":" + m.group(2), name);
                if (inner.valid()) {
                    return new HostDir(name, HostDir.Form.CONTAINERD_PORT, inner.host(), inner.port(),
                            inner.references(), null);
                }
            }
        }
        if (os == OsFamily.WINDOWS && !name.contains(":")) {
            return parseWindows(name);
        }
        return parseHostPort(name, name);
    }

    /** The directory name a registry reference ({@code host}, {@code host:port}, {@code [v6]:port}) maps to. */
    public static String dirNameFor(String registry, Client client, OsFamily os) {
        String r = registry.trim();
        if (r.endsWith(":443")) {
            r = r.substring(0, r.length() - 4);
        }
        if (client == Client.CONTAINERD) {
            int idx = r.lastIndexOf(':');
            if (idx > 0 && !r.endsWith("]")) {
                return r.substring(0, idx) + "_" + r.substring(idx + 1) + "_";
            }
            return r;
        }
        return os == OsFamily.WINDOWS ? r.replace(":", "") : r;
    }

    private static HostDir parseHostPort(String text, String dirName) {
        Matcher v6 = IPV6.matcher(text);
        if (v6.matches()) {
            Integer port = port(v6.group(2));
            if (v6.group(2) != null && port == null) {
                return invalid(dirName, "port out of range");
            }
            String host = v6.group(1);
            String ref = "[" + host + "]" + (port == null ? "" : ":" + port);
            return new HostDir(dirName, HostDir.Form.IPV6, host, port, List.of(ref), null);
        }
        Matcher m = HOST_PORT.matcher(text);
        if (!m.matches()) {
            return invalid(dirName, "empty name");
        }
        String host = m.group(1);
        if (!DOMAIN.matcher(host).matches()) {
            return invalid(dirName, host.contains(":") ? "IPv6 addresses must be in brackets" : "not a host name");
        }
        if (m.group(2) == null) {
            return new HostDir(dirName, HostDir.Form.HOST, host, null, List.of(host), null);
        }
        Integer port = port(m.group(2));
        if (port == null) {
            return invalid(dirName, "port out of range");
        }
        return new HostDir(dirName, HostDir.Form.HOST_PORT, host, port, List.of(host + ":" + port), null);
    }

    private static HostDir parseWindows(String name) {
        HostDir plain = parseHostPort(name, name);
        if (!plain.valid()) {
            return plain;
        }
        // Docker on Windows strips the colon: "myreg5000" serves myreg5000 and myreg:5000 alike.
        List<String> refs = new ArrayList<>(plain.references());
        Matcher m = WINDOWS_TRAILING_PORT.matcher(name);
        Integer port = null;
        String host = plain.host();
        if (m.matches() && DOMAIN.matcher(m.group(1)).matches() && port(m.group(2)) != null) {
            port = port(m.group(2));
            host = m.group(1);
            refs.add(host + ":" + port);
        }
        HostDir.Form form = port == null ? HostDir.Form.HOST : HostDir.Form.WINDOWS_STRIPPED;
        return new HostDir(name, form, port == null ? plain.host() : host, port, refs, null);
    }

    private static Integer port(String digits) {
        if (digits == null || digits.length() > 5) {
            return null;
        }
        int p = Integer.parseInt(digits);
        return p >= 1 && p <= 65535 ? p : null;
    }

    private static HostDir invalid(String name, String why) {
        return new HostDir(name, HostDir.Form.INVALID, null, null, List.of(), why);
    }
}
