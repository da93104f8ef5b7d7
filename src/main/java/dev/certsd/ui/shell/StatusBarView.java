package dev.certsd.ui.shell;

import atlantafx.base.theme.Styles;
import dev.certsd.ui.DataNodes;
import dev.certsd.ui.UiText;
import dev.certsd.ui.workspace.Counts;
import dev.certsd.ui.workspace.NodeKey;
import dev.certsd.ui.workspace.RootModel;
import dev.certsd.ui.workspace.RootsViewModel;
import dev.certsd.ui.work.Background;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The bottom line: the selected root, counts over everything shown, and what runs in the background. */
final class StatusBarView {
    private final HBox bar = new HBox(12);
    private final Label root = new Label();
    private final Label counts = new Label();
    private final RootsViewModel model;
    private final UiText text;

    StatusBarView(RootsViewModel model, Background background, UiText text) {
        this.model = model;
        this.text = text;
        bar.setId("status-bar");
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 10, 4, 10));
        root.setId("status-root");
        DataNodes.mark(root);
        counts.setId("status-counts");
        Label activity = new Label();
        activity.setId("status-activity");
        activity.textProperty().bind(Bindings.createStringBinding(() -> background.activityProperty().get().isEmpty()
                ? model.noticeProperty().get() : background.activityProperty().get(),
                background.activityProperty(), model.noticeProperty()));
        activity.getStyleClass().add(Styles.TEXT_MUTED);
        // How far a scan is: it tells its fraction a few times a second. Work that tells none is named by the activity
        // line alone (the dialogs that wait for it show their own indicator): a bar or spinner running to and fro asks
        // for a frame at every pulse, and the one here ran through the window's start, while the undo journal was
        // read and the first scan ran: 0.2 s of CPU and 80 ms of the first full tree on two cores
        // (docs/performance.md).
        ProgressBar busy = new ProgressBar();
        busy.setId("status-progress");
        busy.getStyleClass().add(Styles.SMALL);
        busy.setPrefWidth(72);
        busy.progressProperty().bind(background.progressProperty());
        busy.visibleProperty().bind(background.activityProperty().isNotEmpty()
                .and(background.progressProperty().greaterThanOrEqualTo(0)));
        busy.managedProperty().bind(busy.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        root.setMinWidth(0);
        counts.setMinWidth(Region.USE_PREF_SIZE);
        bar.getChildren().addAll(root, spacer, busy, activity, counts);
        model.selectedKeyProperty().addListener((o, a, b) -> update());
        model.revisionProperty().addListener((o, a, b) -> update());
        model.roots().addListener((ListChangeListener<RootModel>) c -> update());
        update();
    }

    HBox view() {
        return bar;
    }

    private void update() {
        NodeKey key = model.selectedKeyProperty().get();
        root.setText(key == null ? "" : key.root().toString());
        Counts total = Counts.NONE;
        long hosts = 0;
        for (RootModel m : model.roots()) {
            total = total.plus(m.counts());
            hosts += m.report() == null ? 0 : m.report().hosts().size();
        }
        counts.setText(text.fmt("status.counts", model.roots().size(), hosts, total.errors(), total.warnings()));
    }
}
