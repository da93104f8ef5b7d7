package dev.certsd.ui.wizard.signed;

import dev.certsd.pki.PendingKeys;
import dev.certsd.ui.UiText;
import dev.certsd.ui.wizard.ApplyViewModel;
import dev.certsd.ui.wizard.Fields;
import dev.certsd.ui.wizard.WizardContext;
import dev.certsd.ui.wizard.WizardPage;
import dev.certsd.ui.wizard.WizardWindow;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** "Import signed certificate": the waiting keys, the certificate the CA sent, the pair's name; then apply. */
public final class ImportSignedWizard {
    private ImportSignedWizard() {
    }

    public static WizardWindow open(WizardContext w) {
        UiText text = w.text();
        ImportSignedModel model = new ImportSignedModel(w.pending(), w.background(), text, w.clock());
        ApplyViewModel apply = w.applyModel(p -> p.placement() == null ? null : p.placement().hostDir());
        List<WizardPage> pages = List.of(firstPage(model, text),
                w.applyPage(apply, model::planner, null, null));
        model.load();
        return w.window("wizard-signed", text.get("wizard.signed.title"), pages, apply);
    }

    private static WizardPage firstPage(ImportSignedModel model, UiText text) {
        TableView<PendingKeys.Waiting> table = new TableView<>(model.waiting());
        table.setId("signed-waiting");
        table.setPrefHeight(170);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(text.locale())
                .withZone(ZoneId.systemDefault());
        table.getColumns().setAll(List.of(
                column(text.get("wizard.signed.col.name"), x -> x.name() == null ? x.id() : x.name()),
                column(text.get("wizard.signed.col.hostDir"), x -> x.hostDir() == null ? "-" : x.hostDir().toString()),
                column(text.get("wizard.signed.col.subject"), x -> x.subject() == null ? "-" : x.subject()),
                column(text.get("wizard.signed.col.created"), x -> when.format(x.created()))));
        table.setPlaceholder(new Label(text.get("wizard.signed.loading")));
        model.selectedProperty().addListener((o, a, b) -> table.getSelectionModel().select(b));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.selectedProperty().set(b);
            }
        });
        Label none = Fields.paragraph("");
        none.setId("signed-none");
        none.getStyleClass().add("field-note");
        none.textProperty().bind(model.listProblemProperty());

        TextField cert = new TextField();
        cert.setId("signed-certificate");
        cert.textProperty().bindBidirectional(model.certificateProperty());
        Label summary = new Label();
        summary.setId("signed-summary");
        summary.setWrapText(true);
        summary.getStyleClass().add("field-ok");
        summary.textProperty().bind(model.summaryProperty());
        VBox box = new VBox(12, Fields.paragraph(text.get("wizard.signed.intro")),
                Fields.heading(text.get("wizard.signed.waiting")), table, none,
                Fields.pemFile(text.get("wizard.signed.certificate"), cert, text),
                Fields.problem(cert, model.certificateProblemProperty(), "signed-certificate-problem"), summary);
        box.getChildren().addAll(Fields.pairName(model.pair(), new TextField(), text, "signed"));
        box.setPadding(new Insets(16, 20, 20, 20));
        return WizardPage.of(text.get("wizard.page.signed"), box, model.completeProperty(), cert);
    }

    private static TableColumn<PendingKeys.Waiting, String> column(String title,
                                                                  Function<PendingKeys.Waiting, String> value) {
        TableColumn<PendingKeys.Waiting, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        return c;
    }
}
