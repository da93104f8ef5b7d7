package dev.certsd.remote;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Why a remote machine could not be read, with what a person needs to decide what to do next. The text is in the
 * {@code remote} bundle under the kind's name: {0} is the machine, the arguments follow.
 *
 * @param machine the machine as the user named it
 * @param args    for {@link Kind#UNKNOWN_HOST_KEY} and {@link Kind#CHANGED_HOST_KEY}: the key type, its SHA-256
 *                fingerprint and the known_hosts file; for the others: the underlying reason, when there is one
 */
public record RemoteProblem(Kind kind, String machine, List<String> args) {
    /** What went wrong. */
    public enum Kind {
        /** The server's host key is not in known_hosts: trusted only when the user confirms its fingerprint. */
        UNKNOWN_HOST_KEY,
        /** known_hosts holds another key for this machine: refused, as ssh refuses it. */
        CHANGED_HOST_KEY,
        /** Nobody answered at the address, or the name does not resolve. */
        UNREACHABLE,
        /** None of the keys (or the agent-less identities) was accepted. */
        AUTH_FAILED,
        /** The server stopped answering for longer than the timeout. */
        TIMEOUT,
        /** The connection closed while reading. */
        CONNECTION_LOST,
        /** The server offers no SFTP subsystem. */
        NO_SFTP,
        /** ~/.ssh/config (or a ProxyJump in it) cannot be used. */
        BAD_CONFIG,
        /** The confirmed key could not be added to known_hosts. */
        KNOWN_HOSTS_UNWRITABLE
    }

    public RemoteProblem {
        args = List.copyOf(args);
    }

    public static RemoteProblem of(Kind kind, String machine, String... args) {
        return new RemoteProblem(kind, machine, List.of(args));
    }

    /** The fingerprint of the key met ({@code SHA256:...}), for the two host key problems. */
    public String fingerprint() {
        return (kind == Kind.UNKNOWN_HOST_KEY || kind == Kind.CHANGED_HOST_KEY) && args.size() > 1 ? args.get(1) : null;
    }

    public String message(Locale locale) {
        ResourceBundle b = ResourceBundle.getBundle("dev.certsd.remote.remote", locale);
        Object[] all = new Object[args.size() + 1];
        all[0] = machine;
        for (int i = 0; i < args.size(); i++) {
            all[i + 1] = args.get(i);
        }
        return new MessageFormat(b.getString("problem." + kind.name()), locale).format(all);
    }
}
