package dev.certsd.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Whether writing a change "as administrator anyway" is worth offering when the user may write it themselves:
 * only where a directory on the way belongs to someone else (a root-owned {@code /etc/docker/certs.d} the user's
 * group may write): files written there should belong to that owner, not to the user. A folder of the user's own
 * ({@code /tmp/mine}, {@code ~/.docker/certs.d}) never needs it.
 */
public final class OwnedByAnother {
    private OwnedByAnother() {
    }

    /** True when the nearest existing directory of any path the change touches is not the current user's. */
    public static boolean anyIn(ChangeSet change) {
        String me = System.getProperty("user.name");
        for (FileOp op : change.ops()) {
            for (Path p : op.paths()) {
                Path dir = p.toAbsolutePath().getParent();
                while (dir != null && !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                    dir = dir.getParent();
                }
                try {
                    if (dir != null && !Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName().equals(me)) {
                        return true;
                    }
                } catch (IOException | UnsupportedOperationException e) {
                    return true; // who owns it is unknown: leave the choice to the user
                }
            }
        }
        return false;
    }
}
