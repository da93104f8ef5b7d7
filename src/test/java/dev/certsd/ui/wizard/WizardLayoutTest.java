package dev.certsd.ui.wizard;

import static dev.certsd.ui.wizard.WizardRobot.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.testing.Fixtures;
import dev.certsd.ui.Truncations;
import dev.certsd.ui.shell.AppDirs;
import dev.certsd.ui.shell.MainWindow;
import dev.certsd.ui.shell.Startup;
import dev.certsd.ui.shell.StudioContext;
import dev.certsd.ui.wizard.launch.Wizards;
import dev.certsd.ui.work.FxBackground;
import dev.certsd.ui.workspace.RootWatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every page of every wizard, up to the review of what it will write, at 1200×760 and 1024×700, in English and
 * Japanese: no visible text is cut short unless marked abbreviated with a tooltip.
 */
@ExtendWith(ApplicationExtension.class)
class WizardLayoutTest {
    private static final String HOST = "registry.example.com:5000";
    @TempDir
    Path home;
    private StudioContext context;
    private MainWindow window;

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).forEach(Window::hide));
        if (context != null) {
            context.watcher().close();
            ((FxBackground) context.background()).close();
        }
    }

    @Test
    void everyWizardPageFitsInEnglish(FxRobot robot) throws Exception {
        assertFits(robot, Locale.ENGLISH);
    }

    @Test
    void everyWizardPageFitsInJapanese(FxRobot robot) throws Exception {
        assertFits(robot, Locale.JAPANESE);
    }

    private void assertFits(FxRobot robot, Locale locale) throws Exception {
        Path root = Files.createDirectories(home.resolve("certs.d"));
        Fixtures.healthy(root.resolve("other.example.com"));
        context = new StudioContext(() -> List.of(CertsRoot.custom(root, Client.DOCKER)),
                new AppDirs(home.resolve("config"), home.resolve("data")), locale, Clock.systemUTC(),
                new FxBackground(), new RootWatcher(), r -> Fixtures.options(r.client()));
        robot.interact(() -> {
            window = new MainWindow(context);
            window.show(new Stage(), Startup.NONE);
        });
        robot.interact(() -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(Fixtures.SERVER_CA.certPem());
            Clipboard.getSystemClipboard().setContent(c);
        });
        Set<String> cut = new LinkedHashSet<>();
        walk(robot, "registry", w -> w.newRegistry(Optional.empty()), cut);
        walk(robot, "client", w -> w.newClient(Optional.empty()), cut);
        walk(robot, "ca import", w -> w.importCa(Optional.empty()), cut);
        walk(robot, "test PKI", w -> w.testPki(Optional.empty()), cut);
        walk(robot, "import signed", w -> w.importSigned(), cut);
        assertEquals(List.of(), List.copyOf(cut), "texts cut short in " + locale);
    }

    /** Opens the wizard and checks each page, filling in what a page needs before Next, up to its last page. */
    private void walk(FxRobot robot, String name, Function<Wizards, WizardWindow> open, Set<String> cut)
            throws Exception {
        WizardWindow[] w = new WizardWindow[1];
        robot.interact(() -> w[0] = open.apply(window.wizards()));
        waitUntil(() -> w[0].stage().isShowing(), 5);
        int pages = 0;
        while (true) {
            fill(robot);
            WaitForAsyncUtils.waitForFxEvents();
            if (w[0].currentProperty().get() == w[0].pageCount() - 1) {
                waitUntil(() -> w[0].apply().stateProperty().get() != ApplyViewModel.State.PLANNING, 60);
            }
            Truncations.atEachSize(robot, w[0].stage(), name + " page " + (w[0].currentProperty().get() + 1), cut);
            pages++;
            if (!robot.lookup("#wizard-next").query().isVisible() || robot.lookup("#wizard-next").query().isDisabled()) {
                break;
            }
            int before = w[0].currentProperty().get();
            robot.interact(() -> robot.lookup("#wizard-next").queryButton().fire());
            waitUntil(() -> w[0].currentProperty().get() != before, 5);
        }
        assertTrue(pages >= 1);
        robot.interact(() -> w[0].stage().hide());
    }

    /** What the pages need before Next: a registry name, a pasted CA confirmed, the test PKI's folders. */
    private void fill(FxRobot robot) throws Exception {
        empty(robot, "#registry-input", HOST);
        empty(robot, "#target-registry", HOST);
        empty(robot, "#testpki-server-out", home.resolve("server").toString());
        empty(robot, "#testpki-storage", home.resolve("storage").toString());
        if (visible(robot, "#ca-paste") && robot.lookup("#ca-offers .offer-card").queryAll().isEmpty()) {
            robot.interact(() -> robot.lookup("#ca-paste").queryButton().fire());
            waitUntil(() -> robot.lookup("#ca-offers .offer-card").queryAll().size() == 1, 10);
            robot.interact(() -> robot.lookup("#ca-confirm").queryAs(javafx.scene.control.CheckBox.class).setSelected(true));
        }
    }

    private static void empty(FxRobot robot, String query, String value) {
        if (visible(robot, query)) {
            TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
            if (field.getText() == null || field.getText().isBlank() || query.startsWith("#testpki")) {
                robot.interact(() -> field.setText(value));
            }
        }
    }

    private static boolean visible(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(n -> {
            for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
                if (!p.isVisible()) {
                    return false;
                }
            }
            return n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing();
        }).orElse(false);
    }
}
