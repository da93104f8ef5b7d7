package dev.certsd.ui.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.diagnose.Messages;
import dev.certsd.diagnose.ScanOptions;
import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.roots.HostsFileResolver;
import dev.certsd.roots.InsecureRegistries;
import dev.certsd.roots.OsFamily;
import dev.certsd.testing.TestPki;
import dev.certsd.ui.UiText;
import dev.certsd.ui.work.Background;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A large root's first fill comes in steps, one per scheduled pulse, and a change on disk meanwhile ends it. */
@ExtendWith(ApplicationExtension.class)
class RootsTreeViewTest {
    private static final String CA = TestPki.cert("CN=Step CA").ca().build().certPem();

    @TempDir
    Path root;
    private final List<Runnable> queued = new ArrayList<>();
    private RootsViewModel model;
    private RootsTreeView view;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage; // shown only by the test that looks at the rows themselves
    }

    private void open(FxRobot robot, int hosts) throws IOException {
        for (int i = 0; i < hosts; i++) {
            Path dir = Files.createDirectories(root.resolve(String.format(Locale.ROOT, "reg-%02d.example.com", i)));
            TestPki.write(dir, "ca.crt", CA);
        }
        ScanOptions options = new ScanOptions(Client.DOCKER, OsFamily.LINUX, Clock.systemUTC(), 30,
                InsecureRegistries.defaults(HostsFileResolver.of(root.resolve("none"))), false, 1 << 20);
        UiText text = new UiText(Locale.ENGLISH);
        robot.interact(() -> {
            model = new RootsViewModel(() -> List.of(CertsRoot.custom(root, Client.DOCKER)), List.of(), r -> options,
                    Background.sameThread(), ChangeWatcher.none(), () -> root, text);
            view = new RootsTreeView(model, text, new Messages(Locale.ENGLISH), new ContextMenu(),
                    (pulses, work) -> queued.add(work));
            model.start();
        });
    }

    private int shown() {
        TreeItem<Node> rootItem = view.view().getRoot().getChildren().get(0);
        return rootItem.getChildren().size();
    }

    private void nextStep(FxRobot robot) {
        Runnable r = queued.remove(0);
        robot.interact(r);
    }

    @Test
    void rowsArriveSixAtATimeUpToAScreenfulThenAllTheRest(FxRobot robot) throws IOException {
        open(robot, 50);
        List<Integer> sizes = new ArrayList<>(List.of(shown()));
        while (!queued.isEmpty()) {
            nextStep(robot);
            sizes.add(shown());
        }
        assertEquals(List.of(6, 12, 18, 24, 30, 50), sizes);
    }

    @Test
    void aRootSmallerThanAStepArrivesAtOnce(FxRobot robot) throws IOException {
        open(robot, 5);
        assertEquals(5, shown());
        assertTrue(queued.isEmpty());
    }

    @Test
    void aChangeOnDiskDuringTheFillBringsEveryRowAtOnceAndEndsTheSteps(FxRobot robot) throws IOException {
        open(robot, 40);
        assertEquals(6, shown());
        TestPki.write(Files.createDirectories(root.resolve("aaa.example.com")), "ca.crt", CA); // sorts first
        robot.interact(model::refresh);
        assertEquals(41, shown());
        int before = queued.size();
        while (!queued.isEmpty()) {
            nextStep(robot); // steps already asked for find nothing left to do
        }
        assertEquals(41, shown());
        assertTrue(before <= 1, "no new steps after the fill ended");
    }

    @Test
    void aRowLeftEmptyWhenTheTreeShrinksShowsNoArrow(FxRobot robot) throws IOException {
        open(robot, 3);
        robot.interact(() -> {
            stage.setScene(new javafx.scene.Scene(view.view(), 400, 300));
            stage.show();
        });
        TreeItem<Node> first = view.view().getRoot().getChildren().get(0).getChildren().get(0);
        robot.interact(() -> first.setExpanded(true)); // its ca.crt pushes the last host one row down
        robot.interact(() -> first.setExpanded(false)); // and the row that showed it is empty now
        List<javafx.scene.control.TreeCell<?>> empty = new ArrayList<>();
        robot.interact(() -> view.view().lookupAll(".tree-cell").stream()
                .map(n -> (javafx.scene.control.TreeCell<?>) n).filter(javafx.scene.control.TreeCell::isEmpty)
                .forEach(empty::add));
        assertTrue(!empty.isEmpty(), "the tree has empty rows below its last");
        for (javafx.scene.control.TreeCell<?> cell : empty) {
            javafx.scene.Node arrow = cell.getDisclosureNode();
            assertTrue(arrow == null || arrow.getParent() == null || !arrow.isVisible(),
                    "an empty row shows a disclosure arrow");
        }
    }
}
