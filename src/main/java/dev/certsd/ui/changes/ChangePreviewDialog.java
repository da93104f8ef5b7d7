package dev.certsd.ui.changes;

import atlantafx.base.theme.Styles;
import dev.certsd.files.ChangeSet;
import dev.certsd.ui.Icons;
import dev.certsd.ui.UiText;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Shows what a change will do before it is done: the choice among fixes, the passphrase a decryption needs, every
 * step, and why it would be refused. Apply is enabled only once the steps are checked against the disk.
 */
final class ChangePreviewDialog {
    private ChangePreviewDialog() {
    }

    /** Opens the preview; {@code onApply} gets the checked change set when the user confirms. */
    static Dialog<ChangeSet> show(Window owner, ChangePreviewViewModel model, UiText text, String applyKey,
                                  boolean destructive, Consumer<ChangeSet> onApply) {
        Dialog<ChangeSet> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(model.heading());
        dialog.setHeaderText(model.header());
        dialog.setResizable(true);
        ButtonType apply = new ButtonType(text.get(applyKey), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(text.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(apply, cancel);
        dialog.getDialogPane().setId("change-preview");
        dialog.getDialogPane().getStylesheets().add(ChangePreviewDialog.class
                .getResource("/dev/certsd/ui/studio.css").toExternalForm());
        dialog.getDialogPane().setContent(content(model, text));
        dialog.getDialogPane().setPrefWidth(780);
        Button applyButton = (Button) dialog.getDialogPane().lookupButton(apply);
        applyButton.setId("preview-apply");
        applyButton.getStyleClass().add(destructive ? Styles.DANGER : Styles.ACCENT);
        applyButton.disableProperty().bind(model.stateProperty().isNotEqualTo(ChangePreviewViewModel.State.READY));
        Button cancelButton = (Button) dialog.getDialogPane().lookupButton(cancel);
        cancelButton.setId("preview-cancel");
        cancelButton.setDefaultButton(false);
        // Apply is disabled while the steps are checked, so the focus starts on Cancel: Enter there must not throw
        // the preview away. It applies once Apply can be pressed (and does nothing before); Escape cancels.
        dialog.getDialogPane().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && cancelButton.isFocused()) {
                if (!applyButton.isDisabled()) {
                    applyButton.fire();
                }
                e.consume();
            }
        });
        applyButton.disableProperty().addListener((o, was, disabled) -> {
            if (!disabled) {
                Platform.runLater(applyButton::requestFocus);
            }
        });
        dialog.setResultConverter(b -> b == apply ? model.planned() : null);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() != null) {
                onApply.accept(dialog.getResult());
            }
        });
        // the steps arrive after the dialog is shown (checked off the UI thread): let the window grow with them
        model.stateProperty().addListener((o, a, b) -> Platform.runLater(() -> fit(dialog)));
        dialog.show();
        return dialog;
    }

    static void fit(Dialog<?> dialog) {
        if (dialog.getDialogPane().getScene() != null && dialog.getDialogPane().getScene().getWindow() != null) {
            dialog.getDialogPane().getScene().getWindow().sizeToScene();
        }
    }

    private static VBox content(ChangePreviewViewModel model, UiText text) {
        VBox box = new VBox(12);
        box.setPrefWidth(740);
        box.getChildren().add(choices(model));
        box.getChildren().add(passphrase(model, text));

        VBox steps = lines(model.steps(), "preview-step", text);
        steps.setId("preview-steps");
        VBox what = titled(text.get("preview.steps"), steps);
        what.visibleProperty().bind(Bindings.isNotEmpty(model.steps()));
        what.managedProperty().bind(what.visibleProperty());
        box.getChildren().add(what);

        VBox problems = lines(model.problems(), "preview-problem", text);
        problems.setId("preview-problems");
        HBox refused = banner("mdi2c-close-circle", "banner-danger", new VBox(6,
                strong(text.get("preview.refused")), problems));
        refused.visibleProperty().bind(Bindings.isNotEmpty(model.problems()));
        refused.managedProperty().bind(refused.visibleProperty());
        box.getChildren().add(refused);

        Label error = wrapped("");
        error.setId("preview-error");
        error.textProperty().bind(model.errorProperty());
        HBox unplannable = banner("mdi2a-alert-circle", "banner-danger", error);
        unplannable.visibleProperty().bind(model.errorProperty().isNotEmpty());
        unplannable.managedProperty().bind(unplannable.visibleProperty());
        box.getChildren().add(unplannable);

        HBox privileged = banner("mdi2s-shield-account", "banner-warning", wrapped(text.get("preview.privileged")));
        privileged.setId("preview-privileged");
        privileged.visibleProperty().bind(model.needsPrivilegeProperty());
        privileged.managedProperty().bind(privileged.visibleProperty());
        box.getChildren().add(privileged);

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        HBox checking = new HBox(8, busy, wrapped(text.get("preview.checking")));
        checking.setAlignment(Pos.CENTER_LEFT);
        checking.visibleProperty().bind(model.stateProperty().isEqualTo(ChangePreviewViewModel.State.CHECKING));
        checking.managedProperty().bind(checking.visibleProperty());
        box.getChildren().add(checking);
        return box;
    }

    /** One choice as a headline; several as radio buttons, the first selected. */
    private static VBox choices(ChangePreviewViewModel model) {
        VBox box = new VBox(6);
        box.setId("preview-choices");
        if (model.choices().size() == 1) {
            Label only = wrapped(model.choices().get(0).title());
            only.getStyleClass().add(Styles.TEXT_BOLD);
            box.getChildren().add(only);
            return box;
        }
        ToggleGroup group = new ToggleGroup();
        for (ChangePreviewViewModel.Choice c : model.choices()) {
            RadioButton r = new RadioButton(c.title());
            r.setWrapText(true);
            r.setToggleGroup(group);
            r.getStyleClass().add("preview-choice");
            r.setSelected(c == model.selectedProperty().get());
            r.selectedProperty().addListener((o, a, on) -> {
                if (on) {
                    model.selectedProperty().set(c);
                }
            });
            box.getChildren().add(r);
        }
        return box;
    }

    private static HBox passphrase(ChangePreviewViewModel model, UiText text) {
        PasswordField field = new PasswordField();
        field.setId("preview-passphrase");
        field.setPromptText(text.get("preview.passphrase.prompt"));
        HBox.setHgrow(field, Priority.ALWAYS);
        Button check = new Button(text.get("preview.passphrase.check"), Icons.of("mdi2k-key-variant"));
        check.setId("preview-check");
        check.setDefaultButton(false);
        Runnable go = () -> {
            model.check(field.getText().toCharArray());
            field.clear();
        };
        check.setOnAction(e -> go.run());
        field.setOnAction(e -> go.run());
        check.disableProperty().bind(field.textProperty().isEmpty());
        HBox row = new HBox(8, new Label(text.get("preview.passphrase")), field, check);
        row.setAlignment(Pos.CENTER_LEFT);
        row.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.selectedProperty().get()
                .needsPassphrase(), model.selectedProperty()));
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    static VBox lines(ObservableList<String> source, String styleClass, UiText text) {
        VBox box = new VBox(4);
        Runnable fill = () -> box.getChildren().setAll(source.stream().map(s -> {
            Label l = wrapped(text.fmt("list.item", s));
            l.getStyleClass().add(styleClass);
            return l;
        }).toList());
        source.addListener((ListChangeListener<String>) c -> fill.run());
        fill.run();
        return box;
    }

    static VBox titled(String title, javafx.scene.Node body) {
        Label t = new Label(title);
        t.getStyleClass().addAll(Styles.TEXT_CAPTION, "section-title");
        return new VBox(6, t, body);
    }

    static HBox banner(String icon, String tone, javafx.scene.Node body) {
        HBox.setHgrow(body, Priority.ALWAYS);
        HBox b = new HBox(10, Icons.of(icon), body);
        b.getStyleClass().addAll("banner", tone);
        return b;
    }

    static Label wrapped(String s) {
        Label l = new Label(s);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label strong(String s) {
        Label l = wrapped(s);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return l;
    }
}
