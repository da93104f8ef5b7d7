package dev.certsd.ui.wizard;

import dev.certsd.ui.Icons;
import dev.certsd.ui.UiText;
import java.io.File;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;

/** The page that picks the host directory: a root, the registry as typed in docker pull, what that makes. */
public final class TargetPage {
    private TargetPage() {
    }

    public static WizardPage page(TargetViewModel model, UiText text, String intro) {
        ComboBox<RootChoice> root = new ComboBox<>(model.roots());
        root.setMaxWidth(Double.MAX_VALUE);
        root.valueProperty().bindBidirectional(model.rootProperty());
        root.setConverter(new StringConverter<>() {
            @Override
            public String toString(RootChoice c) {
                return c == null ? "" : c.display(text);
            }

            @Override
            public RootChoice fromString(String s) {
                return null;
            }
        });
        TextField registry = new TextField();
        registry.setPromptText(text.get("wizard.registry.prompt"));
        registry.textProperty().bindBidirectional(model.registryProperty());
        Label directory = new Label();
        directory.setId("target-directory");
        directory.setWrapText(true);
        directory.getStyleClass().add("command-line");
        directory.textProperty().bind(model.directory().directoryProperty());

        VBox box = new VBox(14, Fields.paragraph(intro),
                Fields.field(text.get("wizard.registry"), registry, model.problemProperty(), "target-registry"),
                Fields.notes(model.notes(), "field-note", "target-notes"),
                new VBox(4, Fields.heading(text.get("wizard.root")), root,
                        folderRow(model.folder(), model::addFolder, text)),
                directory,
                Fields.notes(model.directory().warnings(), "field-warning", "target-warnings"));
        root.setId("target-root");
        box.setPadding(new Insets(16, 20, 20, 20));
        return WizardPage.of(text.get("wizard.page.target"), box, model.completeProperty(), registry);
    }

    /** "Another certs.d folder: [path] [Browse…] [Add]", with the path's problem under it. */
    public static VBox folderRow(FolderEntry entry, Runnable add, UiText text) {
        StringProperty folder = entry.folderProperty();
        TextField field = new TextField();
        field.setId("wizard-folder");
        field.setPromptText(text.get("wizard.folder.prompt"));
        field.textProperty().bindBidirectional(folder);
        field.setOnAction(e -> add.run());
        Button browse = new Button(text.get("wizard.browse"), Icons.of("mdi2f-folder-open-outline"));
        browse.setId("wizard-folder-browse");
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(text.get("action.addFolder.title"));
            File f = chooser.showDialog(field.getScene().getWindow());
            if (f != null) {
                folder.set(f.getAbsolutePath());
            }
        });
        Button addButton = new Button(text.get("wizard.folder.add"), Icons.of("mdi2p-plus"));
        addButton.setId("wizard-folder-add");
        addButton.disableProperty().bind(entry.addable().not());
        addButton.setOnAction(e -> add.run());
        HBox.setHgrow(field, Priority.ALWAYS);
        Label label = new Label(text.get("wizard.folder"));
        label.setLabelFor(field);
        label.getStyleClass().add("field-label");
        HBox row = new HBox(6, field, browse, addButton);
        return new VBox(4, label, row, Fields.problem(field, entry.problemProperty(), "wizard-folder-problem"));
    }
}
