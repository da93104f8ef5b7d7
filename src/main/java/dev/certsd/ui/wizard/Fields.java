package dev.certsd.ui.wizard;

import atlantafx.base.theme.Styles;
import dev.certsd.certs.KeySpec;
import dev.certsd.ui.Icons;
import dev.certsd.ui.UiText;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * The small pieces every wizard page is made of: a labelled field with its problem right under it (shown as the
 * user types), notes, banners, a path field with a Browse button, and a code block with a Copy button.
 */
public final class Fields {
    private Fields() {
    }

    /** A label, the input, and the input's problem below it, in red, as soon as the user has typed something. */
    public static VBox field(String label, Control input, ObservableStringValue problem, String id) {
        Label l = new Label(label);
        l.setLabelFor(input);
        l.getStyleClass().add("field-label");
        input.setId(id);
        return new VBox(4, l, input, problem(input, problem, id + "-problem"));
    }

    /** The problem of an input: hidden while the input is untouched and empty, red and with an icon otherwise. */
    public static Label problem(Control input, ObservableStringValue problem, String id) {
        SimpleBooleanProperty touched = new SimpleBooleanProperty(!(input instanceof TextInputControl));
        if (input instanceof TextInputControl t) {
            touched.set(!t.getText().isEmpty());
            t.textProperty().addListener((o, a, b) -> touched.set(true));
        }
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setGraphic(Icons.of("mdi2a-alert-circle-outline"));
        l.getStyleClass().add("field-problem");
        l.textProperty().bind(problem);
        l.visibleProperty().bind(touched.and(Bindings.createBooleanBinding(() -> !problem.get().isEmpty(), problem)));
        l.managedProperty().bind(l.visibleProperty());
        l.visibleProperty().addListener((o, a, shown) -> input.pseudoClassStateChanged(Styles.STATE_DANGER, shown));
        input.pseudoClassStateChanged(Styles.STATE_DANGER, l.isVisible());
        return l;
    }

    /** Sentences under a field or on a page, one label each, following the list. */
    public static VBox notes(ObservableList<String> lines, String styleClass, String id) {
        VBox box = new VBox(4);
        box.setId(id);
        Runnable fill = () -> box.getChildren().setAll(lines.stream().map(s -> {
            Label l = new Label(s);
            l.setWrapText(true);
            l.setMinHeight(Label.USE_PREF_SIZE);
            l.getStyleClass().add(styleClass);
            if (styleClass.equals("field-warning")) {
                l.setGraphic(Icons.of("mdi2a-alert-outline"));
            }
            return (Node) l;
        }).toList());
        lines.addListener((ListChangeListener<String>) c -> fill.run());
        fill.run();
        box.visibleProperty().bind(Bindings.isNotEmpty(lines));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** A coloured box with an icon and a sentence; hidden while the sentence is empty. */
    public static HBox banner(String kind, String icon, ObservableStringValue sentence, String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(Label.USE_PREF_SIZE);
        l.textProperty().bind(sentence);
        HBox.setHgrow(l, Priority.ALWAYS);
        HBox box = new HBox(10, Icons.of(icon), l);
        box.getStyleClass().addAll("banner", "banner-" + kind);
        box.visibleProperty().bind(Bindings.createBooleanBinding(() -> !sentence.get().isEmpty(), sentence));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    public static Label paragraph(String s) {
        Label l = new Label(s);
        l.setWrapText(true);
        l.setMinHeight(Label.USE_PREF_SIZE);
        return l;
    }

    public static Label heading(String s) {
        Label l = new Label(s);
        l.getStyleClass().addAll(Styles.TEXT_CAPTION, "section-title");
        return l;
    }

    /** A text field for a path with a Browse button that opens the platform's file chooser. */
    public static HBox pathField(TextField field, UiText text, boolean save, Consumer<FileChooser> setup) {
        Button browse = new Button(text.get("wizard.browse"), Icons.of("mdi2f-folder-open-outline"));
        browse.setId(field.getId() == null ? null : field.getId() + "-browse");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            setup.accept(chooser);
            Path now = field.getText().isBlank() ? null : Path.of(field.getText().strip());
            if (now != null && now.getParent() != null && now.getParent().toFile().isDirectory()) {
                chooser.setInitialDirectory(now.getParent().toFile());
                chooser.setInitialFileName(now.getFileName().toString());
            }
            File f = save ? chooser.showSaveDialog(field.getScene().getWindow())
                    : chooser.showOpenDialog(field.getScene().getWindow());
            if (f != null) {
                field.setText(f.getAbsolutePath());
            }
        });
        HBox.setHgrow(field, Priority.ALWAYS);
        return new HBox(6, field, browse);
    }

    /** A read-only monospaced block with a Copy button above it. */
    public static VBox code(String title, ObservableStringValue content, UiText text, Consumer<String> copy, String id) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(false);
        area.getStyleClass().add("code-area");
        area.textProperty().bind(content);
        area.prefRowCountProperty().bind(Bindings.createIntegerBinding(
                () -> Math.max(3, Math.min(22, (int) content.get().lines().count() + 2)), content));
        Button b = new Button(text.get("wizard.copy"), Icons.of("mdi2c-content-copy"));
        b.setId(id + "-copy");
        b.getStyleClass().add(Styles.SMALL);
        b.setTooltip(new Tooltip(text.get("wizard.copy.tip")));
        b.setOnAction(e -> copy.accept(content.get()));
        Label t = heading(title);
        HBox head = new HBox(10, t, b);
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox box = new VBox(6, head, area);
        box.visibleProperty().bind(Bindings.createBooleanBinding(() -> !content.get().isEmpty(), content));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /**
     * A labelled path field for a PEM or DER file (a certificate or a key), with Browse.
     *
     * @param after buttons that follow Browse on the field's row (Open)
     */
    public static VBox pemFile(String labelText, TextField field, UiText text, Node... after) {
        Label label = new Label(labelText);
        label.setLabelFor(field);
        label.getStyleClass().add("field-label");
        HBox row = pathField(field, text, false, c -> c.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(text.get("wizard.filter.pem"), "*.pem", "*.crt", "*.cert", "*.key",
                        "*.cer", "*.der"),
                new FileChooser.ExtensionFilter(text.get("wizard.filter.all"), "*")));
        row.getChildren().addAll(after);
        return new VBox(4, label, row);
    }

    /** The key types offered for a new client key, RSA 4096 first, named in the user's language. */
    public static ComboBox<KeySpec> keyType(ObjectProperty<KeySpec> value, UiText text) {
        ComboBox<KeySpec> key = new ComboBox<>();
        key.getItems().setAll(KeySpec.RSA_4096, KeySpec.RSA_3072, KeySpec.RSA_2048, KeySpec.EC_P256, KeySpec.EC_P384);
        key.valueProperty().bindBidirectional(value);
        key.setConverter(new StringConverter<>() {
            @Override
            public String toString(KeySpec k) {
                return k == null ? "" : text.get("wizard.key." + k.id());
            }

            @Override
            public KeySpec fromString(String s) {
                return null;
            }
        });
        return key;
    }

    /**
     * A client pair's name with its problem, its place in load order and the Overwrite box (shown when a pair of
     * that name exists): three rows of a page, ids {@code <prefix>-name}, {@code -placement}, {@code -overwrite}.
     */
    public static List<Node> pairName(PairName pair, TextField name, UiText text, String prefix) {
        name.textProperty().bindBidirectional(pair.nameProperty());
        CheckBox overwrite = new CheckBox(text.get("wizard.client.overwrite"));
        overwrite.setId(prefix + "-overwrite");
        overwrite.selectedProperty().bindBidirectional(pair.overwriteProperty());
        overwrite.visibleProperty().bind(pair.pairExistsProperty());
        overwrite.managedProperty().bind(overwrite.visibleProperty());
        return List.of(field(text.get("wizard.client.name"), name, pair.problemProperty(), prefix + "-name"),
                notes(pair.placement(), "field-note", prefix + "-placement"), overwrite);
    }
}
