package dev.certsd.ui.probe;

import atlantafx.base.theme.Styles;
import dev.certsd.ui.DataNodes;
import dev.certsd.ui.Icon;
import dev.certsd.ui.Icons;
import dev.certsd.ui.UiText;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** One attempt on the timeline: outcome, what was tried, why it ended so, and the commands to reproduce it. */
final class AttemptRowView {
    private AttemptRowView() {
    }

    static VBox of(AttemptRow row, String clientName, UiText text, Consumer<String> copy) {
        return of(row, clientName, text, copy, null);
    }

    /** @param showPair selects a pair's file in the main window, where its findings and fixes are; or null */
    static VBox of(AttemptRow row, String clientName, UiText text, Consumer<String> copy, Consumer<String> showPair) {
        OutcomeLook look = OutcomeLook.of(row.outcome());
        Icon icon = Icons.of(look.icon());
        icon.getStyleClass().addAll("outcome-icon", look.badgeClass());
        Label outcome = chip(row.outcomeWord(), look.badgeClass());
        outcome.getStyleClass().add("attempt-outcome");
        Label title = new Label(row.title());
        title.getStyleClass().addAll(Styles.TEXT_BOLD, "attempt-title");
        title.setMinWidth(0);
        HBox head = new HBox(8, icon, outcome, title);
        head.setAlignment(Pos.CENTER_LEFT);
        if (row.clientPath()) {
            Label c = chip(text.fmt("probe.chip.client", clientName), "badge-role");
            c.setId("chip-client");
            head.getChildren().add(c);
        }
        if (row.docsPick()) {
            Label d = chip(text.get("probe.chip.docs"), "badge-muted");
            d.setId("chip-docs");
            head.getChildren().add(d);
        }
        Label explanation = new Label(row.explanation());
        explanation.getStyleClass().add("attempt-explanation");
        explanation.setWrapText(true);
        explanation.setMinHeight(Region.USE_PREF_SIZE);
        FlowPane facts = new FlowPane(6, 2);
        facts.getStyleClass().add("attempt-facts");
        for (AttemptRow.Fact f : row.facts()) {
            if (!facts.getChildren().isEmpty()) {
                facts.getChildren().add(small(text.get("probe.fact.separator")));
            }
            facts.getChildren().add(DataNodes.mark(small(f.text()), f.data()));
        }
        VBox box = new VBox(4, head, explanation, facts,
                command(row.curl(), text.get("probe.copy.curl"), "copy-curl", copy),
                command(row.openssl(), text.get("probe.copy.openssl"), "copy-openssl", copy));
        if (showPair != null && row.pair() != null && row.outcome() != dev.certsd.probe.Outcome.ACCEPTED) {
            Button show = new Button(text.fmt("probe.showPair", row.pair()), Icons.of("mdi2w-wrench"));
            show.setId("show-pair");
            show.getStyleClass().add(Styles.SMALL);
            show.setOnAction(e -> showPair.accept(row.pair()));
            box.getChildren().add(show);
        }
        box.getStyleClass().add("attempt");
        box.getProperties().put("row", row);
        return box;
    }

    private static HBox command(String line, String tip, String id, Consumer<String> copy) {
        TextField field = new TextField(line);
        field.setEditable(false);
        field.getStyleClass().addAll("command-line", Styles.SMALL);
        HBox.setHgrow(field, Priority.ALWAYS);
        Button button = new Button(null, Icons.of("mdi2c-content-copy"));
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.SMALL, id);
        button.setTooltip(new Tooltip(tip));
        button.setAccessibleText(tip);
        button.setOnAction(e -> {
            copy.accept(line);
            // the copy is confirmed where the user looks: the icon turns into a tick for a moment
            button.setGraphic(Icons.of("mdi2c-check"));
            PauseTransition back = new PauseTransition(Duration.seconds(1.5));
            back.setOnFinished(x -> button.setGraphic(Icons.of("mdi2c-content-copy")));
            back.play();
        });
        HBox box = new HBox(4, field, button);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Label small(String s) {
        Label l = new Label(s);
        l.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return l;
    }

    static Label chip(String word, String styleClass) {
        Label l = new Label(word);
        l.getStyleClass().addAll("badge", styleClass);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
