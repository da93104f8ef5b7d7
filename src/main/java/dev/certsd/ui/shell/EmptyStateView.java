package dev.certsd.ui.shell;

import atlantafx.base.theme.Styles;
import dev.certsd.ui.Icon;
import dev.certsd.ui.Icons;
import dev.certsd.ui.UiText;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The first run, or a machine whose certs.d folders hold no registry yet: what certs.d is in three lines, and the
 * three ways on: set up a registry (the guided flow, the default), open the sample, add a folder.
 */
final class EmptyStateView {
    private final VBox box = new VBox(14);
    private final FlowPane buttons = new FlowPane(10, 10);
    private final UiText text;

    EmptyStateView(UiText text, Runnable openSample, Runnable addFolder) {
        this.text = text;
        box.setId("empty-state");
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(40));
        box.setMaxWidth(680);
        Icon icon = Icons.of("mdi2c-certificate-outline");
        icon.setSize(56);
        icon.getStyleClass().add("empty-icon");
        Label title = new Label(text.get("welcome.title"));
        title.setId("welcome-title");
        title.getStyleClass().add(Styles.TITLE_2);
        title.setWrapText(true);
        VBox lines = new VBox(8, paragraph("welcome.line1"), paragraph("welcome.line2"), paragraph("welcome.line3"));
        lines.setId("welcome-lines");
        Label layout = new Label(text.get("empty.layout"));
        layout.getStyleClass().add("code-block");
        layout.setMinHeight(Region.USE_PREF_SIZE);
        Button open = new Button(text.get("action.openSample"), Icons.of("mdi2s-school"));
        open.setId("open-sample");
        open.setTooltip(new Tooltip(text.get("empty.sample")));
        open.setOnAction(e -> openSample.run());
        Button add = new Button(text.get("action.addFolder.menu"), Icons.of("mdi2f-folder-plus"));
        add.setId("empty-add-folder");
        add.setTooltip(new Tooltip(text.get("welcome.addFolder.tip")));
        add.setOnAction(e -> addFolder.run());
        buttons.setAlignment(Pos.CENTER);
        buttons.getChildren().addAll(open, add);
        box.getChildren().addAll(icon, title, lines, layout, buttons);
    }

    /** The way to set up a registry: first in the row, the default button. */
    void offerNewRegistry(Runnable setUp) {
        Button start = new Button(text.get("welcome.setup"), Icons.of("mdi2f-folder-plus-outline"));
        start.setId("empty-new-registry");
        start.getStyleClass().add(Styles.ACCENT);
        start.setDefaultButton(true);
        start.setTooltip(new Tooltip(text.get("empty.create")));
        start.setOnAction(e -> setUp.run());
        buttons.getChildren().add(0, start);
    }

    VBox view() {
        return box;
    }

    private Label paragraph(String key) {
        Label l = new Label(text.get(key));
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
