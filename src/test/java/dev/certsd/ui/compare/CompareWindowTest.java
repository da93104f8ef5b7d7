package dev.certsd.ui.compare;

import static dev.certsd.testing.FxStudio.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.remote.SshSettings;
import dev.certsd.testing.FxStudio;
import dev.certsd.sample.SampleRoot;
import dev.certsd.testing.Shots;
import dev.certsd.ui.UiText;
import dev.certsd.ui.work.FxBackground;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The compare view: the sample root and a changed copy, typed in and compared off the UI thread. */
@ExtendWith(ApplicationExtension.class)
class CompareWindowTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final FxStudio studio = new FxStudio();
    private CompareWindow window;

    @Start
    void start(Stage stage) {
        window = new CompareWindow(studio.closeAfter(new FxBackground()), new UiText(Locale.ENGLISH),
                new SshSettings(dir.resolve("ssh"), Duration.ofSeconds(5), Set.of()), null);
        window.show();
    }

    @Test
    void twoRootsTypedInShowTheVerdictsAndTheFilesThatDiffer(FxRobot robot) throws Exception {
        Path a = new SampleRoot(Clock.systemUTC()).generate(dir.resolve("a"));
        Path b = dev.certsd.cli.CompareCommandTestAccess.copy(a, dir.resolve("b"));
        Path healthy = b.resolve(SampleRoot.HEALTHY);
        String cert;
        try (Stream<Path> s = Files.list(healthy)) {
            cert = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cert")).findFirst().orElseThrow();
        }
        Files.delete(healthy.resolve(cert));
        String key = cert.replace(".cert", ".key");
        Files.setPosixFilePermissions(b.resolve("expired.example.com:5000").resolve("client.key"),
                PosixFilePermissions.fromString("rw-r--r--"));
        Files.copy(a.resolve("der-ca.example.com/client.cert"), b.resolve("expired.example.com:5000/client.cert"),
                StandardCopyOption.REPLACE_EXISTING);

        robot.clickOn("#compare-left").write(a.toString());
        robot.clickOn("#compare-right").write(b.toString());
        robot.clickOn("#compare-run");
        waitUntil(() -> robot.lookup("#compare-status").queryLabeled().getText().contains("compared"), 30);
        TableView<CompareRow> table = robot.lookup("#compare-table").queryTableView();
        CompareRow verdicts = table.getItems().stream().filter(r -> r.dir().equals(SampleRoot.HEALTHY)
                && r.verdictRow()).findFirst().orElseThrow();
        assertEquals("THE VERDICTS DIFFER", verdicts.change());
        assertTrue(verdicts.left().startsWith("OK"), verdicts.left());
        assertTrue(verdicts.right().startsWith("Error before any connection"), verdicts.right());
        assertTrue(table.getItems().stream().anyMatch(r -> r.file().equals(cert) && r.change().equals("only in A")));
        assertTrue(Files.exists(healthy.resolve(key), LinkOption.NOFOLLOW_LINKS));
        assertTrue(table.getItems().stream().anyMatch(r -> r.file().equals("client.cert")
                && r.change().equals("different content") && r.right().contains("SHA-256")));
        assertTrue(table.getItems().stream().anyMatch(r -> r.file().equals("client.key")
                && r.change().equals("different mode") && r.right().startsWith("0644")));
        assertTrue(table.getItems().stream().anyMatch(r -> r.verdictRow() && r.change().equals("the same")));
        assertTrue(robot.lookup("#compare-status").queryLabeled().getText()
                .contains(SampleRoot.HOST_DIRS.size() + " host directories compared"));
        robot.interact(() -> {
            try {
                Shots.save(window.stage().getScene(), "compare");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
