package dev.certsd.ui.shell;

import dev.certsd.ui.workspace.NodeKey;
import dev.certsd.ui.workspace.RootsViewModel;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Which root to open, and which node to select, for a path named on the command line. */
record OpenTarget(Path root, NodeKey key) {

    /**
     * A file belongs to a host directory inside a root. A directory is a root when it is one already, is named
     * {@code certs.d}, or holds directories (host directories); otherwise it is a host directory in its parent. A file
     * directly in a root (one already open, or a folder named {@code certs.d}) is the entry the scan shows as a host.
     */
    static OpenTarget of(Path path, RootsViewModel roots) {
        Path p = path.toAbsolutePath().normalize();
        Path parent = p.getParent();
        if (parent != null && !Files.isDirectory(p) && (roots.model(parent).isPresent()
                || (parent.getFileName() != null && parent.getFileName().toString().equals("certs.d")))) {
            // an entry of a root that is not a directory (a file named like a registry): the scan shows it as a host
            return new OpenTarget(parent, NodeKey.ofHost(parent, p.getFileName().toString()));
        }
        if (Files.isRegularFile(p) && p.getParent() != null && p.getParent().getParent() != null) {
            Path host = p.getParent();
            return new OpenTarget(host.getParent(), NodeKey.ofFile(host.getParent(), host.getFileName().toString(),
                    p.getFileName().toString()));
        }
        boolean root = roots.model(p).isPresent() || p.getFileName() == null
                || p.getFileName().toString().equals("certs.d") || holdsDirectories(p) || p.getParent() == null;
        if (root) {
            return new OpenTarget(p, NodeKey.ofRoot(p));
        }
        return new OpenTarget(p.getParent(), NodeKey.ofHost(p.getParent(), p.getFileName().toString()));
    }

    private static boolean holdsDirectories(Path dir) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, Files::isDirectory)) {
            return s.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }
}
