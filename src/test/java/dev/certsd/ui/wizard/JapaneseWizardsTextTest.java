package dev.certsd.ui.wizard;

import static dev.certsd.testing.FxStudio.waitUntil;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.testing.Fixtures;
import dev.certsd.testing.FxStudio;
import dev.certsd.ui.ShownTexts;
import dev.certsd.ui.shell.MainWindow;
import dev.certsd.ui.shell.Startup;
import dev.certsd.ui.shell.StudioContext;
import dev.certsd.ui.wizard.launch.Wizards;
import dev.certsd.ui.workspace.NodeKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
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
    @RegisterExtension
    final FxStudio studio = new FxStudio();
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
        context = studio.on(home).roots(List.of(CertsRoot.custom(root, Client.DOCKER))).locale(Locale.JAPANESE)
                .open();
        window = new MainWindow(context);
        window.show(stage, Startup.NONE);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).stream().filter(w -> w != primary)
                .forEach(Window::hide));
    }

    @ParameterizedTest
    @ValueSource(strings = {"newRegistry", "newClient", "importCa", "testPki", "importSigned"})
    void theWizardIsInJapanese(String which, FxRobot robot) throws Exception {
        waitUntil(() -> window.roots()
                .node(NodeKey.ofHost(root, "registry.example.com")).isPresent());
        Function<Wizards, WizardWindow> open = switch (which) {
            case "newRegistry" -> w -> w.newRegistry(window.roots().node(NodeKey.ofHost(root, "registry.example.com")));
            case "newClient" -> w -> w.newClient(window.roots().node(NodeKey.ofHost(root, "registry.example.com")));
            case "importCa" -> w -> w.importCa(window.roots().node(NodeKey.ofHost(root, "registry.example.com")));
            case "testPki" -> w -> w.testPki(Optional.empty());
            default -> Wizards::importSigned;
        };
        robot.interact(() -> open.apply(window.wizards()));
        // shown, and what it reads off the UI thread (the waiting keys, the directory) is in
        waitUntil(() -> window.wizards().last().stage().isShowing()
                && context.background().activityProperty().get().isEmpty());
        ShownTexts.Result r = WaitForAsyncUtils.asyncFx(() -> ShownTexts.check(Locale.JAPANESE,
                new ArrayList<>(Window.getWindows()))).get();
        assertTrue(r.strays().isEmpty(), which + ": not from a bundle:\n" + String.join("\n", r.strays()));
        assertTrue(r.checked() >= 10, "only " + r.checked() + " texts seen");
    }
}
