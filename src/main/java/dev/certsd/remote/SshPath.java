package dev.certsd.remote;

import java.util.Optional;

/**
 * A path on a remote machine as users write it: {@code ssh://[user@]host[:port]/abs/path} or scp's
 * {@code [user@]host[:port]:/abs/path}.
 */
public record SshPath(SshTarget target, String path) {

    /** The remote path {@code text} names, or empty when it is a local path. */
    public static Optional<SshPath> parse(String text) {
        if (text.startsWith("ssh://")) {
            String rest = text.substring("ssh://".length());
            int slash = rest.indexOf('/');
            if (slash <= 0) {
                return Optional.empty();
            }
            return SshTarget.parse(rest.substring(0, slash)).map(t -> new SshPath(t, rest.substring(slash)));
        }
        int marker = text.indexOf(":/");
        if (marker <= 0 || text.substring(0, marker).contains("/")) {
            return Optional.empty();
        }
        return SshTarget.parse(text.substring(0, marker)).map(t -> new SshPath(t, text.substring(marker + 1)));
    }

    public String label() {
        return target.label() + ":" + path;
    }
}
