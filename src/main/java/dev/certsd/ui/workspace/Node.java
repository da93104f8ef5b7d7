package dev.certsd.ui.workspace;

import dev.certsd.diagnose.FileReport;
import dev.certsd.diagnose.HostReport;
import dev.certsd.diagnose.Verdict;
import dev.certsd.roots.CertsRoot;

/** What a tree item shows: a root, a host directory or a file, with the report it was last scanned into. */
public sealed interface Node permits Node.RootNode, Node.HostNode, Node.FileNode {
    NodeKey key();

    /** A certs root; its report is null until the first scan ends or when the root cannot be scanned. */
    record RootNode(RootModel model) implements Node {
        @Override
        public NodeKey key() {
            return NodeKey.ofRoot(model.root().path());
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
    }

    /** One entry of a host directory. */
    record FileNode(CertsRoot root, HostReport host, FileReport file) implements Node {
        @Override
        public NodeKey key() {
            return NodeKey.ofFile(root.path(), host.hostDir().dirName(), file.name());
        }
    }
}
