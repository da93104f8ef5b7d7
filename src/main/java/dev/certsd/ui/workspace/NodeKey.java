package dev.certsd.ui.workspace;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Identifies a tree node across rescans (reports are replaced, keys stay), so selection and expanded state
 * survive a refresh.
 *
 * @param host the host directory's name, or null for the root itself
 * @param file the file's name in the host directory, or null for the directory itself
 */
public record NodeKey(Path root, String host, String file) {
    public NodeKey {
        Objects.requireNonNull(root, "root");
        if (file != null && host == null) {
            throw new IllegalArgumentException("a file key needs its host directory");
        }
    }

    public static NodeKey ofRoot(Path root) {
        return new NodeKey(root, null, null);
    }

    public static NodeKey ofHost(Path root, String host) {
        return new NodeKey(root, host, null);
    }

    public static NodeKey ofFile(Path root, String host, String file) {
        return new NodeKey(root, host, file);
    }

    public NodeKey parent() {
        return file != null ? ofHost(root, host) : host != null ? ofRoot(root) : null;
    }

    /** The path on disk this node stands for. */
    public Path path() {
        Path p = host == null ? root : root.resolve(host);
        return file == null ? p : p.resolve(file);
    }
}
