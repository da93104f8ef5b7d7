package dev.certsd.ui.findings;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import dev.certsd.diagnose.Severity;
import dev.certsd.ui.Icons;
import dev.certsd.ui.UiText;
import dev.certsd.ui.details.DetailsView;
import dev.certsd.fix.Fix;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The findings table with its severity toggles and search field. */
public final class FindingsView {
    /** Ctrl+. fixes the selected finding (or the selected file's), as "quick fix" does in editors. */
    public static final KeyCombination FIX = new KeyCodeCombination(KeyCode.PERIOD, KeyCombination.SHORTCUT_DOWN);
    private final VBox box = new VBox(6);
    private final TableView<FindingItem> table = new TableView<>();

    public FindingsView(FindingsViewModel model, UiText text) {
        this(model, text, fixes -> { });
    }

    /** @param onFix previews and applies one of the selected finding's fixes (button, context menu, Ctrl+.) */
    public FindingsView(FindingsViewModel model, UiText text, Consumer<List<Fix>> onFix) {
        BooleanBinding noFix = Bindings.createBooleanBinding(() -> model.fixes(table.getSelectionModel()
                .getSelectedItem()).isEmpty(), table.getSelectionModel().selectedItemProperty(), model.visible());
        Runnable fixSelected = () -> onFix.accept(model.fixes(table.getSelectionModel().getSelectedItem()));
        HBox bar = toolbar(model, text, fixButton(text, noFix, fixSelected));

        table.setId("findings-table");
        table.setItems(model.visible());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_NEXT_COLUMN);
        table.setPlaceholder(new Label(text.get("findings.none")));
        table.getColumns().addAll(FindingColumns.of(text));
        // Ctrl+.: the selected row's finding, else the most severe fixable finding of what the tree selects
        Runnable quickFix = () -> {
            List<Fix> row = model.fixes(table.getSelectionModel().getSelectedItem());
            onFix.accept(row.isEmpty() ? model.fixesOfSelectedNode() : row);
        };
        MenuItem fixItem = new MenuItem(text.get("action.fix.menu"), Icons.of("mdi2w-wrench"));
        fixItem.setId("findings-context-fix");
        fixItem.disableProperty().bind(noFix);
        fixItem.setOnAction(e -> fixSelected.run());
        table.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(FIX, quickFix);
            }
        });
        table.setContextMenu(new ContextMenu(fixItem));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> model.select(item));
        VBox.setVgrow(table, Priority.ALWAYS);
        box.getChildren().addAll(bar, table);
        box.setPadding(new Insets(8));
    }

    private static Button fixButton(UiText text, BooleanBinding noFix, Runnable fixSelected) {
        Button fix = new Button(text.get("action.fix"), Icons.of("mdi2w-wrench"));
        fix.setId("findings-fix");
        fix.setMinWidth(Region.USE_PREF_SIZE); // the search field gives way, not the button
        fix.setTooltip(new Tooltip(text.get("action.fix.tip")));
        fix.disableProperty().bind(noFix);
        fix.setOnAction(e -> fixSelected.run());
        return fix;
    }

    /** The title, the severity toggles, the search field and the fix button. */
    private static HBox toolbar(FindingsViewModel model, UiText text, Button fix) {
        ToggleButton errors = toggle(model.showErrorsProperty(), model, Severity.ERROR, text);
        ToggleButton warnings = toggle(model.showWarningsProperty(), model, Severity.WARNING, text);
        ToggleButton infos = toggle(model.showInfosProperty(), model, Severity.INFO, text);
        errors.getStyleClass().add(Styles.LEFT_PILL);
        warnings.getStyleClass().add(Styles.CENTER_PILL);
        infos.getStyleClass().add(Styles.RIGHT_PILL);
        CustomTextField search = new CustomTextField();
        search.setId("findings-search");
        search.setPromptText(text.get("findings.search"));
        search.setTooltip(new Tooltip(text.get("findings.search"))); // the prompt is cut when the field gives way
        search.setLeft(Icons.of("mdi2m-magnify"));
        search.textProperty().bindBidirectional(model.queryProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        search.setPrefWidth(220);
        search.setMinWidth(110);
        Label title = new Label(text.get("findings.title"));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, title, new HBox(errors, warnings, infos), search, fix);
        bar.setAlignment(Pos.CENTER_LEFT);
        collapseWhenNarrow(bar, title, model, text, errors, warnings, infos);
        return bar;
    }

    public VBox view() {
        return box;
    }

    /**
     * The toolbar collapses by design, never by accident: when the pane is too narrow for everything, the title
     * goes first, then the toggles keep their icon and number (the words move to their tooltips); the search field
     * gives way down to its minimum; nothing is cut.
     */
    private static void collapseWhenNarrow(HBox bar, Label title, FindingsViewModel model, UiText text,
                                           ToggleButton... toggles) {
        javafx.beans.property.IntegerProperty mode = new javafx.beans.property.SimpleIntegerProperty(0);
        title.visibleProperty().bind(mode.isEqualTo(0));
        title.managedProperty().bind(title.visibleProperty());
        Severity[] order = {Severity.ERROR, Severity.WARNING, Severity.INFO};
        for (int i = 0; i < toggles.length; i++) {
            ToggleButton b = toggles[i];
            var count = model.count(order[i]);
            javafx.beans.binding.StringBinding full = count.asString(text.get("findings.filter." + order[i].id()));
            b.textProperty().unbind();
            b.textProperty().bind(Bindings.createStringBinding(() -> mode.get() == 2 ? String.valueOf(count.get())
                    : full.get(), mode, full));
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(full);
            b.setTooltip(tip);
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        boolean[] busy = new boolean[1];
        // measured against the room the pane gives, not the bar's own width: a VBox never makes a child narrower
        // than its minimum, it lets it overflow (and the pane cuts it off)
        java.util.function.DoubleSupplier room = () -> bar.getParent() instanceof Region r
                ? r.getWidth() - r.snappedLeftInset() - r.snappedRightInset() : bar.getWidth();
        Runnable fit = () -> {
            if (busy[0] || room.getAsDouble() <= 0) {
                return;
            }
            busy[0] = true;
            try {
                mode.set(0);
                while (mode.get() < 2 && room.getAsDouble() < bar.minWidth(-1)) {
                    mode.set(mode.get() + 1);
                }
            } finally {
                busy[0] = false;
            }
        };
        bar.widthProperty().addListener(o -> fit.run());
        bar.parentProperty().addListener((o, a, p) -> {
            if (p instanceof Region r) {
                r.widthProperty().addListener(x -> fit.run());
            }
        });
        for (Severity s : order) {
            model.count(s).addListener(o -> javafx.application.Platform.runLater(fit));
        }
    }

    private static ToggleButton toggle(BooleanProperty shown, FindingsViewModel model, Severity s, UiText text) {
        ToggleButton b = new ToggleButton();
        b.setId("filter-" + s.id());
        b.setGraphic(DetailsView.severityIcon(s));
        b.textProperty().bind(model.count(s).asString(text.get("findings.filter." + s.id())));
        b.selectedProperty().bindBidirectional(shown);
        b.setFocusTraversable(true);
        return b;
    }
}
