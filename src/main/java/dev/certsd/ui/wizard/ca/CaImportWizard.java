package dev.certsd.ui.wizard.ca;

import atlantafx.base.theme.Styles;
import dev.certsd.pki.CaCandidate;
import dev.certsd.ui.Icons;
import dev.certsd.ui.UiText;
import dev.certsd.ui.wizard.ApplyViewModel;
import dev.certsd.ui.wizard.Fields;
import dev.certsd.ui.wizard.TargetPage;
import dev.certsd.ui.wizard.TargetViewModel;
import dev.certsd.ui.wizard.WizardContext;
import dev.certsd.ui.wizard.WizardPage;
import dev.certsd.ui.wizard.WizardWindow;
import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The CA root import wizard's window: the host directory; then the certificate, from a file, the clipboard, a drop
 * anywhere on the window, or the live server (and Harbor), picked and confirmed explicitly; then apply.
 */
public final class CaImportWizard {
    private CaImportWizard() {
    }

    public static WizardWindow open(WizardContext w, TargetViewModel target) {
        UiText text = w.text();
        CaImportViewModel model = new CaImportViewModel(target, w.background(), text, w.clock(), w.probes()::options);
        ApplyViewModel apply = w.applyModel(p -> target.hostDir());
        List<WizardPage> pages = List.of(
                TargetPage.page(target, text, text.get("wizard.caimport.targetIntro")),
                sourcePage(model, text, w.copy()).onEnter(model::suggestName),
                w.applyPage(apply, model::planner, null, null));
        WizardWindow window = w.window("wizard-ca", text.get("wizard.caimport.title"), pages, apply);
        Parent root = window.stage().getScene().getRoot();
        root.setOnDragOver(e -> {
            if (window.currentProperty().get() == 1 && (e.getDragboard().hasFiles() || e.getDragboard().hasString())) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> dropped(e, model));
        window.stage().addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> model.cancel());
        return window;
    }

    private static void dropped(DragEvent e, CaImportViewModel model) {
        List<java.nio.file.Path> files = e.getDragboard().hasFiles()
                ? e.getDragboard().getFiles().stream().map(File::toPath).toList() : List.of();
        model.dropped(files, e.getDragboard().hasString() ? e.getDragboard().getString() : null);
        e.setDropCompleted(true);
        e.consume();
    }

    public static WizardPage sourcePage(CaImportViewModel model, UiText text, Consumer<String> copy) {
        TextField file = new TextField();
        file.setId("ca-file");
        file.textProperty().bindBidirectional(model.fileProperty());
        file.setOnAction(e -> model.openFile());
        Button open = new Button(text.get("wizard.caimport.open"), Icons.of("mdi2f-file-certificate-outline"));
        open.setId("ca-file-open");
        open.setOnAction(e -> model.openFile());
        open.disableProperty().bind(model.fileProperty().isEmpty().or(model.busyProperty()));
        Label message = new Label();
        message.setId("ca-source-message");
        message.setWrapText(true);
        message.textProperty().bind(model.sourceMessageProperty());
        TextField name = new TextField();
        name.textProperty().bindBidirectional(model.fileNameProperty());
        CheckBox overwrite = new CheckBox(text.get("wizard.caimport.overwrite"));
        overwrite.setId("ca-overwrite");
        overwrite.selectedProperty().bindBidirectional(model.overwriteProperty());
        overwrite.visibleProperty().bind(model.fileExistsProperty());
        overwrite.managedProperty().bind(overwrite.visibleProperty());

        VBox box = new VBox(12, Fields.paragraph(text.get("wizard.caimport.sourceIntro")),
                Fields.pemFile(text.get("wizard.caimport.file"), file, text, open), passwordField(model, text),
                elsewhere(model, text), message, offers(model, text, copy), confirm(model, text),
                Fields.field(text.get("wizard.caimport.fileName"), name, model.fileNameProblemProperty(),
                        "ca-file-name"), overwrite);
        box.setPadding(new Insets(16, 20, 20, 20));
        return WizardPage.of(text.get("wizard.page.certificate"), box, model.completeProperty(), file);
    }

    /** The PKCS#12 password, shown once a file asked for one. */
    private static VBox passwordField(CaImportViewModel model, UiText text) {
        PasswordField password = new PasswordField();
        password.textProperty().bindBidirectional(model.passwordProperty());
        password.setOnAction(e -> model.openFile());
        VBox passwordField = Fields.field(text.get("wizard.caimport.password"), password,
                new javafx.beans.property.SimpleStringProperty(""), "ca-password");
        passwordField.visibleProperty().bind(model.needsPasswordProperty());
        passwordField.managedProperty().bind(passwordField.visibleProperty());
        return passwordField;
    }

    /** "From elsewhere": the clipboard, the live server (with Stop while it runs), a drop on the window. */
    private static VBox elsewhere(CaImportViewModel model, UiText text) {
        Button paste = new Button(text.get("wizard.caimport.paste"), Icons.of("mdi2c-content-paste"));
        paste.setId("ca-paste");
        paste.setOnAction(e -> model.paste(Clipboard.getSystemClipboard().getString()));
        Button fetch = new Button(null, Icons.of("mdi2l-lan-connect"));
        fetch.setId("ca-fetch");
        fetch.textProperty().bind(Bindings.createStringBinding(() -> model.target().registry() == null ? ""
                : text.fmt("wizard.caimport.fetch", model.target().registry().registry()),
                model.target().targetProperty()));
        fetch.setOnAction(e -> model.fetchFromServer());
        fetch.disableProperty().bind(model.busyProperty());
        Button stop = new Button(text.get("wizard.apply.stop"), Icons.of("mdi2s-stop"));
        stop.setId("ca-fetch-cancel");
        stop.setOnAction(e -> model.cancel());
        stop.visibleProperty().bind(model.busyProperty());
        stop.managedProperty().bind(stop.visibleProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        Label drop = Fields.paragraph(text.get("wizard.caimport.drop"));
        drop.getStyleClass().add("field-note");
        HBox others = new HBox(8, paste, fetch, stop, busy);
        others.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, Fields.heading(text.get("wizard.caimport.fromElsewhere")), others, drop);
    }

    /** The certificates offered, one card each, one of them picked. */
    private static VBox offers(CaImportViewModel model, UiText text, Consumer<String> copy) {
        VBox offers = new VBox(8);
        offers.setId("ca-offers");
        ToggleGroup group = new ToggleGroup();
        Runnable fill = () -> {
            group.getToggles().clear();
            offers.getChildren().setAll(model.offers().stream().map(o -> offerCard(o, model.offers().indexOf(o),
                    group, model, text, copy)).toList());
        };
        model.offers().addListener((ListChangeListener<CaImportViewModel.Offer>) c -> fill.run());
        model.selectedProperty().addListener((o, a, b) -> group.getToggles().forEach(t -> t.setSelected(
                t.getUserData() == b)));
        return offers;
    }

    /** "I compared the fingerprint…": off until a certificate is picked. */
    private static CheckBox confirm(CaImportViewModel model, UiText text) {
        CheckBox confirm = new CheckBox();
        confirm.setId("ca-confirm");
        confirm.setWrapText(true);
        confirm.textProperty().bind(Bindings.createStringBinding(() -> text.fmt("wizard.caimport.confirm",
                model.target().registry() == null ? "" : model.target().registry().registry()),
                model.target().targetProperty()));
        confirm.selectedProperty().bindBidirectional(model.confirmedProperty());
        confirm.disableProperty().bind(model.selectedProperty().isNull());
        return confirm;
    }

    private static VBox offerCard(CaImportViewModel.Offer o, int index, ToggleGroup group, CaImportViewModel model,
                                  UiText text, Consumer<String> copy) {
        CaCandidate c = o.candidate();
        RadioButton pick = new RadioButton(c.subject());
        pick.setMnemonicParsing(false); // a subject is not a mnemonic
        pick.setId("ca-offer-" + index);
        pick.setToggleGroup(group);
        pick.setUserData(o);
        pick.setSelected(model.selectedProperty().get() == o);
        pick.getStyleClass().add("offer-subject");
        pick.selectedProperty().addListener((x, a, b) -> {
            if (b) {
                model.selectedProperty().set(o);
            }
        });
        Label kind = new Label(text.get(c.selfSigned() ? "wizard.caimport.kind.root" : c.ca()
                ? "wizard.caimport.kind.intermediate" : "wizard.caimport.kind.leaf"));
        kind.getStyleClass().addAll("badge", c.ca() ? "badge-role" : "badge-warning");
        Label origin = new Label(o.origin());
        origin.getStyleClass().addAll("badge", "badge-muted");
        HBox head = new HBox(8, pick, kind, origin);
        head.setAlignment(Pos.CENTER_LEFT);
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(text.locale())
                .withZone(ZoneId.systemDefault());
        Label issuer = new Label(text.fmt("wizard.caimport.issuer", c.issuer()));
        issuer.setWrapText(true);
        Label valid = new Label(text.fmt("wizard.caimport.valid", day.format(c.notBefore()), day.format(c.notAfter())));
        // 32 bytes in two lines of 16: whole on screen, easy to compare with what the administrator reads out
        String fp = c.sha256();
        Label sha = new Label(fp.substring(0, 48) + "\n" + fp.substring(48));
        sha.setId("ca-offer-sha256-" + index);
        sha.getProperties().put("sha256", fp);
        sha.getStyleClass().add("fingerprint");
        sha.setMinHeight(Label.USE_PREF_SIZE);
        Button copyFp = new Button(null, Icons.of("mdi2c-content-copy"));
        copyFp.setId("ca-offer-copy-" + index);
        copyFp.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        copyFp.setTooltip(new javafx.scene.control.Tooltip(text.get("wizard.caimport.copyFingerprint")));
        copyFp.setOnAction(e -> copy.accept(fp));
        Label shaLabel = new Label(text.get("cert.sha256"));
        shaLabel.setMinWidth(Label.USE_PREF_SIZE);
        HBox shaRow = new HBox(8, shaLabel, sha, copyFp);
        shaRow.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(4, head, issuer, valid, shaRow);
        card.getStyleClass().add("offer-card");
        card.setOnMouseClicked(e -> pick.setSelected(true));
        return card;
    }
}
