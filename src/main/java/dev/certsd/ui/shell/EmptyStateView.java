package dev.certsd.ui.shell;

import atlantafx.base.theme.Styles;
import dev.certsd.ui.UiText;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** What a machine without any certs root sees: what certs.d is, and a sample to learn from. */
final class EmptyStateView {
    private final VBox box = new VBox(14);
    private final UiText text;

    EmptyStateView(UiText text, Runnable openSample, Runnable addFolder) {
        this.text = text;
        box.setId("empty-state");
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(40));
        box.setMaxWidth(640);
        FontIcon icon = new FontIcon("mdi2c-certificate-outline");
        icon.setIconSize(56);
        icon.getStyleClass().add("empty-icon");
        Label title = new Label(text.get("empty.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        title.setWrapText(true);
        Label what = paragraph(text.get("empty.what"));
        Label layout = new Label(text.get("empty.layout"));
        layout.getStyleClass().add("code-block");
        Label where = paragraph(text.get("empty.where"));
        Label sample = paragraph(text.get("empty.sample"));
        Button open = new Button(text.get("action.openSample"), new FontIcon("mdi2s-school"));
        open.setId("open-sample");
        open.getStyleClass().add(Styles.ACCENT);
        open.setDefaultButton(true);
        open.setOnAction(e -> openSample.run());
        Button add = new Button(text.get("action.addFolder"), new FontIcon("mdi2f-folder-plus"));
        add.setOnAction(e -> addFolder.run());
        HBox buttons = new HBox(10, open, add);
        buttons.setAlignment(Pos.CENTER);
        box.getChildren().addAll(icon, title, what, layout, where, sample, buttons);
    }

    /** Offers the new-registry wizard: a first registry directory without knowing where certs.d goes. */
    void offerNewRegistry(Runnable newRegistry) {
        Button start = new Button(text.get("empty.create.action"), new FontIcon("mdi2f-folder-plus-outline"));
        start.setId("empty-new-registry");
        start.setTooltip(new Tooltip(text.get("empty.create")));
        start.setOnAction(e -> newRegistry.run());
        // in the row of buttons: the page is as tall as before, so its sentences keep their room
        ((HBox) box.getChildren().get(box.getChildren().size() - 1)).getChildren().add(start);
    }

    VBox view() {
        return box;
    }

    private static Label paragraph(String s) {
        Label l = new Label(s);
        l.setWrapText(true);
        return l;
    }
}
