package dev.certsd.ui.workspace;

import dev.certsd.diagnose.FileReport;
import dev.certsd.diagnose.HostReport;
import dev.certsd.diagnose.Verdict;
import dev.certsd.roots.CertsRoot;

/**
 * What a tree item shows: a root, a host directory or a file, with the report it was last scanned into. Its cells
 * compare items with {@code equals}; the records write theirs out (see {@link NodeKey#equals}).
 */
public sealed interface Node permits Node.RootNode, Node.HostNode, Node.FileNode {
    NodeKey key();

    /** A certs root; its report is null until the first scan ends or when the root cannot be scanned. */
    record RootNode(RootModel model) implements Node {
        @Override
        public NodeKey key() {
            return NodeKey.ofRoot(model.root().path());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RootNode r && model.equals(r.model);
        }

        @Override
        public int hashCode() {
            return model.hashCode();
        }
    }

    /** A registry host directory. */
    record HostNode(CertsRoot root, HostReport host) implements Node {
        @Override
        public NodeKey key() {
            return NodeKey.ofHost(root.path(), host.hostDir().dirName());
        }

        public Verdict verdict() {
            return host.verdict();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof HostNode h && root.equals(h.root) && host.equals(h.host);
        }

        @Override
        public int hashCode() {
            return root.hashCode() * 31 + host.hashCode();
        }
    }

    /** One entry of a host directory. */
    record FileNode(CertsRoot root, HostReport host, FileReport file) implements Node {
        @Override
        public NodeKey key() {
            return NodeKey.ofFile(root.path(), host.hostDir().dirName(), file.name());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FileNode f && root.equals(f.root) && host.equals(f.host) && file.equals(f.file);
        }

        @Override
        public int hashCode() {
            return (root.hashCode() * 31 + host.hashCode()) * 31 + file.hashCode();
        }
    }
}
