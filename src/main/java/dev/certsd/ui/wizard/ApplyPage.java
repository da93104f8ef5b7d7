package dev.certsd.ui.wizard;

import atlantafx.base.theme.Styles;
import dev.certsd.ui.Icon;
import dev.certsd.ui.Icons;
import dev.certsd.ui.UiText;
import dev.certsd.ui.wizard.ApplyViewModel.State;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The last page of every wizard, over an {@link ApplyViewModel}: progress and Cancel while keys are made, then
 * what will change, what to know, the openssl equivalent; after Apply the outcome, Undo, and for directories that
 * need administrator rights the script (copy) and the privilege prompt.
 */
final class ApplyPage {
    private static final Set<State> BAD = EnumSet.of(State.PLAN_FAILED, State.REFUSED, State.FAILED);
    private static final Set<State> WAITING = EnumSet.of(State.NEEDS_PRIVILEGE, State.ELEVATING, State.CANCELLED);

    private ApplyPage() {
    }

    /**
     * @param planner what to plan, asked each time the page is shown (the choices may have changed)
     * @param extra   sections the wizard adds (snippets), or null
     * @param after   what to offer once the files are written (continue into another wizard), or null
     */
    static WizardPage page(ApplyViewModel model, UiText text, Consumer<String> copy,
                           Supplier<ApplyViewModel.Planner> planner, Node extra, Node after) {
        VBox box = new VBox(16);
        box.setPadding(new Insets(16, 20, 20, 20));
        box.getStyleClass().add("apply-page");

        ProgressBar bar = new ProgressBar();
        bar.setId("apply-progress");
        bar.setPrefWidth(220);
        bar.progressProperty().bind(model.progressProperty());
        Label now = new Label();
        now.setId("apply-progress-text");
        now.setWrapText(true);
        now.textProperty().bind(model.progressTextProperty());
        Button stop = new Button(text.get("wizard.apply.stop"), Icons.of("mdi2s-stop"));
        stop.setId("apply-stop");
        stop.setOnAction(e -> model.cancel());
        HBox progress = new HBox(12, bar, stop, now);
        progress.setAlignment(Pos.CENTER_LEFT);
        showWhen(progress, model.stateProperty().isEqualTo(State.PLANNING));

        HBox message = messageBanner(model);

        VBox problems = Fields.notes(model.problems(), "field-problem", "apply-problems");
        VBox notes = section(text.get("wizard.apply.notes"), Fields.notes(model.notes(), "apply-note", "apply-notes"));
        showWhen(notes, Bindings.isNotEmpty(model.notes()));
        VBox certs = section(text.get("wizard.apply.certificates"),
                Fields.notes(model.certificates(), "fingerprint-line", "apply-certificates"));
        showWhen(certs, Bindings.isNotEmpty(model.certificates()));
        VBox steps = section(text.get("wizard.apply.steps"), Fields.notes(model.steps(), "apply-step", "apply-steps"));
        showWhen(steps, Bindings.isNotEmpty(model.steps()).and(Bindings.createBooleanBinding(
                () -> model.stateProperty().get() != State.UNDONE, model.stateProperty())));
        HBox privileged = Fields.banner("muted", "mdi2s-shield-account-outline", model.privilegeNoteProperty(),
                "apply-privilege-note");
        CheckBox admin = new CheckBox(text.get("wizard.apply.asAdministrator"));
        admin.setId("apply-as-administrator");
        admin.setWrapText(true);
        admin.selectedProperty().bindBidirectional(model.asAdministratorProperty());
        showWhen(admin, model.stateProperty().isEqualTo(State.READY).and(model.offerAdministratorProperty()));

        VBox openssl = Fields.code(text.get("wizard.apply.openssl"), model.opensslProperty(), text, copy,
                "apply-openssl");
        // a script of mkdir alone is no openssl lesson: its heading says what it is
        Label opensslTitle = (Label) ((HBox) openssl.getChildren().get(0)).getChildren().get(0);
        opensslTitle.setId("apply-openssl-title");
        opensslTitle.textProperty().bind(Bindings.createStringBinding(() -> text.get(model.opensslProperty().get()
                .lines().anyMatch(l -> l.startsWith("openssl ") || l.contains("| openssl ")) ? "wizard.apply.openssl"
                : "wizard.apply.shell"), model.opensslProperty()));
        box.getChildren().addAll(progress, message, problems, privilegeSection(model, text, copy),
                doneSection(model, text, after));
        if (extra != null) {
            box.getChildren().add(extra); // what this wizard is for (the snippets), before the details
        }
        box.getChildren().addAll(steps, notes, certs, privileged, admin, openssl);
        return WizardPage.of(text.get("wizard.page.apply"), box, new SimpleBooleanProperty(false), null)
                .onEnter(() -> model.prepare(planner.get()));
    }

    private static HBox messageBanner(ApplyViewModel model) {
        HBox banner = Fields.banner("muted", "mdi2i-information-outline", model.messageProperty(), "apply-message");
        model.stateProperty().addListener((o, a, s) -> {
            banner.getStyleClass().removeAll("banner-muted", "banner-success", "banner-danger", "banner-warning");
            String kind = s == State.DONE ? "success" : BAD.contains(s) ? "danger" : WAITING.contains(s)
                    ? "warning" : "muted";
            banner.getStyleClass().add("banner-" + kind);
            ((Icon) banner.getChildren().get(0)).setCode(s == State.DONE ? "mdi2c-check-circle-outline"
                    : BAD.contains(s) ? "mdi2a-alert-circle-outline" : WAITING.contains(s) ? "mdi2a-alert-outline"
                    : "mdi2i-information-outline");
        });
        return banner;
    }

    private static VBox privilegeSection(ApplyViewModel model, UiText text, Consumer<String> copy) {
        Button run = new Button(text.get("wizard.apply.runElevated"), Icons.of("mdi2s-shield-key-outline"));
        run.setId("apply-run-elevated");
        run.getStyleClass().add(Styles.ACCENT);
        run.setOnAction(e -> model.runElevated());
        run.setVisible(model.elevationAvailable());
        run.setManaged(model.elevationAvailable());
        run.disableProperty().bind(model.stateProperty().isEqualTo(State.ELEVATING));
        Button check = new Button(text.get("wizard.apply.checkAgain"), Icons.of("mdi2r-refresh"));
        check.setId("apply-check-again");
        check.setOnAction(e -> model.checkAgain());
        Button copyCommand = new Button(text.get("wizard.apply.copyCommand"), Icons.of("mdi2c-content-copy"));
        copyCommand.setId("apply-copy-command");
        copyCommand.setOnAction(e -> copy.accept(model.scriptCommandProperty().get()));
        Label command = new Label();
        command.setId("apply-script-command");
        command.getStyleClass().add("command-line");
        command.textProperty().bind(model.scriptCommandProperty());
        HBox buttons = new HBox(8, run, copyCommand, check);
        VBox script = Fields.code(text.get("wizard.apply.script"), model.scriptTextProperty(), text, copy,
                "apply-script");
        VBox box = new VBox(10, buttons, command, script);
        showWhen(box, Bindings.createBooleanBinding(() -> model.stateProperty().get() == State.NEEDS_PRIVILEGE
                || model.stateProperty().get() == State.ELEVATING, model.stateProperty()));
        return box;
    }

    private static VBox doneSection(ApplyViewModel model, UiText text, Node after) {
        Button undo = new Button(text.get("wizard.apply.undo"), Icons.of("mdi2u-undo"));
        undo.setId("apply-undo");
        undo.setOnAction(e -> model.undo());
        HBox row = new HBox(8, undo);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(10, row);
        showWhen(box, model.stateProperty().isEqualTo(State.DONE));
        if (after != null) {
            // "nothing to do" (the directory exists already) goes on just as well
            showWhen(after, Bindings.createBooleanBinding(() -> model.stateProperty().get() == State.DONE
                    || model.stateProperty().get() == State.NOTHING_TO_DO, model.stateProperty()));
            box = new VBox(10, box, after);
            box.managedProperty().unbind();
            box.visibleProperty().unbind();
        }
        return box;
    }

    private static VBox section(String title, Node body) {
        return new VBox(6, Fields.heading(title), body);
    }

    private static void showWhen(Node n, javafx.beans.value.ObservableBooleanValue condition) {
        if (condition instanceof BooleanBinding b) {
            n.visibleProperty().bind(b);
        } else {
            n.visibleProperty().bind(Bindings.createBooleanBinding(condition::get, condition));
        }
        n.managedProperty().bind(n.visibleProperty());
    }
}
