package dev.certsd.ui.wizard.registry;

import atlantafx.base.theme.Styles;
import dev.certsd.roots.CertsRoot;
import dev.certsd.ui.Icons;
import dev.certsd.ui.UiText;
import dev.certsd.ui.wizard.ApplyViewModel;
import dev.certsd.ui.wizard.Fields;
import dev.certsd.ui.wizard.RootChoice;
import dev.certsd.ui.wizard.TargetPage;
import dev.certsd.ui.wizard.TargetViewModel;
import dev.certsd.ui.wizard.WizardContext;
import dev.certsd.ui.wizard.WizardPage;
import dev.certsd.ui.wizard.WizardWindow;
import dev.certsd.ui.wizard.ca.CaImportWizard;
import dev.certsd.ui.wizard.client.ClientWizard;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The new-registry wizard's window: the registry and the roots on one page, then review and apply. */
public final class RegistryWizard {
    private RegistryWizard() {
    }

    /** @param root the root selected in the tree, chosen alone; null for the default choice */
    public static WizardWindow open(WizardContext w, CertsRoot root) {
        UiText text = w.text();
        RegistryWizardViewModel model = new RegistryWizardViewModel(w.rootChoices(), w.scanOptions(), text);
        if (root != null) {
            model.preselect(root);
        }
        ApplyViewModel apply = w.applyModel(p -> null);
        apply.onDone(p -> model.rows().stream().filter(r -> r.chosenProperty().get() && r.target() != null)
                .findFirst().ifPresent(r -> w.reveal(r.target().path())));
        WizardWindow[] window = new WizardWindow[1];
        Button client = new Button(text.get("wizard.registry.continueClient"), Icons.of("mdi2c-certificate-outline"));
        client.setId("registry-continue-client");
        client.getStyleClass().add(Styles.ACCENT);
        client.setOnAction(e -> continueWith(w, model, window[0], true));
        Button ca = new Button(text.get("wizard.registry.continueCa"), Icons.of("mdi2s-shield-check-outline"));
        ca.setId("registry-continue-ca");
        ca.setOnAction(e -> continueWith(w, model, window[0], false));
        HBox buttons = new HBox(8, client, ca);
        VBox after = new VBox(6, Fields.paragraph(text.get("wizard.registry.continue")), buttons);

        WizardPage first = firstPage(model, text);
        WizardPage last = w.applyPage(apply, model::planner, null, after);
        window[0] = w.window("wizard-registry", text.get("wizard.registry.title"), List.of(first, last), apply);
        return window[0];
    }

    private static void continueWith(WizardContext w, RegistryWizardViewModel model, WizardWindow window, boolean client) {
        RootChoice root = model.firstChosen().orElse(null);
        if (root == null || model.registry() == null) {
            return;
        }
        String registry = model.registry().registry();
        window.stage().hide();
        TargetViewModel target = w.target(root.root(), registry);
        if (client) {
            w.show(ClientWizard.open(w, target));
        } else {
            w.show(CaImportWizard.open(w, target));
        }
    }

    private static WizardPage firstPage(RegistryWizardViewModel model, UiText text) {
        TextField registry = new TextField();
        registry.setPromptText(text.get("wizard.registry.prompt"));
        registry.textProperty().bindBidirectional(model.registryProperty());
        VBox rows = new VBox(10);
        rows.setId("registry-roots");
        Runnable fill = () -> rows.getChildren().setAll(model.rows().stream().map(r -> row(r, text,
                model.rows().indexOf(r))).toList());
        model.rows().addListener((ListChangeListener<RegistryWizardViewModel.Row>) c -> {
            while (c.next()) {
                if (c.wasAdded() || c.wasRemoved()) {
                    fill.run();
                    return;
                }
            }
        });
        fill.run();
        Label none = Fields.paragraph(text.get("wizard.registry.noRoots"));
        none.getStyleClass().add("field-note");
        none.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.rows()));
        none.managedProperty().bind(none.visibleProperty());
        VBox box = new VBox(14, Fields.paragraph(text.get("wizard.registry.intro")),
                Fields.field(text.get("wizard.registry"), registry, model.problemProperty(), "registry-input"),
                Fields.notes(model.notes(), "field-note", "registry-notes"),
                Fields.heading(text.get("wizard.registry.roots")), none, rows,
                TargetPage.folderRow(model.folder(), model::addFolder, text));
        box.setPadding(new Insets(16, 20, 20, 20));
        return WizardPage.of(text.get("wizard.page.registry"), box, model.completeProperty(), registry);
    }

    private static VBox row(RegistryWizardViewModel.Row r, UiText text, int index) {
        CheckBox chosen = new CheckBox(r.choice().display(text));
        chosen.setMnemonicParsing(false); // a path is not a mnemonic
        chosen.setId("registry-root-" + index);
        chosen.selectedProperty().bindBidirectional(r.chosenProperty());
        Label dir = new Label();
        dir.setId("registry-dir-" + index);
        dir.getStyleClass().add("command-line");
        dir.setWrapText(true);
        dir.textProperty().bind(r.directory().directoryProperty());
        VBox warnings = Fields.notes(r.directory().warnings(), "field-warning", "registry-warnings-" + index);
        VBox box = new VBox(4, chosen, dir, warnings);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(0, 0, 0, 4));
        box.getStyleClass().add("root-row");
        return box;
    }
}
