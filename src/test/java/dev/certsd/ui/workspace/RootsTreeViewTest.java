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

/** A large root's rows arrive with its scan, all at once, and keep their items when it is scanned again. */
@ExtendWith(ApplicationExtension.class)
class RootsTreeViewTest {
    private static final String CA = TestPki.cert("CN=Tree CA").ca().build().certPem();

    @TempDir
    Path root;
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
            view = new RootsTreeView(model, text, new Messages(Locale.ENGLISH), new ContextMenu());
            model.start();
        });
    }

    private int shown() {
        TreeItem<Node> rootItem = view.view().getRoot().getChildren().get(0);
        return rootItem.getChildren().size();
    }

    @Test
    void aLargeRootsRowsArriveWithItsScanAllAtOnce(FxRobot robot) throws IOException {
        open(robot, 50);
        assertEquals(50, shown(), "no row waits for a later pulse");
    }

    @Test
    void aChangeOnDiskAddsItsRowAndTheOthersKeepTheirItems(FxRobot robot) throws IOException {
        open(robot, 40);
        List<TreeItem<Node>> before = new ArrayList<>(view.view().getRoot().getChildren().get(0).getChildren());
        TestPki.write(Files.createDirectories(root.resolve("aaa.example.com")), "ca.crt", CA); // sorts first
        robot.interact(model::refresh);
        List<TreeItem<Node>> after = view.view().getRoot().getChildren().get(0).getChildren();
        assertEquals(41, after.size());
        assertEquals("aaa.example.com", ((Node.HostNode) after.get(0).getValue()).host().hostDir().dirName());
        for (int i = 0; i < before.size(); i++) {
            assertTrue(before.get(i) == after.get(i + 1), "row " + i + " was built again");
        }
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
