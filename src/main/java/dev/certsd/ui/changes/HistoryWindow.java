package dev.certsd.ui.changes;

import atlantafx.base.theme.Styles;
import dev.certsd.ui.DataNodes;
import dev.certsd.ui.Icons;
import dev.certsd.ui.UiText;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The undo journal as a list: each change with its time and status, its steps below, Undo and Redo at hand. */
final class HistoryWindow {
    private final Stage stage = new Stage();

    HistoryWindow(Window owner, ChangesViewModel model, UiText text, Runnable undo, Runnable redo) {
        stage.initOwner(owner);
        stage.setTitle(text.get("history.title"));
        if (owner instanceof Stage s) {
            stage.getIcons().setAll(s.getIcons());
        }
        TableView<HistoryRow> table = table(model, text);
        ListView<String> stepList = stepList(table, text);
        HBox buttons = dev.certsd.ui.SecondaryWindow.closeRow(stage, text, "history",
                button("history-undo", "mdi2u-undo", model.undoTextProperty(), model.canUndoProperty(), undo),
                button("history-redo", "mdi2r-redo", model.redoTextProperty(), model.canRedoProperty(), redo));
        Label where = new Label(text.fmt("history.where", model.changes().journal().directory(),
                model.changes().journal().capacity()));
        where.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        where.setWrapText(true);
        where.setMinHeight(Region.USE_PREF_SIZE);
        buttons.setPadding(Insets.EMPTY);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(10, table, ChangePreviewDialog.titled(text.get("history.steps"), stepList), buttons, where);
        box.setId("history");
        box.setPadding(new Insets(12));
        Scene scene = new Scene(box, 860, 560);
        scene.getStylesheets().add(HistoryWindow.class.getResource("/dev/certsd/ui/studio.css").toExternalForm());
        dev.certsd.ui.SecondaryWindow.closeOnKeys(stage, scene);
        stage.setScene(scene);
        stage.setOnShowing(e -> model.refresh());
    }

    /** The entries, newest first: number, time, status and what changed. */
    private static TableView<HistoryRow> table(ChangesViewModel model, UiText text) {
        // the model's list is read-only: the table sorts a view of it
        javafx.collections.transformation.SortedList<HistoryRow> rows =
                new javafx.collections.transformation.SortedList<>(model.history());
        TableView<HistoryRow> table = new TableView<>(rows);
        rows.comparatorProperty().bind(table.comparatorProperty());
        table.setId("history-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(text.get("history.empty")));
        TableColumn<HistoryRow, String> id = column(text.get("history.id"), r -> Long.toString(r.id()), true);
        id.setPrefWidth(50);
        id.setMaxWidth(70);
        TableColumn<HistoryRow, String> time = column(text.get("history.time"), HistoryRow::time, true);
        time.setPrefWidth(170);
        TableColumn<HistoryRow, String> status = column(text.get("history.status"), HistoryRow::statusText, false);
        status.setPrefWidth(150);
        TableColumn<HistoryRow, String> label = column(text.get("history.change"), HistoryRow::label, false);
        label.setPrefWidth(420);
        table.getColumns().addAll(java.util.List.of(id, time, status, label));
        return table;
    }

    /** The selected entry's steps, wrapped within the list. */
    private static ListView<String> stepList(TableView<HistoryRow> table, UiText text) {
        ObservableList<String> steps = FXCollections.observableArrayList();
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) ->
                steps.setAll(row == null ? java.util.List.of() : row.steps()));
        ListView<String> stepList = new ListView<>(steps);
        stepList.setId("history-steps");
        stepList.setPrefHeight(140);
        stepList.setPlaceholder(new Label(text.get("history.selectOne")));
        // a step names two long paths: it wraps within the list rather than running off to the side
        stepList.setCellFactory(v -> {
            javafx.scene.control.ListCell<String> cell = new javafx.scene.control.ListCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                }
            };
            cell.setWrapText(true);
            cell.prefWidthProperty().bind(stepList.widthProperty().subtract(24));
            cell.setMinHeight(Region.USE_PREF_SIZE);
            return cell;
        });
        return stepList;
    }

    private static Button button(String id, String icon, javafx.beans.value.ObservableValue<String> words,
                                 javafx.beans.value.ObservableBooleanValue can, Runnable action) {
        Button b = new Button(null, Icons.of(icon));
        b.setId(id);
        b.textProperty().bind(words);
        b.disableProperty().bind(javafx.beans.binding.Bindings.not(can));
        b.setOnAction(e -> action.run());
        return b;
    }

    void show() {
        stage.show();
        stage.toFront();
    }

    Stage stage() {
        return stage;
    }

    private static TableColumn<HistoryRow, String> column(String title, java.util.function.Function<HistoryRow, String> value,
                                                         boolean data) {
        TableColumn<HistoryRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(value.apply(r.getValue())));
        c.setCellFactory(x -> {
            TableCell<HistoryRow, String> cell = new TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                }
            };
            return data ? DataNodes.mark(cell) : cell;
        });
        return c;
    }
}
