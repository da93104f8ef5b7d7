package dev.certsd.probe.peers;

import dev.certsd.testing.ExternalTools;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a program in a private mount namespace ({@code unshare -m}) with files bind-mounted over machine paths
 * there ({@code /etc/hosts}, {@code /etc/docker}): the program sees them, the machine's files stay untouched.
 */
final class PrivateNamespace {
    private PrivateNamespace() {
    }

    /**
     * The command line: {@code unshare -m sh -c 'mount -n --bind SRC DST && ... && exec "$@"' sh COMMAND...}.
     *
     * @param binds what to mount where (source path to target path); {@code tmpfs:} as source mounts a tmpfs
     */
    static List<String> command(Map<String, String> binds, List<String> command) {
        ExternalTools.require("unshare", "util-linux");
        StringBuilder script = new StringBuilder();
        List<String> args = new ArrayList<>();
        int i = 1;
        for (Map.Entry<String, String> b : binds.entrySet()) {
            if (b.getKey().equals("tmpfs:")) {
                script.append("mount -n -t tmpfs tmpfs \"$").append(i).append("\" && ");
                args.add(b.getValue());
                i++;
            } else {
                script.append("mount -n --bind \"$").append(i).append("\" \"$").append(i + 1).append("\" && ");
                args.add(b.getKey());
                args.add(b.getValue());
                i += 2;
            }
        }
        script.append("shift ").append(args.size()).append(" && exec \"$@\"");
        List<String> out = new ArrayList<>(List.of("unshare", "-m", "sh", "-c", script.toString(), "sh"));
        out.addAll(args);
        out.addAll(command);
        return out;
    }
}
