package dev.certsd.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.testing.Fixtures;
import dev.certsd.ui.ShownTexts;
import dev.certsd.ui.shell.AppDirs;
import dev.certsd.ui.shell.MainWindow;
import dev.certsd.ui.shell.Startup;
import dev.certsd.ui.shell.StudioContext;
import dev.certsd.ui.wizard.launch.Wizards;
import dev.certsd.ui.work.FxBackground;
import dev.certsd.ui.workspace.NodeKey;
import dev.certsd.ui.workspace.RootWatcher;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Each wizard's first page, in Japanese, shows only bundle texts or data on nodes marked as data. */
@ExtendWith(ApplicationExtension.class)
class JapaneseWizardsTextTest {
    @TempDir
    Path home;
    private StudioContext context;
    private MainWindow window;
    private Stage primary;
    private Path root;

    @Start
    void start(Stage stage) throws Exception {
        root = home.resolve("certs.d");
        Fixtures.healthy(root.resolve("registry.example.com"));
        primary = stage;
        context = new StudioContext(() -> List.of(CertsRoot.custom(root, Client.DOCKER)),
                new AppDirs(home.resolve("config"), home.resolve("data")), Locale.JAPANESE, Clock.systemUTC(),
                new FxBackground(), new RootWatcher(), r -> Fixtures.options(r.client()));
        window = new MainWindow(context);
        window.show(stage, Startup.NONE);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).stream().filter(w -> w != primary)
                .forEach(Window::hide));
        context.watcher().close();
        ((FxBackground) context.background()).close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"newRegistry", "newClient", "importCa", "testPki", "importSigned"})
    void theWizardIsInJapanese(String which, FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.roots()
                .node(NodeKey.ofHost(root, "registry.example.com")).isPresent());
        Function<Wizards, WizardWindow> open = switch (which) {
            case "newRegistry" -> w -> w.newRegistry(window.roots().node(NodeKey.ofHost(root, "registry.example.com")));
            case "newClient" -> w -> w.newClient(window.roots().node(NodeKey.ofHost(root, "registry.example.com")));
            case "importCa" -> w -> w.importCa(window.roots().node(NodeKey.ofHost(root, "registry.example.com")));
            case "testPki" -> w -> w.testPki(Optional.empty());
            default -> Wizards::importSigned;
        };
        robot.interact(() -> open.apply(window.wizards()));
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        ShownTexts.Result r = WaitForAsyncUtils.asyncFx(() -> ShownTexts.check(Locale.JAPANESE,
                new ArrayList<>(Window.getWindows()))).get();
        assertTrue(r.strays().isEmpty(), which + ": not from a bundle:\n" + String.join("\n", r.strays()));
        assertTrue(r.checked() >= 10, "only " + r.checked() + " texts seen");
    }
}
