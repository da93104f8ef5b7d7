package dev.certsd.ui.details;

import atlantafx.base.theme.Styles;
import dev.certsd.diagnose.Severity;
import dev.certsd.fix.Fix;
import dev.certsd.ui.DataNodes;
import dev.certsd.ui.Icon;
import dev.certsd.ui.Icons;
import dev.certsd.ui.UiText;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Lays out {@link Details}: title, verdict banner, sections of facts, findings. */
public final class DetailsView {
    private final VBox content = new VBox(14);
    private final ScrollPane scroll = new ScrollPane(content);
    private final UiText text;
    private final Consumer<List<Fix>> onFix;

    public DetailsView(DetailsViewModel model, UiText text) {
        this(model, text, fixes -> { });
    }

    /** @param onFix previews and applies one of a finding's fixes, the default first */
    public DetailsView(DetailsViewModel model, UiText text, Consumer<List<Fix>> onFix) {
        this.text = text;
        this.onFix = onFix;
        content.setId("details");
        content.setPadding(new Insets(16));
        scroll.setFitToWidth(true);
        model.detailsProperty().addListener((o, a, d) -> show(d));
        show(model.detailsProperty().get());
    }

    public ScrollPane view() {
        return scroll;
    }

    private void show(Details d) {
        content.getChildren().clear();
        if (d == null) {
            Label hint = new Label(text.get("details.nothingSelected"));
            hint.getStyleClass().add(Styles.TEXT_MUTED);
            hint.setWrapText(true);
            content.getChildren().add(hint);
            return;
        }
        Label title = DataNodes.mark(new Label(d.title()), d.titleIsData());
        title.setId("details-title");
        title.getStyleClass().add(Styles.TITLE_3);
        Label subtitle = DataNodes.mark(new Label(d.subtitle()));
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        subtitle.setWrapText(true);
        content.getChildren().add(new VBox(2, title, subtitle));
        if (d.banner() != null) {
            content.getChildren().add(banner(d.banner()));
        }
        // the findings (with their fixes) right under the banner: what needs doing before what it is made of
        if (!d.findings().isEmpty()) {
            VBox list = new VBox(8);
            for (Details.Line line : d.findings()) {
                list.getChildren().add(finding(line));
            }
            VBox findings = titled(text.get("details.section.findings"), list);
            findings.setId("details-findings");
            content.getChildren().add(findings);
        }
        for (Details.Section s : d.sections()) {
            content.getChildren().add(section(s));
        }
    }

    private HBox banner(Details.Banner b) {
        Icon icon = Icons.of(switch (b.tone()) {
            case SUCCESS -> "mdi2c-check-circle";
            case DANGER -> "mdi2c-close-circle";
            case WARNING -> "mdi2e-eye-off";
            case MUTED -> "mdi2t-timer-sand";
        });
        Label label = new Label(b.text());
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(label, Priority.ALWAYS);
        HBox box = new HBox(10, icon, label);
        box.setId("details-banner");
        box.getStyleClass().addAll("banner", "banner-" + b.tone().name().toLowerCase(java.util.Locale.ROOT));
        return box;
    }

    private VBox section(Details.Section s) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, values);
        int r = 0;
        for (Details.Row row : s.rows()) {
            Label l = DataNodes.mark(new Label(row.label()), row.labelIsData());
            l.getStyleClass().add(Styles.TEXT_MUTED);
            l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label v = DataNodes.mark(new Label(row.value()), row.valueIsData());
            v.setWrapText(true);
            v.getStyleClass().add("detail-value");
            if (row.note() == null) {
                grid.addRow(r++, l, v);
            } else {
                Label note = new Label(row.note());
                note.getStyleClass().add(Styles.TEXT_MUTED);
                note.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                HBox value = new HBox(6, v, note);
                value.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
                grid.addRow(r++, l, value);
            }
        }
        return titled(s.title(), grid);
    }

    private static VBox titled(String title, javafx.scene.Node body) {
        Label t = new Label(title);
        t.getStyleClass().addAll(Styles.TEXT_CAPTION, "section-title");
        return new VBox(6, t, body);
    }

    private HBox finding(Details.Line line) {
        Icon icon = severityIcon(line.severity());
        Label sev = new Label(text.get("severity." + line.severity().id()), icon);
        sev.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        sev.getStyleClass().addAll("badge", severityStyle(line.severity()));
        Label msg = new Label(line.text());
        msg.setWrapText(true);
        HBox.setHgrow(msg, Priority.ALWAYS);
        HBox row = new HBox(8, sev, msg);
        if (!line.fixes().isEmpty()) {
            Button fix = new Button(text.get("action.fix"), Icons.of("mdi2w-wrench"));
            fix.getStyleClass().addAll("fix-button", Styles.SMALL);
            fix.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            fix.setTooltip(new Tooltip(line.fixes().get(0).description().render(text.locale())));
            fix.getTooltip().setWrapText(true);
            fix.getTooltip().setMaxWidth(480);
            fix.getProperties().put("finding", line.fixes().get(0).finding());
            fix.setOnAction(e -> onFix.accept(line.fixes()));
            row.getChildren().add(fix);
        }
        row.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        return row;
    }

    public static Icon severityIcon(Severity s) {
        return Icons.of(switch (s) {
            case ERROR -> "mdi2c-close-circle";
            case WARNING -> "mdi2a-alert";
            case INFO -> "mdi2i-information";
        });
    }

    public static String severityStyle(Severity s) {
        return switch (s) {
            case ERROR -> "badge-danger";
            case WARNING -> "badge-warning";
            case INFO -> "badge-muted";
        };
    }
}
