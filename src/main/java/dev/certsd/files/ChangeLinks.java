package dev.certsd.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The directories a change set reaches through a symbolic link, for the preview: "reg.example.com:5000 → /srv/certs/reg"
 * tells the user that the change lands in the link's target. Run as a user, writing there is allowed (it is theirs to
 * change); run as root, a link another user could have made is refused when the step opens its directory
 * ({@link OpenedDir}), and the preview says that too.
 */
final class ChangeLinks {
    private ChangeLinks() {
    }

    /** Each linked directory on the way to the change set's paths (nearest first per path), with its target. */
    static List<Message> of(List<FileOp> ops) {
        Map<Path, Path> links = new LinkedHashMap<>();
        for (FileOp op : ops) {
            for (Path p : op.paths()) {
                for (Path dir = p.toAbsolutePath().normalize().getParent(); dir != null && dir.getParent() != null;
                        dir = dir.getParent()) {
                    if (!links.containsKey(dir) && Files.isSymbolicLink(dir)) {
                        try {
                            links.put(dir, Files.readSymbolicLink(dir));
                        } catch (IOException e) {
                            links.put(dir, Path.of("?"));
                        }
                    }
                }
            }
        }
        List<Message> out = new ArrayList<>();
        links.forEach((link, target) -> out.add(Message.of(Bundles.FILES, "step.throughLink", link, target)));
        return out;
    }
}
