package dev.certsd.ui.probe;

import static dev.certsd.testing.FxStudio.waitUntil;
import static dev.certsd.testing.Fixtures.CLIENT_CA;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.probe.TestTlsServer;
import dev.certsd.testing.Fixtures;
import dev.certsd.testing.FxStudio;
import dev.certsd.ui.ShownTexts;
import dev.certsd.ui.shell.MainWindow;
import dev.certsd.ui.shell.Startup;
import dev.certsd.ui.shell.StudioContext;
import dev.certsd.ui.workspace.NodeKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The connection-test window in Japanese, after a test where the docs and the client disagree, shows only bundle
 * texts, or data (names, subjects, fingerprints, the server's alert) on nodes marked as data.
 */
@ExtendWith(ApplicationExtension.class)
class JapaneseProbeTextTest {
    @TempDir
    Path home;
    private TestTlsServer registry;
    @RegisterExtension
    final FxStudio studio = new FxStudio();
    private StudioContext context;
    private MainWindow window;
    private Stage primary;

    @Start
    void start(Stage stage) throws Exception {
        registry = TestTlsServer.start(TestTlsServer.Mode.REGISTRY, ProbeFixtures.SERVER, CLIENT_CA);
        ProbeFixtures.expiredFirstThenGood(home.resolve("certs.d").resolve(hostDir()));
        primary = stage;
        context = studio.on(home).roots(List.of(CertsRoot.custom(home.resolve("certs.d"), Client.DOCKER)))
                .locale(Locale.JAPANESE).probes(ProbeFixtures.runner()).open();
        window = new MainWindow(context);
        window.show(stage, Startup.NONE);
    }

    @AfterEach
    void stop(FxRobot robot) throws Exception {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).stream().filter(w -> w != primary)
                .forEach(Window::hide));
        registry.close();
    }

    private String hostDir() {
        return ProbeFixtures.HOST + ":" + registry.port();
    }

    @Test
    void theConnectionTestWindowIsInJapanese(FxRobot robot) throws Exception {
        NodeKey host = NodeKey.ofHost(home.resolve("certs.d"), hostDir());
        waitUntil(() -> window.roots().node(host).isPresent(), 20);
        robot.interact(() -> window.roots().selectedKeyProperty().set(host));
        robot.clickOn("#probe-open");
        waitUntil(() -> robot.lookup("#probe-real-headline").tryQuery().map(n -> !((Label) n).getText().isEmpty())
                .orElse(false), 20);
        WaitForAsyncUtils.waitForFxEvents();
        ShownTexts.Result r = WaitForAsyncUtils.asyncFx(() -> ShownTexts.check(Locale.JAPANESE,
                new ArrayList<>(Window.getWindows()))).get();
        assertTrue(r.strays().isEmpty(), "not from a bundle:\n" + String.join("\n", r.strays()));
        assertTrue(r.checked() >= 60, "only " + r.checked() + " texts seen");
    }
}
