package dev.certsd.ui.fleet;

import static dev.certsd.testing.FxStudio.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.fleet.FleetReport;
import dev.certsd.testing.FxStudio;
import dev.certsd.roots.Client;
import dev.certsd.remote.SshSettings;
import dev.certsd.sample.SampleRoot;
import dev.certsd.testing.Shots;
import dev.certsd.ui.UiText;
import dev.certsd.ui.work.FxBackground;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The fleet view against a real sshd: an unknown host key confirmed in the dialog, 20 aliases, sort, CSV. */
@ExtendWith(ApplicationExtension.class)
class FleetWindowTest {
    @RegisterExtension
    static final FleetMachines MACHINES = new FleetMachines();
    @RegisterExtension
    final FxStudio studio = new FxStudio();
    private FleetWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Files.deleteIfExists(MACHINES.sshd().sshDir().resolve("known_hosts"));
        window = new FleetWindow(studio.closeAfter(new FxBackground()), new UiText(Locale.ENGLISH),
                new SshSettings(MACHINES.sshd().sshDir(), Duration.ofSeconds(10), Set.of()), null);
        window.setRoot(MACHINES.sample().toString());
        window.show();
    }

    private void waitDone(FxRobot robot) throws Exception {
        waitUntil(() -> window.model().reportProperty().get() != null, 60);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void anUnknownKeyIsShownWithItsFingerprintAndTrustedOnlyFromTheDialogThenTwentyAliasesFillTheTable(
            FxRobot robot) throws Exception {
        robot.interact(() -> window.check(MACHINES.aliases(1), Client.DOCKER));
        waitDone(robot);
        TableView<FleetReport.Row> table = robot.lookup("#fleet-table").queryTableView();
        assertEquals(1, table.getItems().size());
        String problem = table.getItems().get(0).problem();
        assertTrue(problem.contains(MACHINES.sshd().fingerprint()), problem);
        assertFalse(Files.exists(MACHINES.sshd().sshDir().resolve("known_hosts")));

        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#fleet-trust");
        DialogPane dialog = robot.lookup("#fleet-trust-dialog").queryAs(DialogPane.class);
        assertTrue(dialog.getHeaderText().contains(MACHINES.sshd().fingerprint()), dialog.getHeaderText());
        javafx.scene.control.ButtonType yes = dialog.getButtonTypes().stream()
                .filter(t -> t.getText().equals("Trust this key")).findFirst().orElseThrow();
        robot.interact(() -> ((Button) dialog.lookupButton(yes)).fire());
        waitUntil(() -> window.model().runningProperty().get()
                || window.model().rows().size() > 1);
        waitDone(robot);
        assertEquals(SampleRoot.HOST_DIRS.size(), table.getItems().size(), table.getItems().toString());
        assertTrue(Files.readString(MACHINES.sshd().sshDir().resolve("known_hosts")).contains("[127.0.0.1]:" + MACHINES.sshd().port()));

        robot.interact(() -> window.check(MACHINES.aliases(20), Client.DOCKER));
        waitDone(robot);
        assertEquals(20 * SampleRoot.HOST_DIRS.size(), table.getItems().size());
        FleetReport report = window.model().reportProperty().get();
        assertTrue(report.maxConcurrent() <= 8, "at most 8 connections: " + report.maxConcurrent());

        // sortable: by verdict, the failing ones together
        TableColumn<FleetReport.Row, ?> verdict = table.getColumns().get(2);
        robot.interact(() -> {
            table.getSortOrder().setAll(List.of(verdict));
            table.sort();
        });
        List<String> shown = table.getItems().stream().map(r -> String.valueOf(verdict.getCellData(r))).toList();
        assertEquals(shown.stream().sorted().toList(), shown, "sorted by the verdict column");
        assertTrue(shown.contains("OK") && shown.contains("Error before any connection"), shown.toString());

        robot.interact(() -> {
            try {
                Shots.save(window.stage().getScene(), "fleet");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String status = robot.lookup("#fleet-status").queryLabeled().getText();
        assertTrue(status.contains("20 machines checked"), status);
        Path csv = MACHINES.dir().resolve("fleet.csv");
        robot.interact(() -> window.exportTo("csv", csv));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(1 + 20 * SampleRoot.HOST_DIRS.size(), lines.size());
        assertTrue(lines.get(1).startsWith("runner"), lines.get(1));
        assertTrue(robot.lookup("#fleet-status").queryLabeled().getText().contains("Exported to"));
        assertFalse(robot.lookup("#fleet-export-json").queryAs(Button.class).isDisabled());
    }
}
