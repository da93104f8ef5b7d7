package dev.certsd.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.certsd.diagnose.MachineOptions;
import dev.certsd.testing.Fixtures;
import dev.certsd.testing.TestPki;
import dev.certsd.ui.UiText;
import dev.certsd.ui.workspace.ChangeWatcher;
import dev.certsd.ui.workspace.NodeKey;
import dev.certsd.ui.workspace.RootsViewModel;
import dev.certsd.ui.work.Background;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gui PATH}: which root opens and which node is selected. */
class OpenTargetTest {
    @TempDir
    Path tmp;

    private RootsViewModel roots() {
        MachineOptions machine = MachineOptions.of(tmp.resolve("none.json"), tmp.resolve("no-hosts"));
        return new RootsViewModel(List::of, List.of(), machine::lenientScanOptions, Background.sameThread(),
                ChangeWatcher.none(), () -> tmp, new UiText(Locale.ENGLISH));
    }

    @Test
    void aFileInAHostDirectorySelectsTheFile() {
        Path certs = tmp.resolve("certs.d");
        Fixtures.healthy(certs.resolve("reg:5000"));
        OpenTarget t = OpenTarget.of(certs.resolve("reg:5000").resolve("ca.crt"), roots());
        assertEquals(certs, t.root());
        assertEquals(NodeKey.ofFile(certs, "reg:5000", "ca.crt"), t.key());
    }

    @Test
    void aFileNamedLikeAHostDirectoryInARootSelectsItsHostNode() {
        Path certs = tmp.resolve("certs.d");
        TestPki.write(certs, "127.0.0.1:5443", "not a directory");
        OpenTarget t = OpenTarget.of(certs.resolve("127.0.0.1:5443"), roots());
        assertEquals(certs, t.root());
        assertEquals(NodeKey.ofHost(certs, "127.0.0.1:5443"), t.key());
    }

    @Test
    void aHostDirectorySelectsItsHostNode() {
        Path certs = tmp.resolve("certs.d");
        Fixtures.healthy(certs.resolve("reg:5000"));
        assertEquals(NodeKey.ofHost(certs, "reg:5000"), OpenTarget.of(certs.resolve("reg:5000"), roots()).key());
    }
}
