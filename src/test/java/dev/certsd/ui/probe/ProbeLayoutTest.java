package dev.certsd.ui.probe;

import static dev.certsd.testing.FxStudio.waitUntil;
import static dev.certsd.testing.Fixtures.CLIENT_CA;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.probe.TestTlsServer;
import dev.certsd.testing.Fixtures;
import dev.certsd.testing.FxStudio;
import dev.certsd.ui.Truncations;
import dev.certsd.ui.shell.MainWindow;
import dev.certsd.ui.shell.Startup;
import dev.certsd.ui.shell.StudioContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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

/**
 * The connection test with a full result (both answers, the difference, three attempts, the chain) at 1200×760
 * and 1024×700, in English and Japanese: no visible text is cut short unless marked abbreviated with a tooltip.
 */
@ExtendWith(ApplicationExtension.class)
class ProbeLayoutTest {
    @TempDir
    Path home;
    private TestTlsServer registry;
    @RegisterExtension
    final FxStudio studio = new FxStudio();
    private StudioContext context;

    @AfterEach
    void stop(FxRobot robot) throws Exception {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).forEach(Window::hide));
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void theConnectionTestFitsInEnglish(FxRobot robot) throws Exception {
        assertFits(robot, Locale.ENGLISH);
    }

    @Test
    void theConnectionTestFitsInJapanese(FxRobot robot) throws Exception {
        assertFits(robot, Locale.JAPANESE);
    }

    private void assertFits(FxRobot robot, Locale locale) throws Exception {
        registry = TestTlsServer.start(TestTlsServer.Mode.REGISTRY, ProbeFixtures.SERVER, CLIENT_CA);
        Path certsd = home.resolve("certs.d");
        String hostDir = ProbeFixtures.HOST + ":" + registry.port();
        ProbeFixtures.expiredFirstThenGood(certsd.resolve(hostDir));
        context = studio.on(home).roots(List.of(CertsRoot.custom(certsd, Client.DOCKER))).locale(locale)
                .probes(ProbeFixtures.runner()).open();
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> {
            window[0] = new MainWindow(context);
            window[0].show(new Stage(), Startup.NONE);
        });
        waitUntil(() -> window[0].roots().model(certsd)
                .map(m -> m.report() != null).orElse(false), 20);
        robot.interact(() -> window[0].probes().open(window[0].roots().model(certsd).orElseThrow().root(), hostDir));
        waitUntil(() -> robot.lookup("#probe-real-headline").tryQuery()
                .map(n -> !((Label) n).getText().isEmpty()).orElse(false), 20);
        Set<String> cut = new LinkedHashSet<>();
        Truncations.atEachSize(robot, (Stage) robot.lookup("#probe").query().getScene().getWindow(), "connection test",
                cut);
        assertEquals(List.of(), List.copyOf(cut), "texts cut short in " + locale);
    }
}
