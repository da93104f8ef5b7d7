package dev.certsd.ui.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.diagnose.FindingCode;
import dev.certsd.diagnose.Messages;
import dev.certsd.diagnose.ScanOptions;
import dev.certsd.diagnose.Severity;
import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.roots.HostsFileResolver;
import dev.certsd.roots.InsecureRegistries;
import dev.certsd.roots.OsFamily;
import dev.certsd.testing.TestPki;
import dev.certsd.ui.UiText;
import dev.certsd.ui.workspace.ChangeWatcher;
import dev.certsd.ui.workspace.NodeKey;
import dev.certsd.ui.workspace.RootsViewModel;
import dev.certsd.ui.work.Background;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingsViewModelTest {
    @TempDir
    Path root;
    private RootsViewModel roots;
    private FindingsViewModel findings;

    @BeforeEach
    void setUp() {
        TestPki.Issued ca = TestPki.cert("CN=ca").ca().build();
        TestPki.write(root.resolve("a.example"), "client.key", ca.keyPem());          // orphan key: error
        TestPki.write(root.resolve("b.example:443"), "ca.crt", ca.certPem());          // :443 dir: warning
        TestPki.write(root.resolve("b.example:443"), "README.md", "notes");            // ignored file: info
        ScanOptions options = new ScanOptions(Client.DOCKER, OsFamily.LINUX, Clock.systemUTC(), 30,
                InsecureRegistries.defaults(HostsFileResolver.of(root.resolve("none"))), false, 1 << 20);
        roots = new RootsViewModel(() -> List.of(CertsRoot.custom(root, Client.DOCKER)), List.of(), r -> options,
                Background.sameThread(), ChangeWatcher.none(), () -> root, new UiText(Locale.ENGLISH));
        findings = new FindingsViewModel(roots, new Messages(Locale.ENGLISH));
        roots.start();
    }

    @Test
    void errorsAndWarningsShowAtFirstAndNotesOnlyWhenAskedFor() {
        assertEquals(List.of(Severity.ERROR, Severity.WARNING), severities());
        findings.showInfosProperty().set(true);
        assertEquals(List.of(Severity.ERROR, Severity.WARNING, Severity.INFO), severities());
        assertEquals(1, findings.count(Severity.INFO).get());
    }

    @Test
    void turningASeverityOffHidesIt() {
        findings.showErrorsProperty().set(false);
        assertEquals(List.of(Severity.WARNING), severities());
    }

    @Test
    void searchMatchesMessageLocationAndCodeIgnoringCase() {
        findings.queryProperty().set("ORPHAN_key");
        assertEquals(List.of(FindingCode.ORPHAN_KEY), codes());
        findings.queryProperty().set("b.example:443");
        assertEquals(List.of(FindingCode.DEFAULT_PORT_IN_DIR_NAME), codes());
        findings.queryProperty().set("missing client certificate");
        assertEquals(List.of(FindingCode.ORPHAN_KEY), codes());
        findings.queryProperty().set("nothing like this");
        assertTrue(findings.visible().isEmpty());
    }

    @Test
    void selectingAFileFindingSelectsTheFileAndADirectoryFindingTheDirectory() {
        findings.queryProperty().set("ORPHAN_KEY");
        findings.select(findings.visible().get(0));
        assertEquals(NodeKey.ofFile(root, "a.example", "client.key"), roots.selectedKeyProperty().get());
        findings.queryProperty().set("DEFAULT_PORT");
        findings.select(findings.visible().get(0));
        assertEquals(NodeKey.ofHost(root, "b.example:443"), roots.selectedKeyProperty().get());
        assertFalse(findings.visible().get(0).message().isBlank());
    }

    @Test
    void aFixableFindingHasItsFixesAndCtrlPeriodFindsTheSelectedNodesOwn() {
        findings.queryProperty().set("ORPHAN_KEY");
        FindingItem orphan = findings.visible().get(0);
        assertEquals(List.of("set-aside", "remove"), findings.fixes(orphan).stream().map(f -> f.kind().id()).toList());
        findings.showInfosProperty().set(true);
        findings.queryProperty().set("README.md");
        assertTrue(findings.fixes(findings.visible().get(0)).isEmpty(), "an ignored README has nothing to fix");
        assertTrue(findings.fixes(null).isEmpty());

        roots.selectedKeyProperty().set(NodeKey.ofFile(root, "a.example", "client.key"));
        assertEquals("set-aside", findings.fixesOfSelectedNode().get(0).kind().id());
        roots.selectedKeyProperty().set(NodeKey.ofHost(root, "b.example:443"));
        assertEquals("rename-dir", findings.fixesOfSelectedNode().get(0).kind().id());
        roots.selectedKeyProperty().set(NodeKey.ofRoot(root));
        assertTrue(findings.fixesOfSelectedNode().isEmpty());
    }

    private List<Severity> severities() {
        return findings.visible().stream().map(FindingItem::severity).distinct().toList();
    }

    private List<FindingCode> codes() {
        return findings.visible().stream().map(FindingItem::code).toList();
    }

    @Test
    void theListShownIsReadOnlyAndChangesOnlyThroughTheFilters() {
        assertThrows(UnsupportedOperationException.class, () -> findings.visible().setAll(List.of()));
        assertThrows(UnsupportedOperationException.class, () -> findings.visible().remove(0));
    }
}
