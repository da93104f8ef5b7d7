package dev.certsd.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The layout tests' judge: a cut text is found, a whole one or one marked abbreviated (with a tooltip) is not. */
@ExtendWith(ApplicationExtension.class)
class TruncationsTest {
    private Scene scene;
    private Label cut;
    private Label marked;

    @Start
    void start(Stage stage) {
        cut = new Label("A sentence far too long for forty pixels");
        cut.setMaxWidth(40);
        marked = Abbreviated.mark(new Label("/a/long/path/that/is/cut/on/purpose"), "/a/long/path/that/is/cut/on/purpose");
        marked.setMaxWidth(40);
        Button fits = new Button("OK");
        scene = new Scene(new HBox(8, cut, marked, fits), 400, 100);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void onlyTheCutUnmarkedLabelIsFound(FxRobot robot) {
        List<String> found = new ArrayList<>();
        robot.interact(() -> found.addAll(Truncations.in(scene)));
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).contains("instead of \"A sentence far too long for forty pixels\""), found.get(0));
    }

    @Test
    void aMarkWithoutATooltipDoesNotExcuse(FxRobot robot) {
        List<String> found = new ArrayList<>();
        robot.interact(() -> {
            marked.setTooltip(null);
            found.addAll(Truncations.in(scene));
        });
        assertEquals(2, found.size(), found.toString());
    }
}
