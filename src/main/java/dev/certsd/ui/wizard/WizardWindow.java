package dev.certsd.ui.wizard;

import atlantafx.base.theme.Styles;
import dev.certsd.ui.Icons;
import dev.certsd.ui.UiText;
import dev.certsd.ui.wizard.ApplyViewModel.State;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A wizard's window: the steps on the left, the current page in the middle, Back / Next (Apply on the last page) /
 * Cancel below. Enter goes on, Escape cancels. The last page belongs to an {@link ApplyViewModel}: once the files
 * changed, going back is off and Cancel becomes Close.
 */
public final class WizardWindow {
    private static final Set<State> SETTLED = EnumSet.of(State.APPLYING, State.DONE, State.NEEDS_PRIVILEGE,
            State.ELEVATING, State.UNDONE);

    private final Stage stage = new Stage();
    private final List<WizardPage> pages;
    private final ApplyViewModel apply;
    private final UiText text;
    private final ReadOnlyIntegerWrapper current = new ReadOnlyIntegerWrapper(-1);
    private final Label pageTitle = new Label();
    private final VBox steps = new VBox(6);
    private final ScrollPane center = new ScrollPane();
    private final Button back;
    private final Button next;
    private final Button applyButton;
    private final Button cancel;
    private ChangeListener<Boolean> completeListener;

    public WizardWindow(String id, String title, List<WizardPage> pages, ApplyViewModel apply, UiText text,
                        Window owner, ObservableBooleanValue dark) {
        this.pages = List.copyOf(pages);
        this.apply = apply;
        this.text = text;
        back = button("wizard-back", "wizard.back", "mdi2c-chevron-left");
        next = button("wizard-next", "wizard.next", "mdi2c-chevron-right");
        applyButton = button("wizard-apply", "wizard.apply", "mdi2c-check");
        cancel = new Button();
        cancel.setId("wizard-cancel");
        cancel.setCancelButton(true);
        next.getStyleClass().add(Styles.ACCENT);
        applyButton.getStyleClass().add(Styles.SUCCESS);
        BooleanBinding settled = Bindings.createBooleanBinding(() -> SETTLED.contains(apply.stateProperty().get()),
                apply.stateProperty());
        bindButtons(settled);
        moveFocusForward();
        stage.setOnHidden(e -> apply.cancel());
        Scene scene = new Scene(layout(id, title), 940, 700);
        scene.getStylesheets().addAll(WizardWindow.class.getResource("/dev/certsd/ui/studio.css").toExternalForm(),
                WizardWindow.class.getResource("/dev/certsd/ui/wizard.css").toExternalForm());
        enterGoesOn(scene, settled);
        theme(scene, dark.get());
        ChangeListener<Boolean> follow = (o, a, d) -> theme(scene, d);
        dark.addListener(follow);
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> dark.removeListener(follow));
        stage.setTitle(title);
        stage.setScene(scene);
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
            if (owner instanceof Stage s) {
                stage.getIcons().setAll(s.getIcons());
            }
        }
        stage.setMinWidth(720);
        stage.setMinHeight(520);
    }

    /** Which buttons show, which is the default, which are off, what they do; Cancel turns Close once settled. */
    private void bindButtons(BooleanBinding settled) {
        BooleanBinding onLast = Bindings.createBooleanBinding(() -> current.get() == pages.size() - 1, current);
        next.visibleProperty().bind(onLast.not());
        next.managedProperty().bind(next.visibleProperty());
        applyButton.visibleProperty().bind(onLast.and(settled.not()));
        applyButton.managedProperty().bind(applyButton.visibleProperty());
        // Enter goes on: one default button at a time (two in a scene and the last one wins, even hidden)
        next.defaultButtonProperty().bind(next.visibleProperty());
        applyButton.defaultButtonProperty().bind(applyButton.visibleProperty());
        applyButton.disableProperty().bind(apply.stateProperty().isNotEqualTo(State.READY));
        back.disableProperty().bind(Bindings.createBooleanBinding(() -> current.get() <= firstIncluded()
                || SETTLED.contains(apply.stateProperty().get()), current, apply.stateProperty()));
        cancel.textProperty().bind(Bindings.createStringBinding(() -> text.get(settled.get() ? "wizard.close"
                : "wizard.cancel"), settled));
        back.setOnAction(e -> back());
        next.setOnAction(e -> next());
        applyButton.setOnAction(e -> apply.apply());
        cancel.setOnAction(e -> stage.hide());
        // once the files are written, Close is the way forward, so Enter takes it
        cancel.defaultButtonProperty().bind(apply.stateProperty().isEqualTo(State.DONE)
                .or(apply.stateProperty().isEqualTo(State.UNDONE)));
    }

    /**
     * The forward button takes the focus as soon as it can be pressed: when Next hides on the last page, the focus
     * would otherwise fall on the next button in line, Cancel.
     */
    private void moveFocusForward() {
        applyButton.disableProperty().addListener((o, was, disabled) -> {
            if (!disabled && applyButton.isVisible()) {
                javafx.application.Platform.runLater(applyButton::requestFocus);
            }
        });
        next.visibleProperty().addListener((o, was, visible) -> {
            if (!visible && (stage.getScene() == null || stage.getScene().getFocusOwner() == next
                    || stage.getScene().getFocusOwner() == cancel)) {
                javafx.application.Platform.runLater(() -> (applyButton.isDisabled() ? center : applyButton)
                        .requestFocus());
            }
        });
    }

    /** The title and page title on top, the steps on the left, the page in the middle, the buttons below. */
    private BorderPane layout(String id, String title) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_3);
        pageTitle.setId("wizard-page-title");
        pageTitle.getStyleClass().add(Styles.TEXT_MUTED);
        VBox header = new VBox(2, heading, pageTitle);
        header.setPadding(new Insets(14, 18, 10, 18));
        header.getStyleClass().add("wizard-header");
        steps.setPadding(new Insets(16, 14, 16, 18));
        steps.getStyleClass().add("wizard-steps");
        steps.setMinWidth(170);
        center.setFitToWidth(true);
        center.getStyleClass().add("wizard-center");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, back, next, applyButton, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(10, 18, 12, 18));
        buttons.getStyleClass().add("wizard-buttons");
        BorderPane root = new BorderPane(center);
        root.setId(id);
        root.setTop(header);
        root.setLeft(steps);
        root.setBottom(buttons);
        return root;
    }

    /**
     * Enter on a radio button or check box would only select it again: there it goes on, as in a form. Enter on
     * Cancel goes on too: Cancel is never the default, and Enter must never drop what the user filled in (Escape or
     * a click cancels).
     */
    private void enterGoesOn(Scene scene, BooleanBinding settled) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && (scene.getFocusOwner() instanceof RadioButton
                    || scene.getFocusOwner() instanceof CheckBox
                    || scene.getFocusOwner() == cancel && !settled.get())) {
                Button target = next.isVisible() ? next : applyButton;
                if (target.isVisible() && !target.isDisabled()) {
                    target.fire();
                }
                e.consume();
            }
        });
    }

    public Stage stage() {
        return stage;
    }

    /** Shows the window on its first page. */
    public void show() {
        showPage(firstIncluded());
        stage.show();
    }

    /** The last page's model: where the plan and the files stand. */
    public ApplyViewModel apply() {
        return apply;
    }

    /** How many pages the wizard has (some may be left out on the way). */
    public int pageCount() {
        return pages.size();
    }

    /** The index of the page shown. */
    public ReadOnlyIntegerProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    void next() {
        WizardPage page = pages.get(current.get());
        if (!page.complete().get()) {
            return;
        }
        for (int i = current.get() + 1; i < pages.size(); i++) {
            if (pages.get(i).included().getAsBoolean()) {
                showPage(i);
                return;
            }
        }
    }

    void back() {
        if (current.get() == pages.size() - 1) {
            apply.reset();
        }
        for (int i = current.get() - 1; i >= 0; i--) {
            if (pages.get(i).included().getAsBoolean()) {
                showPage(i);
                return;
            }
        }
    }

    private void showPage(int index) {
        WizardPage page = pages.get(index);
        if (completeListener != null) {
            pages.get(current.get()).complete().removeListener(completeListener);
        }
        current.set(index);
        next.setDisable(!page.complete().get());
        completeListener = (o, a, ok) -> next.setDisable(!ok);
        page.complete().addListener(completeListener);
        center.setContent(page.content());
        center.setVvalue(0);
        pageTitle.setText(page.title());
        showSteps();
        page.entered().run();
        if (page.focus() != null) {
            javafx.application.Platform.runLater(page.focus()::requestFocus);
        }
    }

    private void showSteps() {
        steps.getChildren().clear();
        int n = 0;
        for (int i = 0; i < pages.size(); i++) {
            WizardPage p = pages.get(i);
            if (!p.included().getAsBoolean()) {
                continue;
            }
            n++;
            Label l = new Label(text.fmt("wizard.step", n, p.title()));
            l.setWrapText(true);
            l.getStyleClass().add(i == current.get() ? "wizard-step-current" : i < current.get()
                    ? "wizard-step-done" : "wizard-step");
            if (i < current.get()) {
                l.setGraphic(Icons.of("mdi2c-check"));
            }
            steps.getChildren().add(l);
        }
    }

    private int firstIncluded() {
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).included().getAsBoolean()) {
                return i;
            }
        }
        return 0;
    }

    private Button button(String id, String key, String icon) {
        Button b = new Button(text.get(key), Icons.of(icon));
        b.setId(id);
        return b;
    }

    private static void theme(Scene scene, boolean isDark) {
        scene.getRoot().getStyleClass().removeAll("theme-dark", "theme-light");
        scene.getRoot().getStyleClass().add(isDark ? "theme-dark" : "theme-light");
    }
}
