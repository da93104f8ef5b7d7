package dev.certsd.ui.compare;

import dev.certsd.remote.SshSettings;
import dev.certsd.ui.DataNodes;
import dev.certsd.ui.UiText;
import dev.certsd.ui.work.Background;
import javafx.collections.transformation.SortedList;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Two roots or two host directories side by side (File › Compare…): each a local path or
 * {@code [user@]host[:port]:/path}; the verdict on each side, then every file that differs.
 */
public final class CompareWindow {
    private final CompareViewModel model;
    private final UiText text;
    private final Stage stage = new Stage();

    public CompareWindow(Background background, UiText text, SshSettings ssh, Window owner) {
        this.model = new CompareViewModel(background, text, ssh);
        this.text = text;
        stage.initOwner(owner);
        stage.setTitle(text.get("compare.title"));
        build();
    }

    public Stage stage() {
        return stage;
    }

    private void build() {
        TextField a = new TextField();
        a.setId("compare-left");
        a.setPromptText(text.get("compare.prompt"));
        a.textProperty().bindBidirectional(model.leftProperty());
        TextField b = new TextField();
        b.setId("compare-right");
        b.setPromptText(text.get("compare.prompt"));
        b.textProperty().bindBidirectional(model.rightProperty());
        Button run = new Button(text.get("compare.run"));
        run.setId("compare-run");
        run.setDefaultButton(true);
        run.disableProperty().bind(model.runningProperty());
        run.setOnAction(e -> model.compare());
        Button cancel = new Button(text.get("compare.cancel"));
        cancel.setId("compare-cancel");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.setPadding(new Insets(8));
        form.addRow(0, new Label("A"), a, run);
        form.addRow(1, new Label("B"), b, cancel);
        GridPane.setHgrow(a, Priority.ALWAYS);
        GridPane.setHgrow(b, Priority.ALWAYS);

        TableView<CompareRow> table = new TableView<>();
        SortedList<CompareRow> sorted = new SortedList<>(model.rows()); // a view the column headers may sort
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("compare-table");
        table.getColumns().add(column("compare.col.dir", CompareRow::dir, 230));
        table.getColumns().add(column("compare.col.file", CompareRow::file, 120));
        table.getColumns().add(column("compare.col.change", CompareRow::change, 200));
        table.getColumns().add(column("compare.col.left", CompareRow::left, 330));
        table.getColumns().add(column("compare.col.right", CompareRow::right, 330));
        table.setPlaceholder(new Label(text.get("compare.empty")));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(CompareRow item, boolean empty) {
                super.updateItem(item, empty);
                setStyle(item != null && item.verdictRow() ? "-fx-font-weight: bold;" : "");
            }
        });
        DataNodes.mark(table);
        Label status = new Label();
        status.setId("compare-status");
        status.textProperty().bind(model.statusProperty());
        HBox bottom = new HBox(status);
        bottom.setPadding(new Insets(8));
        BorderPane pane = new BorderPane(table, form, null, bottom, null);
        Scene scene = new Scene(pane, 1180, 520);
        scene.getStylesheets().add(CompareWindow.class.getResource("/dev/certsd/ui/studio.css").toExternalForm());
        stage.setScene(scene);
    }

    private TableColumn<CompareRow, String> column(String key, java.util.function.Function<CompareRow, String> v,
                                                   double width) {
        TableColumn<CompareRow, String> c = new TableColumn<>(text.get(key));
        c.setPrefWidth(width);
        c.setSortable(false); // the rows are in load order, each directory's files under its verdicts
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(v.apply(d.getValue())));
        return c;
    }

    /** Compares the two places now (File › Compare… with two roots of the window selected, and the tests). */
    public void compare(String left, String right) {
        model.leftProperty().set(left);
        model.rightProperty().set(right);
        model.compare();
    }

    public void show() {
        stage.show();
    }
}
