package dev.certsd.ui.probe;

import atlantafx.base.theme.Styles;
import dev.certsd.ui.DataNodes;
import dev.certsd.ui.UiText;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The server's certificate chain and whether the client trusts it, next to the CAs it accepts from clients. */
final class ChainView {
    private ChainView() {
    }

    static HBox of(ProbeViewModel model, UiText text) {
        VBox certs = new VBox(10);
        certs.setId("probe-chain");
        Label trust = wrapped();
        trust.textProperty().bind(model.chainTrustProperty());
        model.chain().addListener((ListChangeListener<ChainRow>) c -> certs.getChildren().setAll(
                model.chain().stream().map(r -> grid(r, text)).toList()));
        VBox chain = ProbeView.section("probe.section.chain", new VBox(8, trust, certs), text);

        VBox list = new VBox(4);
        list.setId("probe-cas");
        Label note = wrapped();
        note.textProperty().bind(model.casNoteProperty());
        note.visibleProperty().bind(model.casNoteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        model.acceptableCas().addListener((ListChangeListener<String>) c -> list.getChildren().setAll(
                model.acceptableCas().stream().map(ChainView::ca).toList()));
        VBox cas = ProbeView.section("probe.section.cas", new VBox(8, note, list), text);

        HBox.setHgrow(chain, Priority.ALWAYS);
        HBox.setHgrow(cas, Priority.ALWAYS);
        chain.setPrefWidth(100);
        cas.setPrefWidth(100);
        HBox box = new HBox(24, chain, cas);
        box.visibleProperty().bind(Bindings.isNotEmpty(model.attempts()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static GridPane grid(ChainRow r, UiText text) {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(2);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setMinWidth(0);
        g.getColumnConstraints().addAll(labels, values);
        g.addRow(0, muted(text.get("probe.chain.subject")), DataNodes.mark(value(r.subject())));
        g.addRow(1, muted(text.get("probe.chain.issuer")), DataNodes.mark(value(r.issuer())));
        g.addRow(2, muted(text.get("probe.chain.valid")), value(r.validity()));
        Label fp = DataNodes.mark(value(r.sha256()));
        fp.getStyleClass().addAll("fingerprint", Styles.TEXT_SMALL);
        g.addRow(3, muted(text.get("probe.chain.sha256")), fp);
        g.getStyleClass().add("chain-cert");
        return g;
    }

    private static Label ca(String name) {
        Label l = DataNodes.mark(wrapped());
        l.setText(name);
        l.getStyleClass().add("detail-value");
        return l;
    }

    private static Label muted(String s) {
        Label l = new Label(s);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label value(String s) {
        Label l = wrapped();
        l.setText(s);
        l.getStyleClass().add("detail-value");
        return l;
    }

    private static Label wrapped() {
        Label l = new Label();
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
