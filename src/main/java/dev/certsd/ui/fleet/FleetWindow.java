package dev.certsd.ui.fleet;

import dev.certsd.fleet.FleetReport;
import dev.certsd.fleet.Inventory;
import dev.certsd.fleet.InventoryEntry;
import dev.certsd.roots.Client;
import dev.certsd.remote.RemoteProblem;
import dev.certsd.remote.SshSettings;
import dev.certsd.remote.SshTarget;
import dev.certsd.ui.DataNodes;
import dev.certsd.ui.UiText;
import dev.certsd.ui.work.Background;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.collections.transformation.SortedList;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Machines over SSH, one (File › Add remote machine…) or a whole inventory (File › Fleet…): a sortable table
 * machine x registry with each verdict, filled as machines finish, with cancel, a host key to confirm, and
 * exports as JSON and CSV.
 */
public final class FleetWindow {
    private final FleetViewModel model;
    private final UiText text;
    private final Stage stage = new Stage();
    private final TextField root = new TextField();
    private final TableView<FleetReport.Row> table = new TableView<>();

    public FleetWindow(Background background, UiText text, SshSettings ssh, Window owner) {
        this.model = new FleetViewModel(background, text, ssh);
        this.text = text;
        stage.initOwner(owner);
        stage.setTitle(text.get("fleet.title"));
        build();
    }

    public Stage stage() {
        return stage;
    }

    private void build() {
        fillTable();
        BorderPane pane = new BorderPane(table, top(), null, bottom(), null);
        Scene scene = new Scene(pane, 1120, 560);
        scene.getStylesheets().add(FleetWindow.class.getResource("/dev/certsd/ui/studio.css").toExternalForm());
        stage.setScene(scene);
    }

    /** Where the machines come from (inventory, one machine), the root to read on them, and Cancel. */
    private HBox top() {
        Button inventory = new Button(text.get("fleet.inventory"));
        inventory.setId("fleet-inventory");
        inventory.setOnAction(e -> chooseInventory());
        Button machine = new Button(text.get("fleet.addMachine"));
        machine.setId("fleet-add-machine");
        machine.setOnAction(e -> askMachine());
        root.setId("fleet-root");
        root.setPromptText(text.get("fleet.root.prompt"));
        HBox.setHgrow(root, Priority.ALWAYS);
        Button cancel = new Button(text.get("fleet.cancel"));
        cancel.setId("fleet-cancel");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        HBox top = new HBox(8, inventory, machine, new Label(text.get("fleet.root")), root, cancel);
        top.setPadding(new Insets(8));
        return top;
    }

    /** One row per machine and registry directory. */
    private void fillTable() {
        table.setId("fleet-table");
        // sorted by the columns the user picks, in a view of its own: the model's rows stay in arrival order
        SortedList<FleetReport.Row> sorted = new SortedList<>(model.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getColumns().add(column("fleet.col.machine", "fleet-col-machine", FleetReport.Row::machine, 160));
        table.getColumns().add(column("fleet.col.registry", "fleet-col-registry", r -> r.registry() != null
                ? r.registry() : "", 240));
        table.getColumns().add(column("fleet.col.verdict", "fleet-col-verdict",
                r -> text.get("fleet.verdict." + r.status()), 215));
        table.getColumns().add(column("fleet.col.detail", "fleet-col-detail", r -> r.verdict() != null
                ? (r.verdict().clientError() != null ? r.verdict().clientError() : "") : r.problem(), 480));
        table.setPlaceholder(new Label(text.get("fleet.empty")));
        DataNodes.mark(table);
    }

    /** Progress, status, trusting an unknown host key and the exports. */
    private HBox bottom() {
        Button trust = new Button(text.get("fleet.trust"));
        trust.setId("fleet-trust");
        trust.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                .or(javafx.beans.binding.Bindings.createBooleanBinding(() ->
                        model.unknownKey(table.getSelectionModel().getSelectedItem()) == null,
                        table.getSelectionModel().selectedItemProperty())));
        trust.setOnAction(e -> confirmKey(model.unknownKey(table.getSelectionModel().getSelectedItem())));
        Button json = new Button(text.get("fleet.exportJson"));
        json.setId("fleet-export-json");
        json.setOnAction(e -> export("json"));
        Button csv = new Button(text.get("fleet.exportCsv"));
        csv.setId("fleet-export-csv");
        csv.setOnAction(e -> export("csv"));
        json.disableProperty().bind(model.reportProperty().isNull());
        csv.disableProperty().bind(model.reportProperty().isNull());
        ProgressBar progress = new ProgressBar();
        progress.setId("fleet-progress");
        progress.progressProperty().bind(model.progressProperty());
        Label status = new Label();
        status.setId("fleet-status");
        status.textProperty().bind(model.statusProperty());
        status.setMinWidth(0);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        for (Button b : List.of(trust, json, csv)) {
            b.setMinWidth(Button.USE_PREF_SIZE);
        }
        HBox bottom = new HBox(8, progress, status, trust, json, csv);
        bottom.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(8));
        return bottom;
    }

    private TableColumn<FleetReport.Row, String> column(String key, String id,
                                                        java.util.function.Function<FleetReport.Row, String> value,
                                                        double width) {
        TableColumn<FleetReport.Row, String> c = new TableColumn<>(text.get(key));
        c.setId(id);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    /** Checks these machines now (also what the tests and File › Add remote machine… call). */
    public void check(List<InventoryEntry> machines, Client client) {
        model.check(machines, root.getText(), client);
    }

    public void setRoot(String path) {
        root.setText(path);
    }

    private void chooseInventory() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text.get("fleet.inventory"));
        File f = chooser.showOpenDialog(stage);
        if (f == null) {
            return;
        }
        try {
            check(Inventory.read(f.toPath()), Client.DOCKER);
        } catch (IOException e) {
            model.statusProperty().set(e.getMessage());
        }
    }

    private void askMachine() {
        TextInputDialog d = new TextInputDialog();
        d.initOwner(stage);
        d.setTitle(text.get("fleet.addMachine"));
        d.setHeaderText(text.get("fleet.addMachine.header"));
        d.getEditor().setId("fleet-machine-field");
        d.showAndWait().ifPresent(t -> SshTarget.parse(t).ifPresentOrElse(
                target -> check(List.of(new InventoryEntry(target.label(), target)), Client.DOCKER),
                () -> model.statusProperty().set(text.fmt("fleet.badMachine", t))));
    }

    /** Shows the fingerprint and trusts it only when the user says it is the one they expect. */
    private void confirmKey(RemoteProblem p) {
        if (p == null) {
            return;
        }
        ButtonType trust = new ButtonType(text.get("fleet.trust.yes"), ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(Alert.AlertType.WARNING, p.message(text.locale()), trust, ButtonType.CANCEL);
        a.initOwner(stage);
        a.setTitle(text.get("fleet.trust.title"));
        a.setHeaderText(text.fmt("fleet.trust.header", p.machine(), p.fingerprint()));
        a.getDialogPane().setId("fleet-trust-dialog");
        a.showAndWait().filter(b -> b == trust).ifPresent(b -> model.trust(p.fingerprint()));
    }

    private void export(String kind) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("fleet." + kind);
        File f = chooser.showSaveDialog(stage);
        if (f != null) {
            exportTo(kind, f.toPath());
        }
    }

    void exportTo(String kind, Path file) {
        try {
            if (kind.equals("json")) {
                model.exportJson(file);
            } else {
                model.exportCsv(file);
            }
            model.statusProperty().set(text.fmt("fleet.exported", file));
        } catch (IOException e) {
            model.statusProperty().set(e.getMessage());
        }
    }

    FleetViewModel model() {
        return model;
    }

    public void show() {
        stage.show();
    }
}
