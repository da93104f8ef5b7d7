package dev.certsd.remote;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A machine as the user names it, {@code [user@]host[:port]} (or {@code [user@][v6]:port}); what is not given is
 * left to {@code ~/.ssh/config} and then to ssh's defaults (the local user, port 22).
 *
 * @param user null when not given
 * @param port 0 when not given
 */
public record SshTarget(String user, String host, int port) {
    private static final Pattern FORM = Pattern.compile(
            "(?:([^@\\s:/]+)@)?(?:\\[([0-9A-Fa-f:.%]+)]|([A-Za-z0-9_.\\-]+))(?::(\\d{1,5}))?");

    public SshTarget {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port");
        }
    }

    /** The target {@code text} names, or empty when it is not of the form {@code [user@]host[:port]}. */
    public static Optional<SshTarget> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int port = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        if (port > 65535 || (m.group(4) != null && port == 0)) {
            return Optional.empty();
        }
        return Optional.of(new SshTarget(m.group(1), m.group(2) != null ? m.group(2) : m.group(3), port));
    }

    /** The same machine with another user (an inventory's {@code ansible_user}). */
    public SshTarget withUser(String u) {
        return new SshTarget(u, host, port);
    }

    /** As typed: {@code user@host:port}, the parts not given left out. */
    public String label() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return (user != null ? user + "@" : "") + h + (port > 0 ? ":" + port : "");
    }

    @Override
    public String toString() {
        return label();
    }
}
