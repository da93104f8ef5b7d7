package dev.certsd.ui.changes;

import atlantafx.base.theme.Styles;
import dev.certsd.ui.DataNodes;
import dev.certsd.ui.Icons;
import dev.certsd.ui.UiText;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * What the user is told when a change did not simply go through: a message for a refusal or a failure, and for a
 * directory only root may write, exactly what would change with the script to run and, where {@code pkexec} is
 * installed, the button that applies it through the desktop's privilege prompt.
 */
final class OutcomeDialogs {
    /** What the administrator dialog's buttons lead to. */
    enum AdministratorChoice { PKEXEC, CHECK, CLOSE }

    private OutcomeDialogs() {
    }

    /** Refused or failed: what happened and what to do, one paragraph per problem. */
    static Alert problem(Window owner, ChangeResult r, UiText text) {
        Alert alert = new Alert(r.kind() == dev.certsd.change.ChangeReport.Kind.REFUSED ? Alert.AlertType.WARNING
                : Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle(text.get("app.title"));
        alert.setHeaderText(r.title());
        alert.setContentText(String.join("\n\n", r.problems()));
        alert.getDialogPane().setId("change-message");
        alert.getButtonTypes().setAll(new ButtonType(text.get("dialog.close"), ButtonBar.ButtonData.OK_DONE));
        alert.getDialogPane().setPrefWidth(560);
        alert.show();
        return alert;
    }

    /** Run with pkexec (where installed), check, close; returned as {run, check}. */
    private static ButtonType[] buttons(Dialog<AdministratorChoice> dialog, UiText text, boolean pkexec) {
        ButtonType check = new ButtonType(text.get("privileged.check"), ButtonBar.ButtonData.OTHER);
        ButtonType close = new ButtonType(text.get("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonType run = new ButtonType(text.get("privileged.pkexec"), ButtonBar.ButtonData.OK_DONE);
        if (pkexec) {
            dialog.getDialogPane().getButtonTypes().setAll(run, check, close);
            Button b = (Button) dialog.getDialogPane().lookupButton(run);
            b.setId("privileged-pkexec");
            b.getStyleClass().add(Styles.ACCENT);
        } else {
            dialog.getDialogPane().getButtonTypes().setAll(check, close);
        }
        return new ButtonType[] {run, check};
    }

    /** A change prepared for an administrator: its steps, the script, and the ways to run it. */
    static Dialog<AdministratorChoice> administrator(Window owner, ChangeResult r, UiText text, boolean pkexec,
                                                     Consumer<String> copy, Consumer<AdministratorChoice> chosen) {
        Dialog<AdministratorChoice> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(text.get("privileged.title"));
        dialog.setHeaderText(r.title());
        dialog.setResizable(true);
        dialog.getDialogPane().setId("privileged");
        dialog.getDialogPane().getStylesheets().add(OutcomeDialogs.class
                .getResource("/dev/certsd/ui/studio.css").toExternalForm());

        VBox steps = ChangePreviewDialog.lines(FXCollections.observableArrayList(r.steps()), "privileged-step", text);
        TextArea script = new TextArea(r.prepared().scriptText());
        script.setId("privileged-script");
        script.setEditable(false);
        script.setPrefRowCount(12);
        script.getStyleClass().add("command-line");
        DataNodes.mark(script);
        String sudo = "sudo sh " + r.prepared().script();
        TextField command = new TextField(sudo);
        command.setId("privileged-command");
        command.setEditable(false);
        command.getStyleClass().add("command-line");
        DataNodes.mark(command);
        HBox.setHgrow(command, Priority.ALWAYS);
        Button copyScript = new Button(text.get("privileged.copyScript"), Icons.of("mdi2c-content-copy"));
        copyScript.setId("privileged-copy");
        copyScript.setOnAction(e -> copy.accept(r.prepared().scriptText()));
        Button copyCommand = new Button(text.get("privileged.copyCommand"), Icons.of("mdi2c-content-copy"));
        copyCommand.setId("privileged-copy-command");
        copyCommand.setOnAction(e -> copy.accept(sudo));
        HBox commandRow = new HBox(8, command, copyCommand);
        commandRow.setAlignment(Pos.CENTER_LEFT);

        VBox box = new VBox(12,
                ChangePreviewDialog.wrapped(text.get(pkexec ? "privileged.intro.pkexec" : "privileged.intro")),
                ChangePreviewDialog.titled(text.get("privileged.steps"), steps),
                ChangePreviewDialog.titled(text.get("privileged.script"), new VBox(6, script, copyScript)),
                ChangePreviewDialog.titled(text.get("privileged.run"), commandRow),
                ChangePreviewDialog.wrapped(text.get("privileged.journal")));
        box.setPrefWidth(720);
        dialog.getDialogPane().setContent(box);

        ButtonType[] buttons = buttons(dialog, text, pkexec);
        ButtonType run = buttons[0];
        ButtonType check = buttons[1];
        dialog.getDialogPane().lookupButton(check).setId("privileged-check");
        dialog.setResultConverter(b -> b == run ? AdministratorChoice.PKEXEC : b == check ? AdministratorChoice.CHECK
                : AdministratorChoice.CLOSE);
        dialog.setOnHidden(e -> chosen.accept(dialog.getResult() == null ? AdministratorChoice.CLOSE
                : dialog.getResult()));
        dialog.show();
        return dialog;
    }
}
