package dev.certsd.ui.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.certsd.diagnose.HostReport;
import dev.certsd.diagnose.RootReport;
import dev.certsd.diagnose.RootScanner;
import dev.certsd.diagnose.ScanOptions;
import dev.certsd.roots.Client;
import dev.certsd.roots.CertsRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tree's keys and items keep a record's equality though they write it out: equal parts, equal values and hash
 * codes; any part different, a different value.
 */
class NodeEqualityTest {
    @TempDir
    Path tmp;

    @Test
    void keysAreEqualByRootHostAndFile() {
        Path root = tmp.resolve("certs.d");
        NodeKey file = NodeKey.ofFile(root, "reg:5000", "ca.crt");
        assertEquals(file, NodeKey.ofFile(Path.of(root.toString()), "reg:5000", "ca.crt"));
        assertEquals(file.hashCode(), NodeKey.ofFile(Path.of(root.toString()), "reg:5000", "ca.crt").hashCode());
        assertEquals(NodeKey.ofRoot(root), file.parent().parent());
        assertEquals(NodeKey.ofRoot(root).hashCode(), file.parent().parent().hashCode());
        assertNotEquals(file, NodeKey.ofFile(tmp.resolve("other"), "reg:5000", "ca.crt"));
        assertNotEquals(file, NodeKey.ofFile(root, "reg:5001", "ca.crt"));
        assertNotEquals(file, NodeKey.ofFile(root, "reg:5000", "client.cert"));
        assertNotEquals(file, file.parent());
        assertNotEquals(file.parent(), file.parent().parent());
        assertNotEquals(file, null);
        assertNotEquals(file, (Object) file.path());
    }

    @Test
    void itemsAreEqualByTheirParts() throws Exception {
        Path dir = tmp.resolve("certs.d");
        Files.createDirectories(dir.resolve("a:5000"));
        Files.createDirectories(dir.resolve("b:5000"));
        Files.writeString(dir.resolve("a:5000/junk.txt"), "not a certificate");
        Files.writeString(dir.resolve("b:5000/junk.txt"), "not a certificate");
        CertsRoot root = CertsRoot.custom(dir, Client.DOCKER);
        RootReport first = new RootScanner(ScanOptions.defaults(Client.DOCKER)).scan(root, List.of());
        HostReport a = first.hosts().get(0);
        HostReport b = first.hosts().get(1);

        Node.HostNode host = new Node.HostNode(root, a);
        assertEquals(host, new Node.HostNode(root, a));
        assertEquals(host.hashCode(), new Node.HostNode(root, a).hashCode());
        assertNotEquals(host, new Node.HostNode(root, b));
        assertNotEquals(host, new Node.HostNode(CertsRoot.custom(tmp.resolve("x"), Client.DOCKER), a));

        Node.FileNode file = new Node.FileNode(root, a, a.files().get(0));
        assertEquals(file, new Node.FileNode(root, a, a.files().get(0)));
        assertEquals(file.hashCode(), new Node.FileNode(root, a, a.files().get(0)).hashCode());
        assertNotEquals(file, new Node.FileNode(root, b, b.files().get(0)));
        assertNotEquals(file, (Object) host);

        RootModel model = new RootModel(root, true, false);
        assertEquals(new Node.RootNode(model), new Node.RootNode(model));
        assertEquals(new Node.RootNode(model).hashCode(), new Node.RootNode(model).hashCode());
        assertNotEquals(new Node.RootNode(model), new Node.RootNode(new RootModel(root, true, false)));
    }
}
