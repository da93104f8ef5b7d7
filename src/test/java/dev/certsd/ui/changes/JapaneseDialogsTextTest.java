package dev.certsd.ui.changes;

import dev.certsd.change.ChangeReport;
import static dev.certsd.testing.FxStudio.waitUntil;
import static dev.certsd.testing.Fixtures.CLIENT;
import static dev.certsd.testing.Fixtures.CLIENT_CA;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.diagnose.FindingCode;
import dev.certsd.diagnose.HostReport;
import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.testing.Fixtures;
import dev.certsd.testing.FxStudio;
import dev.certsd.testing.TestPki;
import dev.certsd.ui.ShownTexts;
import dev.certsd.ui.UiText;
import dev.certsd.ui.shell.MainWindow;
import dev.certsd.ui.shell.Startup;
import dev.certsd.ui.shell.StudioContext;
import dev.certsd.ui.workspace.Node;
import dev.certsd.ui.workspace.NodeKey;
import dev.certsd.fix.Fix;
import dev.certsd.fix.Fixes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

/** Each dialog of the changes in Japanese shows only bundle texts, or data on nodes marked as data. */
@ExtendWith(ApplicationExtension.class)
class JapaneseDialogsTextTest {
    private static final String HOST = "registry.example.com";
    @TempDir
    Path home;
    private Path root;
    private Path dir;
    @RegisterExtension
    final FxStudio studio = new FxStudio();
    private StudioContext context;
    private MainWindow window;
    private Stage primary;

    @Start
    void start(Stage stage) throws Exception {
        root = home.resolve("certs.d");
        dir = Fixtures.healthy(root.resolve(HOST));
        TestPki.write(dir, "myca.cert", CLIENT_CA.certPem());
        TestPki.write(dir, "other.key", TestPki.cert("CN=other").keys(TestPki.rsa(5)).build().keyPem());
        Path enc = Fixtures.healthy(root.resolve("encrypted.example.com"));
        TestPki.write(enc, "client.key", TestPki.encryptedPkcs8Pem(CLIENT.keys().getPrivate(), "s3cret"));
        primary = stage;
        context = studio.on(home).roots(List.of(CertsRoot.custom(root, Client.DOCKER))).locale(Locale.JAPANESE)
                .open();
        window = new MainWindow(context);
        window.show(stage, Startup.NONE);
    }

    @BeforeEach
    void scanned() throws Exception {
        waitUntil(() -> window.roots().node(NodeKey.ofFile(root, HOST, "myca.cert")).isPresent());
    }

    @AfterEach
    void stop(FxRobot robot) {
        closeDialogs(robot);
    }

    @Test
    void theFixPreviewsWithOneChoiceSeveralAndAPassphraseAreInJapanese(FxRobot robot) throws Exception {
        robot.interact(() -> window.changes().fix(fixes(dir, FindingCode.CA_SAVED_AS_CERT)));
        waitUntil(() -> robot.lookup("#preview-apply").tryQuery().map(n -> !n.isDisable()).orElse(false));
        assertAllFromBundles(robot);
        closeDialogs(robot);

        robot.interact(() -> window.changes().fix(fixes(dir, FindingCode.ORPHAN_KEY)));
        waitUntil(() -> robot.lookup(".preview-choice").queryAll().size() == 2);
        assertAllFromBundles(robot);
        closeDialogs(robot);

        robot.interact(() -> window.changes().fix(fixes(root.resolve("encrypted.example.com"),
                FindingCode.ENCRYPTED_KEY)));
        waitUntil(() -> robot.lookup("#preview-passphrase").tryQuery().isPresent());
        assertAllFromBundles(robot);
        robot.clickOn("#preview-passphrase").write("wrong");
        robot.clickOn("#preview-check");
        waitUntil(() -> robot.lookup("#preview-error").tryQuery().map(javafx.scene.Node::isVisible).orElse(false)
                && !((javafx.scene.control.Label) robot.lookup("#preview-error").query()).getText().isEmpty());
        assertAllFromBundles(robot);
    }

    @Test
    void theDeletePreviewTheRefusalAndTheHistoryAreInJapanese(FxRobot robot) throws Exception {
        robot.interact(() -> window.roots().selectedKeyProperty().set(NodeKey.ofHost(root, HOST)));
        robot.interact(() -> window.changes().delete());
        waitUntil(() -> robot.lookup("#preview-apply").tryQuery().map(n -> !n.isDisable()).orElse(false));
        assertAllFromBundles(robot);
        closeDialogs(robot);

        robot.interact(() -> window.changes().fix(fixes(dir, FindingCode.CA_SAVED_AS_CERT)));
        waitUntil(() -> robot.lookup("#preview-apply").tryQuery().map(n -> !n.isDisable()).orElse(false));
        Files.writeString(dir.resolve("myca.cert"), "edited");
        robot.clickOn("#preview-apply");
        waitUntil(() -> robot.lookup("#change-message").tryQuery().isPresent());
        assertAllFromBundles(robot);
        closeDialogs(robot);

        Files.writeString(dir.resolve("myca.cert"), CLIENT_CA.certPem());
        waitUntil(() -> !fixes(dir, FindingCode.CA_SAVED_AS_CERT).isEmpty());
        robot.interact(() -> window.changes().fix(fixes(dir, FindingCode.CA_SAVED_AS_CERT)));
        waitUntil(() -> robot.lookup("#preview-apply").tryQuery().map(n -> !n.isDisable()).orElse(false));
        robot.clickOn("#preview-apply");
        waitUntil(() -> Files.exists(dir.resolve("myca.crt")));
        robot.interact(() -> window.changes().showHistory());
        waitUntil(() -> robot.lookup("#history-table").queryTableView().getItems().size() == 1);
        robot.interact(() -> robot.lookup("#history-table").queryTableView().getSelectionModel().select(0));
        assertAllFromBundles(robot);
    }

    @Test
    void theAdministratorDialogIsInJapanese(FxRobot robot) throws Exception {
        var cs = fixes(dir, FindingCode.CA_SAVED_AS_CERT).get(0).plan();
        ChangeResult pending = ChangeResult.of(ChangeReport.of(ChangeReport.Action.APPLY, context.changes().prepare(cs)),
                new UiText(Locale.JAPANESE));
        robot.interact(() -> window.changes().present(pending));
        waitUntil(() -> robot.lookup("#privileged-script").tryQuery().isPresent());
        assertAllFromBundles(robot);
    }

    private static List<Fix> fixes(Path hostDir, FindingCode code) {
        HostReport h = Fixtures.scan(hostDir);
        return h.findings().stream().filter(f -> f.code() == code).findFirst()
                .map(f -> Fixes.forFinding(f, h)).orElse(List.of());
    }

    private void closeDialogs(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).stream().filter(w -> w != primary)
                .forEach(Window::hide));
    }

    private static void assertAllFromBundles(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        ShownTexts.Result r = WaitForAsyncUtils.asyncFx(() -> ShownTexts.check(Locale.JAPANESE,
                new ArrayList<>(Window.getWindows()))).get();
        assertTrue(r.strays().isEmpty(), "not from a bundle:\n" + String.join("\n", r.strays()));
        assertTrue(r.checked() >= 30, "only " + r.checked() + " texts seen");
    }
}
