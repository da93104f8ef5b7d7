package dev.certsd.ui.wizard.client;

import dev.certsd.certs.KeySpec;
import dev.certsd.ui.UiText;
import dev.certsd.ui.wizard.ApplyViewModel;
import dev.certsd.ui.wizard.Fields;
import dev.certsd.ui.wizard.TargetModel;
import dev.certsd.ui.wizard.TargetPage;
import dev.certsd.ui.wizard.WizardContext;
import dev.certsd.ui.wizard.WizardPage;
import dev.certsd.ui.wizard.WizardWindow;
import dev.certsd.ui.wizard.client.ClientWizardModel.Way;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** The key and client certificate wizard's window: where, which way, name and subject, the CA or the CSR, apply. */
public final class ClientWizard {
    private ClientWizard() {
    }

    public static WizardWindow open(WizardContext w, TargetModel target) {
        UiText text = w.text();
        ClientWizardModel model = new ClientWizardModel(target, w.background(), text, w.clock(), w.pending());
        ApplyViewModel apply = w.applyModel(p -> p.placement() == null ? null : p.placement().hostDir());
        List<WizardPage> pages = List.of(
                TargetPage.page(target, text, text.get("wizard.client.targetIntro")),
                wayPage(model, text),
                detailsPage(model, text).onEnter(model.pair()::check),
                caPage(model, text).when(() -> model.wayProperty().get() == Way.SIGNED_BY_CA),
                csrPage(model, text).when(() -> model.wayProperty().get() == Way.REQUEST),
                w.applyPage(apply, model::planner, null, null));
        return w.window("wizard-client", text.get("wizard.client.title"), pages, apply);
    }

    public static WizardPage wayPage(ClientWizardModel model, UiText text) {
        ToggleGroup group = new ToggleGroup();
        VBox box = new VBox(14, Fields.paragraph(text.get("wizard.client.wayIntro")));
        RadioButton first = null;
        for (Way way : Way.values()) {
            RadioButton b = new RadioButton(text.get("wizard.client.way." + way.name()));
            b.setId("client-way-" + way.name());
            b.setToggleGroup(group);
            b.setUserData(way);
            b.setSelected(model.wayProperty().get() == way);
            b.getStyleClass().add("way-choice");
            Label why = Fields.paragraph(text.get("wizard.client.way." + way.name() + ".explain"));
            why.getStyleClass().add("field-note");
            why.setPadding(new Insets(0, 0, 0, 26));
            box.getChildren().add(new VBox(4, b, why));
            first = first == null ? b : first;
        }
        group.selectedToggleProperty().addListener((o, a, t) -> {
            if (t != null) {
                model.wayProperty().set((Way) t.getUserData());
            }
        });
        box.setPadding(new Insets(16, 20, 20, 20));
        return WizardPage.of(text.get("wizard.page.way"), box, Bindings.isNotNull(group.selectedToggleProperty()),
                first);
    }

    public static WizardPage detailsPage(ClientWizardModel model, UiText text) {
        TextField name = new TextField();
        ComboBox<KeySpec> key = Fields.keyType(model.keyProperty(), text);
        TextField cn = new TextField();
        cn.textProperty().bindBidirectional(model.commonNameProperty());
        TextField o = new TextField();
        o.setId("client-o");
        o.textProperty().bindBidirectional(model.organizationProperty());
        TextField ou = new TextField();
        ou.setId("client-ou");
        ou.textProperty().bindBidirectional(model.unitProperty());
        TextField days = new TextField();
        days.setPrefColumnCount(6);
        days.setMaxWidth(140);
        days.textProperty().bindBidirectional(model.days().daysProperty());
        VBox daysField = Fields.field(text.get("wizard.client.days.label"), days, model.days().problemProperty(),
                "client-days");
        BooleanBinding request = model.wayProperty().isEqualTo(Way.REQUEST);
        daysField.visibleProperty().bind(request.not());
        daysField.managedProperty().bind(daysField.visibleProperty());
        Label caDecides = Fields.paragraph(text.get("wizard.client.days.request"));
        caDecides.getStyleClass().add("field-note");
        caDecides.visibleProperty().bind(request);
        caDecides.managedProperty().bind(caDecides.visibleProperty());

        HBox orgRow = new HBox(12, labelled(text.get("wizard.client.o"), o), labelled(text.get("wizard.client.ou"), ou));
        orgRow.getChildren().forEach(n -> HBox.setHgrow(n, javafx.scene.layout.Priority.ALWAYS));
        VBox box = new VBox(12);
        box.getChildren().addAll(Fields.pairName(model.pair(), name, text, "client"));
        box.getChildren().addAll(
                Fields.field(text.get("wizard.client.key"), key, new javafx.beans.property.SimpleStringProperty(""),
                        "client-key"),
                Fields.field(text.get("wizard.client.cn"), cn, model.subjectProblemProperty(), "client-cn"),
                orgRow, daysField, caDecides,
                Fields.paragraph(text.get("wizard.client.eku")));
        box.setPadding(new Insets(16, 20, 20, 20));
        return WizardPage.of(text.get("wizard.page.details"), box, model.detailsComplete(), name);
    }

    private static VBox labelled(String label, TextField field) {
        Label l = new Label(label);
        l.setLabelFor(field);
        l.getStyleClass().add("field-label");
        return new VBox(4, l, field);
    }

    public static WizardPage caPage(ClientWizardModel model, UiText text) {
        CaFiles ca = model.ca();
        TextField cert = new TextField();
        cert.setId("client-ca-cert");
        cert.textProperty().bindBidirectional(ca.certProperty());
        TextField key = new TextField();
        key.setId("client-ca-key");
        key.textProperty().bindBidirectional(ca.keyProperty());
        PasswordField pass = new PasswordField();
        pass.textProperty().bindBidirectional(ca.passphraseProperty());
        VBox passField = Fields.field(text.get("wizard.ca.passphrase"), pass, new javafx.beans.property
                .SimpleStringProperty(""), "client-ca-passphrase");
        passField.visibleProperty().bind(ca.needsPassphraseProperty());
        passField.managedProperty().bind(passField.visibleProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(ca.checkingProperty());
        Label problem = Fields.problem(key, ca.problemProperty(), "client-ca-problem");
        Label summary = new Label();
        summary.setId("client-ca-summary");
        summary.setWrapText(true);
        summary.getStyleClass().add("field-ok");
        summary.textProperty().bind(ca.summaryProperty());
        VBox box = new VBox(12, Fields.paragraph(text.get("wizard.ca.intro")),
                Fields.pemFile(text.get("wizard.ca.cert"), cert, text),
                Fields.pemFile(text.get("wizard.ca.key"), key, text),
                passField, new HBox(8, busy, summary), problem);
        box.setPadding(new Insets(16, 20, 20, 20));
        return WizardPage.of(text.get("wizard.page.ca"), box, ca.complete(), cert);
    }

    public static WizardPage csrPage(ClientWizardModel model, UiText text) {
        TextField csr = new TextField();
        csr.textProperty().bindBidirectional(model.csrFileProperty());
        csr.setId("client-csr");
        Label label = new Label(text.get("wizard.client.csr"));
        label.setLabelFor(csr);
        label.getStyleClass().add("field-label");
        VBox box = new VBox(12, Fields.paragraph(text.get("wizard.client.csr.intro")),
                new VBox(4, label, Fields.pathField(csr, text, true, c -> c.getExtensionFilters().add(
                        new FileChooser.ExtensionFilter(text.get("wizard.filter.csr"), "*.csr", "*.pem"))),
                        Fields.problem(csr, model.csrProblemProperty(), "client-csr-problem")),
                Fields.paragraph(text.fmt("wizard.client.csr.waiting", model.pending().directory())));
        box.setPadding(new Insets(16, 20, 20, 20));
        return WizardPage.of(text.get("wizard.page.csr"), box, model.csrComplete(), csr);
    }
}
