package dev.certsd.ui.shell;

import static dev.certsd.testing.FxStudio.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.diagnose.Badge;
import dev.certsd.diagnose.ScanOptions;
import dev.certsd.roots.Client;
import dev.certsd.roots.HostsFileResolver;
import dev.certsd.roots.InsecureRegistries;
import dev.certsd.roots.OsFamily;
import dev.certsd.sample.SampleRoot;
import dev.certsd.testing.FxStudio;
import dev.certsd.ui.findings.FindingItem;
import dev.certsd.ui.workspace.Node;
import dev.certsd.ui.workspace.NodeKey;
import dev.certsd.ui.workspace.TreeRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real window (headless by default): empty state, the sample, badges, details, live updates, filter. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    @TempDir
    Path home;
    @RegisterExtension
    final FxStudio studio = new FxStudio();
    private StudioContext context;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        ScanOptions options = new ScanOptions(Client.DOCKER, OsFamily.LINUX, CLOCK, 30,
                InsecureRegistries.defaults(HostsFileResolver.of(home.resolve("no-hosts"))), false,
                ScanOptions.DEFAULT_MAX_FILE_BYTES);
        context = studio.on(home).clock(CLOCK).scanOptions(root -> options).open();
        window = new MainWindow(context);
        window.show(stage, Startup.NONE);
    }

    @Test
    void aMachineWithoutRootsShowsTheEmptyStateAndNoTree(FxRobot robot) {
        assertTrue(robot.lookup("#empty-state").query().isVisible());
        assertFalse(robot.lookup("#workspace").query().isVisible());
    }

    @Test
    void openSampleFromTheEmptyStateShowsEachMixUpWithItsBadges(FxRobot robot) throws Exception {
        openSample(robot);
        assertFalse(robot.lookup("#empty-state").query().isVisible());
        assertBadges(robot, SampleRoot.HEALTHY, "ca.crt", Badge.CA);
        assertBadges(robot, SampleRoot.HEALTHY, "client.cert", Badge.CLIENT_CERT);
        assertBadges(robot, SampleRoot.HEALTHY, "client.key", Badge.KEY);
        assertBadges(robot, "ca-saved-as-cert.example.com", "ca.cert", Badge.CA_SAVED_AS_CERT); // what it holds
        assertBadges(robot, "client-saved-as-crt.example.com", "client.crt", Badge.CLIENT_CERT_SAVED_AS_CRT);
        assertBadges(robot, "orphan-key.example.com", "client.key", Badge.KEY, Badge.ORPHAN);
        assertBadges(robot, "orphan-key.example.com", "client.pem", Badge.IGNORED);
        assertBadges(robot, "der-ca.example.com", "ca.crt", Badge.CA, Badge.INVALID);
        assertBadges(robot, "moved-ca.example.com", "ca.crt", Badge.CA, Badge.UNREADABLE);
        assertBadges(robot, "expired.example.com:5000", "client.cert", Badge.CLIENT_CERT, Badge.EXPIRED);
        assertBadges(robot, "expiring.example.com", "client.cert", Badge.CLIENT_CERT, Badge.EXPIRING_SOON);
        assertBadges(robot, "key-mismatch.example.com", "client.cert", Badge.CLIENT_CERT, Badge.MISMATCH);
        assertBadges(robot, "key-mismatch.example.com", "client.key", Badge.KEY, Badge.MISMATCH);
        assertBadges(robot, "encrypted-key.example.com", "client.key", Badge.KEY, Badge.ENCRYPTED);
    }

    @Test
    void aDerCaSaysLoadsButFailsLaterInTheTreeAndTheDetailsBannerNeverOk(FxRobot robot) throws Exception {
        openSample(robot);
        NodeKey key = NodeKey.ofHost(sampleRoot(), "der-ca.example.com");
        robot.interact(() -> window.roots().selectedKeyProperty().set(key));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> row = robot.from(cell(robot, key)).lookup(".label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertTrue(row.contains("loads, but fails later: 1 error"), row.toString());
        waitUntil(() -> "der-ca.example.com".equals(robot.lookup("#details-title").queryAs(Label.class).getText()), 5);
        javafx.scene.Node banner = robot.lookup("#details-banner").query();
        List<String> words = robot.from(banner).lookup(".label").queryAllAs(Label.class).stream().map(Label::getText)
                .toList();
        assertTrue(words.stream().anyMatch(w -> w.startsWith("Loads, but fails later")), words.toString());
        assertTrue(banner.getStyleClass().contains("banner-warning"), banner.getStyleClass().toString());
        Set<String> shown = robot.lookup("#details .label").queryAllAs(Label.class).stream().map(Label::getText)
                .collect(java.util.stream.Collectors.toSet());
        assertFalse(shown.stream().anyMatch(t -> t.startsWith("OK:")), "no green OK above a red finding: " + shown);
    }

    @Test
    void aFileWithAnErrorHasARedBannerAndItsFindingsAtTheTopOfItsDetails(FxRobot robot) throws Exception {
        openSample(robot);
        NodeKey key = NodeKey.ofFile(sampleRoot(), "expired.example.com:5000", "client.cert");
        robot.interact(() -> window.roots().selectedKeyProperty().set(key));
        waitUntil(() -> robot.lookup("#details-findings").tryQuery().isPresent(), 5);
        javafx.scene.Node banner = robot.lookup("#details-banner").query();
        assertTrue(banner.getStyleClass().contains("banner-danger"), banner.getStyleClass().toString());
        String said = robot.from(banner).lookup(".label").queryAllAs(Label.class).iterator().next().getText();
        assertTrue(said.startsWith("This file has an error; it is listed first below"), said);
        javafx.scene.layout.VBox content = (javafx.scene.layout.VBox) banner.getParent();
        int findings = content.getChildren().indexOf(robot.lookup("#details-findings").query());
        assertEquals(content.getChildren().indexOf(banner) + 1, findings, "the findings come right after the banner");
    }

    @Test
    void theSampleRootIsLabelledSampleWithItsClientNotCustom(FxRobot robot) throws Exception {
        openSample(robot);
        TreeCell<Node> cell = cell(robot, NodeKey.ofRoot(sampleRoot()));
        List<String> words = robot.from(cell).lookup(".label").queryAllAs(Label.class).stream().map(Label::getText)
                .toList();
        assertEquals("Sample (Docker)", words.get(0), words.toString());
        robot.interact(() -> window.roots().selectedKeyProperty().set(NodeKey.ofRoot(sampleRoot())));
        assertEquals("Sample (Docker)", robot.lookup("#details-title").queryAs(Label.class).getText());
    }

    @Test
    void clickingAFileShowsItsDecodedCertificate(FxRobot robot) throws Exception {
        openSample(robot);
        Path root = sampleRoot();
        NodeKey host = NodeKey.ofHost(root, "expired.example.com:5000");
        robot.interact(() -> window.roots().selectedKeyProperty().set(host));
        robot.interact(() -> TreeRows.item(robot, host).setExpanded(true));
        robot.clickOn(cell(robot, NodeKey.ofFile(root, "expired.example.com:5000", "client.cert")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("client.cert", robot.lookup("#details-title").queryAs(Label.class).getText());
        Set<String> shown = robot.lookup("#details .label").queryAllAs(Label.class).stream().map(Label::getText)
                .collect(Collectors.toSet());
        assertTrue(shown.contains("O=Certs.d Studio Sample,CN=expired client"), shown.toString());
        assertTrue(shown.stream().anyMatch(s -> s.endsWith("(expired 10 days ago)")), shown.toString());
        assertTrue(shown.contains("belongs with client.key: the key matches the certificate"), shown.toString());
        assertTrue(shown.stream().anyMatch(s -> s.startsWith("ca.crt in this directory")), shown.toString());
        // the signature of "issued by" is checked on a worker thread, and the details show the answer when it is in
        waitUntil(() -> robot.lookup("#details .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("ca.crt in this directory (signature verified)")));
    }

    @Test
    void filesCreatedAndDeletedOnDiskAppearAndGoWithoutAClickKeepingTheSelection(FxRobot robot) throws Exception {
        openSample(robot);
        Path root = sampleRoot();
        NodeKey selected = NodeKey.ofFile(root, SampleRoot.HEALTHY, "client.cert");
        robot.interact(() -> window.roots().selectedKeyProperty().set(selected));
        NodeKey added = NodeKey.ofFile(root, SampleRoot.HEALTHY, "backup.crt");
        Files.copy(root.resolve(SampleRoot.HEALTHY).resolve("ca.crt"), added.path());
        waitUntil(() -> TreeRows.item(robot, added) != null, 3);
        assertEquals(selected, TreeRows.selected(robot));
        assertTrue(TreeRows.item(robot, NodeKey.ofHost(root, SampleRoot.HEALTHY)).isExpanded());
        Files.delete(added.path());
        waitUntil(() -> TreeRows.item(robot, added) == null, 3);
        assertEquals(selected, TreeRows.selected(robot));
    }

    @Test
    void theFindingsListFiltersBySeverityAndTextAndSelectsTheFile(FxRobot robot) throws Exception {
        openSample(robot);
        TableView<FindingItem> table = robot.lookup("#findings-table").queryTableView();
        assertTrue(table.getItems().stream().anyMatch(f -> f.severity() == dev.certsd.diagnose.Severity.WARNING));
        robot.clickOn("#filter-warning");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#filter-warning").queryAs(ToggleButton.class).isSelected());
        assertTrue(table.getItems().stream().allMatch(f -> f.severity() == dev.certsd.diagnose.Severity.ERROR));
        robot.clickOn("#findings-search").write("mismatch");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(table.getItems().isEmpty());
        assertTrue(table.getItems().stream().allMatch(f -> f.location().startsWith("key-mismatch.example.com")),
                table.getItems().toString());
        robot.interact(() -> table.getSelectionModel().select(0));
        assertEquals(table.getItems().get(0).target(), TreeRows.selected(robot));
    }

    @Test
    void aRootLargerThanAScreenfulFillsInStepsAndEndsWithEveryDirectoryAndTheSelection(FxRobot robot)
            throws Exception {
        Path big = home.resolve("big");
        Path ca = sampleCaFile(robot);
        int hosts = 60;
        for (int i = 0; i < hosts; i++) {
            Path dir = Files.createDirectories(big.resolve(String.format(Locale.ROOT, "reg-%02d.example.com", i)));
            Files.copy(ca, dir.resolve("ca.crt"));
        }
        Path root = big.toAbsolutePath().normalize();
        NodeKey last = NodeKey.ofHost(root, "reg-59.example.com");
        robot.interact(() -> {
            window.roots().addRoot(big);
            window.roots().selectedKeyProperty().set(last); // chosen before the scan has filled the tree
        });
        waitUntil(() -> TreeRows.item(robot, last) != null && TreeRows.item(robot, last).getParent() != null, 10);
        WaitForAsyncUtils.waitForFxEvents();
        TreeItem<Node> rootItem = TreeRows.item(robot, NodeKey.ofRoot(root));
        assertEquals(hosts, rootItem.getChildren().size());
        for (int i = 0; i < hosts; i++) {
            assertEquals(String.format(Locale.ROOT, "reg-%02d.example.com", i),
                    ((Node.HostNode) rootItem.getChildren().get(i).getValue()).host().hostDir().dirName());
        }
        waitUntil(() -> last.equals(TreeRows.selected(robot)), 3);
        TreeCell<Node> shown = cell(robot, last);
        assertTrue(robot.from(shown).lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(l -> "reg-59.example.com".equals(l.getText())), "the selected row is on screen and named");
    }

    // ---- helpers ----

    /** A CA certificate from the sample root (opened for the purpose). */
    private Path sampleCaFile(FxRobot robot) throws Exception {
        openSample(robot);
        return sampleRoot().resolve(SampleRoot.HEALTHY).resolve("ca.crt");
    }

    private void openSample(FxRobot robot) throws Exception {
        robot.clickOn("#open-sample");
        waitUntil(() -> window.roots().model(sampleRoot()).map(m -> m.report() != null).orElse(false), 20);
        // the findings follow the tree a few pulses later
        waitUntil(() -> !robot.lookup("#findings-table").queryTableView().getItems().isEmpty(), 5);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Path sampleRoot() {
        return SampleRoot.location(home.resolve("data")).toAbsolutePath().normalize();
    }

    private void assertBadges(FxRobot robot, String host, String file, Badge... expected) throws Exception {
        NodeKey key = NodeKey.ofFile(sampleRoot(), host, file);
        robot.interact(() -> window.roots().selectedKeyProperty().set(key));
        TreeCell<?> cell = cell(robot, key);
        List<Badge> shown = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (Label l : robot.from(cell).lookup(".badge").queryAllAs(Label.class)) {
            shown.add((Badge) l.getProperties().get("badge"));
            words.add(l.getText());
        }
        assertEquals(Set.of(expected), Set.copyOf(shown), host + "/" + file + " shows " + words);
        assertTrue(words.stream().noneMatch(String::isBlank), "every badge has a word: " + words);
    }

    private static TreeCell<Node> cell(FxRobot robot, NodeKey key) throws Exception {
        waitUntil(() -> TreeRows.cell(robot, key) != null, 3);
        return TreeRows.cell(robot, key);
    }
}
