package dev.certsd.ui.findings;

import dev.certsd.diagnose.Severity;
import dev.certsd.ui.Abbreviated;
import dev.certsd.ui.DataNodes;
import dev.certsd.ui.UiText;
import dev.certsd.ui.details.DetailsView;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

/** The findings table's columns: the severity as a badge, the message and where it was found, each with a tooltip. */
final class FindingColumns {
    private FindingColumns() {
    }

    static List<TableColumn<FindingItem, ?>> of(UiText text) {
        return List.of(severity(text), message(text), location(text));
    }

    private static TableColumn<FindingItem, FindingItem> severity(UiText text) {
        TableColumn<FindingItem, FindingItem> severity = new TableColumn<>(text.get("findings.severity"));
        severity.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        severity.setCellFactory(c -> new TableCell<>() {
            /** The severity the graphic shows: rows are re-updated often with the same one (see NodeCell). */
            private Severity shown;

            @Override
            protected void updateItem(FindingItem item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    shown = null;
                    setGraphic(null);
                    return;
                }
                if (item.severity() == shown && getGraphic() != null) {
                    return;
                }
                shown = item.severity();
                Label l = new Label(text.get("severity." + item.severity().id()), DetailsView.severityIcon(item.severity()));
                l.getStyleClass().addAll("badge", DetailsView.severityStyle(item.severity()));
                setGraphic(l);
            }
        });
        severity.setMinWidth(104);
        severity.setPrefWidth(104);
        severity.setMaxWidth(130);
        return severity;
    }

    private static TableColumn<FindingItem, String> location(UiText text) {
        TableColumn<FindingItem, String> location = new TableColumn<>(text.get("findings.location"));
        location.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().location()));
        location.setCellFactory(c -> Abbreviated.markWithOwnTooltip(DataNodes.mark(new TableCell<>() {
            private final Tooltip tooltip = DataNodes.mark(new Tooltip());

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                tooltip.setText(item);
                setTooltip(empty || item == null ? null : tooltip);
            }
        })));
        location.setPrefWidth(200);
        location.setMaxWidth(240);
        return location;
    }

    private static TableColumn<FindingItem, String> message(UiText text) {
        TableColumn<FindingItem, String> message = new TableColumn<>(text.get("findings.message"));
        message.setPrefWidth(520);
        message.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().message()));
        message.setCellFactory(c -> Abbreviated.markWithOwnTooltip(new TableCell<>() {
            /** One tooltip per cell, its text replaced: a Tooltip is a window of its own, costly to create. */
            private final Tooltip tooltip = wrapped("");

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                if (empty || item == null) {
                    setTooltip(null);
                } else {
                    tooltip.setText(item);
                    setTooltip(tooltip);
                }
            }
        }));
        return message;
    }

    private static Tooltip wrapped(String s) {
        Tooltip t = new Tooltip(s);
        t.setWrapText(true);
        t.setMaxWidth(520);
        return t;
    }
}
