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

    // equals and hashCode are written out, as in Node's records: a record's own are made at run time (an
    // ObjectMethods bootstrap, whose method handles are spun into classes once called often), which cost the FX
    // thread of the installed window about 10 ms before its first tree (docs/performance.md)
    @Override
    public boolean equals(Object o) {
        return o instanceof NodeKey k && root.equals(k.root) && Objects.equals(host, k.host)
                && Objects.equals(file, k.file);
    }

    @Override
    public int hashCode() {
        return (root.hashCode() * 31 + Objects.hashCode(host)) * 31 + Objects.hashCode(file);
    }

    /** The path on disk this node stands for. */
    public Path path() {
        Path p = host == null ? root : root.resolve(host);
        return file == null ? p : p.resolve(file);
    }
}
