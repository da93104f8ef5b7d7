package dev.certsd.ui.wizard.setup;

import atlantafx.base.theme.Styles;
import dev.certsd.probe.ProbeMessages;
import dev.certsd.roots.CertsRoot;
import dev.certsd.ui.Icons;
import dev.certsd.ui.UiText;
import dev.certsd.ui.probe.Answer;
import dev.certsd.ui.probe.ProbeViewModel;
import dev.certsd.ui.wizard.ApplyViewModel.State;
import dev.certsd.ui.wizard.ApplyViewModel;
import dev.certsd.ui.wizard.TargetViewModel;
import dev.certsd.ui.wizard.WizardContext;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The guided setup's last word: once the files are written, the connection test runs by itself and its answer
 * (what the chosen client really does) is shown; when it fails, the full test window and the directory's findings
 * (with their fixes) are one click away.
 */
final class SetupCheck {
    private final WizardContext wizards;
    private final TargetViewModel target;
    private final UiText text;
    private final ReadOnlyObjectWrapper<ProbeViewModel> probe = new ReadOnlyObjectWrapper<>();
    private final VBox box = new VBox(10);
    private final Label status = new Label();
    private final Label headline = new Label();
    private final Label detail = new Label();
    private final HBox onFailure;

    SetupCheck(WizardContext wizards, TargetViewModel target, ApplyViewModel apply, UiText text) {
        this.wizards = wizards;
        this.target = target;
        this.text = text;
        box.setId("setup-check");
        Label title = new Label(text.get("wizard.setup.check"), Icons.of("mdi2l-lan-connect"));
        title.getStyleClass().addAll(Styles.TEXT_CAPTION, "section-title");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(Bindings.createBooleanBinding(() -> probe.get() != null
                && probe.get().runningProperty().get(), probe));
        busy.managedProperty().bind(busy.visibleProperty());
        status.setId("setup-check-status");
        wrap(status);
        HBox statusRow = new HBox(8, busy, status);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        headline.setId("setup-check-headline");
        headline.getStyleClass().add(Styles.TEXT_BOLD);
        wrap(headline);
        detail.setId("setup-check-detail");
        wrap(detail);
        Button again = new Button(text.get("wizard.setup.check.again"), Icons.of("mdi2r-refresh"));
        again.setId("setup-check-again");
        again.setOnAction(e -> run());
        Button window = new Button(text.get("wizard.setup.check.window"), Icons.of("mdi2l-lan-connect"));
        window.setId("setup-check-window");
        window.setOnAction(e -> wizards.openProbeWindow(root(), target.targetProperty().get().dirName()));
        Button findings = new Button(text.get("wizard.setup.check.findings"), Icons.of("mdi2w-wrench"));
        findings.setId("setup-check-findings");
        findings.setOnAction(e -> wizards.reveal(target.hostDir()));
        onFailure = new HBox(8, again, window, findings);
        onFailure.setVisible(false);
        onFailure.managedProperty().bind(onFailure.visibleProperty());
        box.getChildren().addAll(title, statusRow, headline, detail, onFailure);
        apply.stateProperty().addListener((o, a, s) -> {
            if (s == State.DONE || s == State.NOTHING_TO_DO) {
                javafx.application.Platform.runLater(this::run);
            } else if (s == State.IDLE || s == State.PLANNING) {
                cancel();
                clear();
            }
        });
    }

    VBox view() {
        return box;
    }

    /** The test of the directory just written, as its root's client reads it. */
    ProbeViewModel probe() {
        return probe.get();
    }

    void cancel() {
        if (probe.get() != null) {
            probe.get().cancel();
        }
    }

    private CertsRoot root() {
        return target.targetProperty().get().root();
    }

    private void run() {
        cancel();
        clear();
        ProbeViewModel m = new ProbeViewModel(root(), target.targetProperty().get().dirName(), wizards.probes(),
                wizards.background(), text, new ProbeMessages(text.locale()));
        status.textProperty().bind(m.statusProperty());
        // the state and the answer arrive one after the other: the way on is decided once both are in
        Runnable update = () -> {
            ProbeViewModel.State s = m.stateProperty().get();
            Answer answer = m.clientAnswerProperty().get();
            show(answer);
            onFailure.setVisible(s == ProbeViewModel.State.FAILED
                    || s == ProbeViewModel.State.DONE && answer != null && !answer.success());
        };
        m.clientAnswerProperty().addListener((o, a, answer) -> update.run());
        m.stateProperty().addListener((o, a, s) -> update.run());
        probe.set(m);
        m.run();
    }

    private void show(Answer answer) {
        box.getStyleClass().removeAll("banner", "banner-success", "banner-danger");
        if (answer == null) {
            headline.setText("");
            detail.setText("");
            return;
        }
        headline.setText(answer.headline());
        detail.setText(answer.detail());
        box.getStyleClass().addAll("banner", answer.success() ? "banner-success" : "banner-danger");
    }

    private void clear() {
        status.textProperty().unbind();
        status.setText("");
        onFailure.setVisible(false);
        show(null);
    }

    private static void wrap(Label l) {
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
    }
}
