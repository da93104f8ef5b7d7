package dev.certsd.ui.probe;

import static dev.certsd.testing.FxStudio.waitUntil;
import static dev.certsd.testing.Fixtures.CLIENT_CA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.probe.TestTlsServer;
import dev.certsd.testing.Fixtures;
import dev.certsd.testing.FxStudio;
import dev.certsd.ui.shell.MainWindow;
import dev.certsd.ui.shell.Startup;
import dev.certsd.ui.shell.StudioContext;
import dev.certsd.ui.workspace.NodeKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real main window and the connection-test window against in-process registries on loopback: the
 * expired pair named first is what Docker sends, while the docs' model ends on the good pair.
 */
@ExtendWith(ApplicationExtension.class)
class ProbeWindowTest {
    @TempDir
    static Path home;
    private static TestTlsServer registry;
    private static TestTlsServer stalling;
    @RegisterExtension
    final FxStudio studio = new FxStudio();
    private StudioContext context;
    private MainWindow window;
    private Stage primary;

    private static Path certsd() {
        return home.resolve("certs.d");
    }

    @Start
    void start(Stage stage) throws Exception {
        registry = TestTlsServer.start(TestTlsServer.Mode.REGISTRY, ProbeFixtures.SERVER, CLIENT_CA);
        stalling = TestTlsServer.start(TestTlsServer.Mode.STALL_HANDSHAKE, ProbeFixtures.SERVER, CLIENT_CA);
        ProbeFixtures.expiredFirstThenGood(certsd().resolve(hostDir(registry)));
        ProbeFixtures.good(certsd().resolve(hostDir(stalling)));
        primary = stage;
        context = studio.on(home).roots(List.of(CertsRoot.custom(certsd(), Client.DOCKER)))
                .probes(ProbeFixtures.runner()).open();
        window = new MainWindow(context);
        window.show(stage, Startup.NONE);
    }

    @BeforeEach
    void treeLoaded() throws Exception {
        waitUntil(() -> window.roots().node(NodeKey.ofHost(certsd(), hostDir(registry))).isPresent(), 20);
    }

    @AfterEach
    void stop(FxRobot robot) throws Exception {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).stream().filter(w -> w != primary)
                .forEach(Window::hide));
        registry.close();
        stalling.close();
    }

    private static String hostDir(TestTlsServer s) {
        return ProbeFixtures.HOST + ":" + s.port();
    }

    @Test
    void theToolbarOpensTheTestWhichShowsTheTimelineAndBothAnswers(FxRobot robot) throws Exception {
        select(robot, NodeKey.ofHost(certsd(), hostDir(registry)));
        robot.clickOn("#probe-open");
        waitForAnswers(robot);

        assertEquals("first success in alphabetical order: b-good.cert", text(robot, "#probe-docs-headline"));
        assertEquals("Docker sends a-expired.cert → rejected at TLS", text(robot, "#probe-real-headline"));
        assertTrue(robot.lookup("#probe-difference").query().isVisible());
        assertTrue(text(robot, "#probe-difference").startsWith("The docs promise b-good.cert, but Docker sends "
                + "a-expired.cert → rejected at TLS."), text(robot, "#probe-difference"));

        List<Node> rows = robot.lookup("#probe-attempts .attempt").queryAll().stream().toList();
        assertEquals(3, rows.size());
        assertEquals(List.of("rejected at TLS", "rejected at TLS", "accepted"), rows.stream()
                .map(r -> ((Label) r.lookup(".attempt-outcome")).getText()).toList());
        assertEquals(List.of("Without a client certificate", "With a-expired.cert alone", "With b-good.cert alone"),
                rows.stream().map(r -> ((Label) r.lookup(".attempt-title")).getText()).toList());
        assertEquals("what Docker does", ((Label) rows.get(1).lookup("#chip-client")).getText());
        // the card names why, as the engine knows it from the certificate sent
        assertTrue(((Label) rows.get(1).lookup(".attempt-explanation")).getText()
                .endsWith("Most likely because it has expired."), ((Label) rows.get(1).lookup(".attempt-explanation"))
                .getText());
        assertEquals("the docs’ answer", ((Label) rows.get(2).lookup("#chip-docs")).getText());
        assertTrue(labels(robot, "#probe-chain").contains("CN=registry.test"), labels(robot, "#probe-chain").toString());
        assertEquals(List.of("CN=Client CA,O=Certs.d Test"), labels(robot, "#probe-cas"));
        assertEquals("Connection test — " + hostDir(registry), ((Stage) rows.get(0).getScene().getWindow()).getTitle());

        Button copy = (Button) rows.get(1).lookup(".copy-curl");
        robot.clickOn(copy);
        AttemptRow expired = (AttemptRow) rows.get(1).getProperties().get("row");
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
        assertEquals(expired.curl(), copied);
        // the refused pair's card leads to the file, whose findings and fixes the main window shows
        assertTrue(rows.get(2).lookup("#show-pair") == null, "an accepted pair needs no fix");
        robot.interact(() -> ((Button) rows.get(1).lookup("#show-pair")).fire());
        assertEquals(NodeKey.ofFile(certsd(), hostDir(registry), "a-expired.cert"),
                window.roots().selectedKeyProperty().get());
    }

    @Test
    void ctrlTOnAFileOpensTheTestOfItsDirectoryAndRunAgainRepeatsIt(FxRobot robot) throws Exception {
        NodeKey file = NodeKey.ofFile(certsd(), hostDir(registry), "b-good.cert");
        select(robot, file);
        robot.clickOn("#roots-tree");
        select(robot, file);
        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        waitForAnswers(robot);
        ProbeViewModel model = window.probes().model(certsd().resolve(hostDir(registry))).orElseThrow();
        assertEquals(ProbeViewModel.State.DONE, model.stateProperty().get());
        assertEquals("Run again", robot.lookup("#probe-run").queryButton().getText());

        robot.clickOn("#probe-run");
        waitUntil(() -> model.stateProperty().get() == ProbeViewModel.State.DONE
                && robot.lookup("#probe-attempts .attempt").queryAll().size() == 3, 20);
        assertEquals("Docker sends a-expired.cert → rejected at TLS", text(robot, "#probe-real-headline"));
    }

    @Test
    void theWindowStaysResponsiveWhileATestRunsAndCancelStopsIt(FxRobot robot) throws Exception {
        select(robot, NodeKey.ofHost(certsd(), hostDir(stalling)));
        robot.clickOn("#probe-open");
        ProbeViewModel model = window.probes().model(certsd().resolve(hostDir(stalling))).orElseThrow();
        // the stalling server never finishes a handshake: only Cancel (or the 5 s timeout) ends this test
        waitUntil(() -> robot.lookup("#probe-cancel").query() != null, 5);
        assertTrue(model.runningProperty().get());
        assertFalse(robot.lookup("#probe-cancel").queryButton().isDisabled());
        assertTrue(robot.lookup("#probe-run").queryButton().isDisabled());
        robot.clickOn("#probe-cancel");
        waitUntil(() -> model.stateProperty().get() == ProbeViewModel.State.CANCELLED, 3);
        assertTrue(text(robot, "#probe-status").startsWith("Cancelled."), text(robot, "#probe-status"));
        assertFalse(robot.lookup("#probe-answers").query().isVisible(), "no answers from half a test");
    }

    @Test
    void theTestStartsWithTheRootsClientAndRemembersAChange(FxRobot robot) throws Exception {
        Path dir = certsd().resolve(hostDir(registry));
        dev.certsd.roots.CertsRoot root = window.roots().model(certsd()).orElseThrow().root();
        robot.interact(() -> window.probes().open(root, hostDir(registry)));
        ProbeViewModel first = window.probes().model(dir).orElseThrow();
        assertEquals(Client.DOCKER, first.clientProperty().get(), "the root is read as Docker");
        robot.interact(() -> first.clientProperty().set(Client.CONTAINERS));
        robot.interact(() -> ((Stage) robot.lookup("#probe").query().getScene().getWindow()).hide());
        waitUntil(() -> window.probes().model(dir).isEmpty(), 5);
        robot.interact(() -> window.probes().open(root, hostDir(registry)));
        assertEquals(Client.CONTAINERS, window.probes().model(dir).orElseThrow().clientProperty().get());
    }

    @Test
    void escapeCtrlWAndTheCloseButtonCloseTheTestWindowAndStopItsTest(FxRobot robot) throws Exception {
        Path dir = certsd().resolve(hostDir(stalling));
        for (Runnable how : List.<Runnable>of(() -> robot.type(KeyCode.ESCAPE),
                () -> robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL),
                () -> robot.clickOn("#probe-close"))) {
            select(robot, NodeKey.ofHost(certsd(), hostDir(stalling)));
            robot.interact(() -> window.probes().open(window.roots().model(certsd()).orElseThrow().root(),
                    hostDir(stalling)));
            ProbeViewModel model = window.probes().model(dir).orElseThrow();
            Stage test = (Stage) robot.lookup("#probe").query().getScene().getWindow();
            assertTrue(model.runningProperty().get());
            assertFalse(robot.lookup("#probe-close").queryButton().isDefaultButton());
            robot.clickOn("#probe-host");
            how.run();
            waitUntil(() -> !test.isShowing(), 5);
            waitUntil(() -> !model.runningProperty().get(), 5);
            assertTrue(window.probes().model(dir).isEmpty());
        }
    }

    // ---- helpers ----

    private void select(FxRobot robot, NodeKey key) {
        robot.interact(() -> window.roots().selectedKeyProperty().set(key));
    }

    private static void waitForAnswers(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#probe-real-headline").tryQuery().map(n -> !((Label) n).getText().isEmpty())
                .orElse(false), 20);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static List<String> labels(FxRobot robot, String container) {
        return robot.lookup(container).lookup(".label").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }
}
