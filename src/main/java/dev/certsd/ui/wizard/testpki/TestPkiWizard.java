package dev.certsd.ui.wizard.testpki;

import dev.certsd.certs.KeySpec;
import dev.certsd.ui.Icons;
import dev.certsd.ui.UiText;
import dev.certsd.ui.wizard.ApplyViewModel;
import dev.certsd.ui.wizard.Fields;
import dev.certsd.ui.wizard.TargetPage;
import dev.certsd.ui.wizard.TargetViewModel;
import dev.certsd.ui.wizard.WizardContext;
import dev.certsd.ui.wizard.WizardPage;
import dev.certsd.ui.wizard.WizardWindow;
import java.io.File;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/**
 * The test PKI wizard's window: the registry, the server side (names, folder), the client, then apply with the
 * config.yml and nginx snippets to copy.
 */
public final class TestPkiWizard {
    private TestPkiWizard() {
    }

    public static WizardWindow open(WizardContext w, TargetViewModel target) {
        UiText text = w.text();
        TestPkiViewModel model = new TestPkiViewModel(target, text, w.clock());
        model.keyProperty().set(KeySpec.DEFAULT);
        ApplyViewModel apply = w.applyModel(p -> p.placement() == null ? null : p.placement().hostDir());
        StringBinding config = written(apply, m -> m.serverFiles().config(), model);
        StringBinding nginx = written(apply, m -> m.serverFiles().nginx(), model);
        VBox snippets = new VBox(14,
                Fields.code(text.get("wizard.testpki.config"), config, text, w.copy(), "testpki-config"),
                Fields.code(text.get("wizard.testpki.nginx"), nginx, text, w.copy(), "testpki-nginx"));
        List<WizardPage> pages = List.of(
                TargetPage.page(target, text, text.get("wizard.testpki.targetIntro")),
                serverPage(model, text),
                clientPage(model, text).onEnter(model.pair()::check),
                w.applyPage(apply, model::planner, snippets, null));
        return w.window("wizard-testpki", text.get("wizard.testpki.title"), pages, apply);
    }

    private static StringBinding written(ApplyViewModel apply,
                                         Function<TestPkiViewModel, java.nio.file.Path> file, TestPkiViewModel model) {
        return Bindings.createStringBinding(() -> apply.written(file.apply(model)).orElse(""), apply.plannedProperty());
    }

    private static WizardPage serverPage(TestPkiViewModel model, UiText text) {
        TextField sans = new TextField();
        sans.setPromptText(text.get("wizard.testpki.sans.prompt"));
        sans.textProperty().bindBidirectional(model.sansProperty());
        Label summary = new Label();
        summary.setId("testpki-sans-summary");
        summary.setWrapText(true);
        summary.getStyleClass().add("field-note");
        summary.textProperty().bind(model.sansSummaryProperty());
        TextField out = new TextField();
        out.setId("testpki-server-out");
        out.textProperty().bindBidirectional(model.serverOutProperty());
        Button browse = new Button(text.get("wizard.browse"), Icons.of("mdi2f-folder-open-outline"));
        browse.setOnAction(e -> {
            DirectoryChooser c = new DirectoryChooser();
            File f = c.showDialog(out.getScene().getWindow());
            if (f != null) {
                model.serverOutProperty().set(f.getAbsolutePath());
            }
        });
        HBox.setHgrow(out, Priority.ALWAYS);
        Label outLabel = new Label(text.get("wizard.testpki.serverOut"));
        outLabel.setLabelFor(out);
        outLabel.getStyleClass().add("field-label");
        TextField storage = new TextField();
        storage.textProperty().bindBidirectional(model.storageProperty());
        VBox box = new VBox(12, Fields.paragraph(text.get("wizard.testpki.serverIntro")),
                Fields.field(text.get("wizard.testpki.sans"), sans, model.sansProblemProperty(), "testpki-sans"),
                summary,
                new VBox(4, outLabel, new HBox(6, out, browse),
                        Fields.problem(out, model.serverOutProblemProperty(), "testpki-server-out-problem")),
                Fields.field(text.get("wizard.testpki.storage"), storage, model.storageProblemProperty(),
                        "testpki-storage"));
        box.setPadding(new Insets(16, 20, 20, 20));
        return WizardPage.of(text.get("wizard.page.server"), box, model.serverComplete(), sans);
    }

    private static WizardPage clientPage(TestPkiViewModel model, UiText text) {
        TextField name = new TextField();
        name.textProperty().bindBidirectional(model.pair().nameProperty());
        TextField cn = new TextField();
        cn.textProperty().bindBidirectional(model.commonNameProperty());
        TextField days = new TextField();
        days.setMaxWidth(140);
        days.textProperty().bindBidirectional(model.days().daysProperty());
        CheckBox overwrite = new CheckBox(text.get("wizard.testpki.overwrite"));
        overwrite.setId("testpki-overwrite");
        overwrite.setWrapText(true);
        overwrite.selectedProperty().bindBidirectional(model.pair().overwriteProperty());
        VBox box = new VBox(12, Fields.paragraph(text.get("wizard.testpki.clientIntro")),
                Fields.field(text.get("wizard.client.name"), name, model.pair().problemProperty(), "testpki-name"),
                Fields.field(text.get("wizard.client.cn"), cn, model.cnProblemProperty(), "testpki-cn"),
                Fields.field(text.get("wizard.testpki.key"), Fields.keyType(model.keyProperty(), text),
                        new SimpleStringProperty(""), "testpki-key"),
                Fields.field(text.get("wizard.client.days.label"), days, model.days().problemProperty(),
                        "testpki-days"),
                overwrite);
        box.setPadding(new Insets(16, 20, 20, 20));
        return WizardPage.of(text.get("wizard.page.client"), box, model.clientComplete(), name);
    }
}
