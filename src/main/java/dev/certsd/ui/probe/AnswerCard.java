package dev.certsd.ui.probe;

import atlantafx.base.theme.Styles;
import dev.certsd.ui.Icon;
import dev.certsd.ui.Icons;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One side of the comparison: whose answer, the answer in one line with a verdict icon, and why. */
final class AnswerCard {
    private AnswerCard() {
    }

    static VBox of(String id, String iconCode, ObservableValue<Answer> answer) {
        Label title = new Label("", Icons.of(iconCode));
        title.getStyleClass().addAll(Styles.TEXT_CAPTION, "section-title");
        Icon verdict = Icons.of("mdi2c-check-circle");
        verdict.getStyleClass().add("answer-icon");
        Label headline = new Label();
        headline.setId(id + "-headline");
        headline.getStyleClass().addAll(Styles.TITLE_4, "answer-headline");
        headline.setWrapText(true);
        headline.setMinHeight(Region.USE_PREF_SIZE);
        HBox line = new HBox(8, verdict, headline);
        line.setAlignment(Pos.CENTER_LEFT);
        Label detail = new Label();
        detail.setId(id + "-detail");
        detail.getStyleClass().add(Styles.TEXT_MUTED);
        detail.setWrapText(true);
        detail.setMinHeight(Region.USE_PREF_SIZE);
        VBox card = new VBox(6, title, line, detail);
        card.setId(id);
        card.getStyleClass().add("answer-card");
        card.setMinWidth(0);
        card.setPrefWidth(100);
        answer.addListener((o, a, b) -> show(b, card, title, verdict, headline, detail));
        show(answer.getValue(), card, title, verdict, headline, detail);
        return card;
    }

    private static void show(Answer a, VBox card, Label title, Icon verdict, Label headline, Label detail) {
        card.getStyleClass().removeAll("answer-success", "answer-danger");
        verdict.setVisible(a != null);
        if (a == null) {
            title.setText("");
            headline.setText("");
            detail.setText("");
            return;
        }
        card.getStyleClass().add(a.success() ? "answer-success" : "answer-danger");
        title.setText(a.title());
        verdict.setCode(a.success() ? "mdi2c-check-circle" : "mdi2c-close-circle");
        headline.setText(a.headline());
        detail.setText(a.detail());
    }
}
