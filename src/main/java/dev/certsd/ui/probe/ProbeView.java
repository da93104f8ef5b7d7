package dev.certsd.ui.probe;

import atlantafx.base.theme.Styles;
import dev.certsd.roots.Client;
import dev.certsd.ui.DataNodes;
import dev.certsd.ui.Icons;
import dev.certsd.ui.UiText;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The connection test of one host directory: controls and progress on top; below, the docs' answer next to the
 * client's, a sentence when they differ, the timeline of attempts, the server's chain and its acceptable CAs.
 */
public final class ProbeView {
    private final ProbeViewModel model;
    private final UiText text;
    private final Consumer<String> copy;
    private final BorderPane pane = new BorderPane();
    private final VBox attempts = new VBox(10);
    private final ObjectProperty<Integer> timeout;

    private final Consumer<String> showPair;

    public ProbeView(ProbeViewModel model, UiText text, Consumer<String> copy) {
        this(model, text, copy, null);
    }

    /** @param showPair selects a pair's file in the main window (its findings and fixes); or null */
    public ProbeView(ProbeViewModel model, UiText text, Consumer<String> copy, Consumer<String> showPair) {
        this.showPair = showPair;
        this.model = model;
        this.text = text;
        this.copy = copy;
        this.timeout = model.timeoutSecondsProperty().asObject();
        pane.setId("probe");
        pane.setTop(header());
        VBox content = new VBox(18, answers(), difference(), section("probe.section.attempts", attempts),
                ChainView.of(model, text));
        content.setPadding(new Insets(4, 16, 16, 16));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        pane.setCenter(scroll);
        attempts.setId("probe-attempts");
        model.attempts().addListener((ListChangeListener<AttemptRow>) c -> showAttempts());
        showAttempts();
    }

    public Parent view() {
        return pane;
    }

    private VBox header() {
        VBox header = new VBox(10, title(), controls(), statusRow());
        header.setPadding(new Insets(14, 16, 12, 16));
        return header;
    }

    /** The host directory tested, the endpoint it stands for and the proxy in between. */
    private VBox title() {
        Label host = DataNodes.mark(new Label(model.hostDir()));
        host.setId("probe-host");
        host.getStyleClass().add(Styles.TITLE_3);
        Label endpoint = DataNodes.mark(new Label());
        endpoint.setId("probe-endpoint");
        endpoint.getStyleClass().add(Styles.TEXT_MUTED);
        endpoint.textProperty().bind(model.endpointProperty());
        Label proxy = new Label();
        proxy.setId("probe-proxy");
        proxy.getStyleClass().add(Styles.TEXT_MUTED);
        proxy.textProperty().bind(model.proxyProperty());
        HBox title = new HBox(12, host, endpoint, proxy);
        title.setAlignment(Pos.BASELINE_LEFT);
        Label heading = new Label(text.get("probe.heading"), Icons.of("mdi2l-lan-connect"));
        heading.getStyleClass().addAll(Styles.TEXT_CAPTION, "section-title");
        return new VBox(2, heading, title);
    }

    /** The client to test as, the timeout, Cancel and Run. */
    private HBox controls() {
        ComboBox<Client> client = new ComboBox<>();
        client.setId("probe-client");
        client.getItems().setAll(Client.values());
        client.setConverter(new StringConverter<>() {
            @Override
            public String toString(Client c) {
                return c == null ? "" : text.get("client." + c.name());
            }

            @Override
            public Client fromString(String s) {
                return null;
            }
        });
        client.valueProperty().bindBidirectional(model.clientProperty());
        Spinner<Integer> seconds = new Spinner<>(ProbeViewModel.MIN_TIMEOUT, ProbeViewModel.MAX_TIMEOUT,
                model.timeoutSecondsProperty().get());
        seconds.setId("probe-timeout");
        seconds.setEditable(true);
        seconds.setPrefWidth(90);
        seconds.getValueFactory().valueProperty().bindBidirectional(timeout);
        seconds.setTooltip(new Tooltip(text.get("probe.timeout.tip")));

        Button run = new Button(null, Icons.of("mdi2p-play"));
        run.setId("probe-run");
        run.getStyleClass().add(Styles.ACCENT);
        run.textProperty().bind(Bindings.createStringBinding(() -> text.get(
                model.stateProperty().get() == ProbeViewModel.State.IDLE ? "probe.run" : "probe.rerun"),
                model.stateProperty()));
        run.disableProperty().bind(model.runningProperty());
        run.setOnAction(e -> model.run());
        Button cancel = new Button(text.get("probe.cancel"), Icons.of("mdi2s-stop"));
        cancel.setId("probe-cancel");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox controls = new HBox(8, new Label(text.get("probe.client")), client, new Label(text.get("probe.timeout")),
                seconds, spacer, cancel, run);
        controls.setAlignment(Pos.CENTER_LEFT);
        return controls;
    }

    private HBox statusRow() {
        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setPrefWidth(120);
        progress.visibleProperty().bind(model.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label status = new Label();
        status.setId("probe-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        HBox statusRow = new HBox(10, progress, status);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        return statusRow;
    }

    private HBox answers() {
        VBox docs = AnswerCard.of("probe-docs", "mdi2b-book-open-variant", model.docsAnswerProperty());
        VBox real = AnswerCard.of("probe-real", "mdi2l-lan-connect", model.clientAnswerProperty());
        HBox.setHgrow(docs, Priority.ALWAYS);
        HBox.setHgrow(real, Priority.ALWAYS);
        HBox box = new HBox(12, docs, real);
        box.setId("probe-answers");
        box.visibleProperty().bind(model.docsAnswerProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private HBox difference() {
        Label sentence = new Label();
        sentence.setId("probe-difference");
        sentence.setWrapText(true);
        sentence.setMinHeight(Region.USE_PREF_SIZE);
        sentence.textProperty().bind(model.differenceProperty());
        HBox.setHgrow(sentence, Priority.ALWAYS);
        HBox banner = new HBox(10, Icons.of("mdi2a-alert"), sentence);
        banner.getStyleClass().addAll("banner", "banner-warning");
        banner.visibleProperty().bind(model.differenceProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private void showAttempts() {
        String name = model.reportProperty().get() == null ? ""
                : text.get("probe.client." + model.reportProperty().get().client().name());
        attempts.getChildren().setAll(model.attempts().stream()
                .map(r -> AttemptRowView.of(r, name, text, copy, showPair)).toList());
    }

    static VBox section(String title, javafx.scene.Node body, UiText text) {
        Label t = new Label(text.get(title));
        t.getStyleClass().addAll(Styles.TEXT_CAPTION, "section-title");
        return new VBox(8, t, body);
    }

    private VBox section(String title, javafx.scene.Node body) {
        VBox s = section(title, body, text);
        s.visibleProperty().bind(Bindings.isNotEmpty(model.attempts()));
        s.managedProperty().bind(s.visibleProperty());
        return s;
    }
}
