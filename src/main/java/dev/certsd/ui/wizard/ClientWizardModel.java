package dev.certsd.ui.wizard;

import dev.certsd.pki.CertificateRequests;
import dev.certsd.pki.ClientCertificates;
import dev.certsd.pki.ClientSpec;
import dev.certsd.certs.KeySpec;
import dev.certsd.pki.PendingKeys;
import dev.certsd.certs.PkiException;
import dev.certsd.plan.Placement;
import dev.certsd.certs.SigningCa;
import dev.certsd.certs.Subject;
import dev.certsd.ui.UiText;
import dev.certsd.ui.work.Background;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The key and client certificate wizard: where (a host directory), which way (self-signed, signed by the user's
 * CA, or a request for a corporate CA), the pair's name with its place in load order, key type, subject, validity;
 * each checked as the user types. The CA's files are read off the UI thread ({@link CaFiles}).
 */
public final class ClientWizardModel {
    /** The three ways to a client certificate. */
    public enum Way { SELF_SIGNED, SIGNED_BY_CA, REQUEST }

    static final int MAX_DAYS = 36500;

    private final TargetModel target;
    private final UiText text;
    private final Clock clock;
    private final PendingKeys pending;
    private final CaFiles ca;
    private final ObjectProperty<Way> way = new SimpleObjectProperty<>(Way.SELF_SIGNED);
    private final StringProperty name = new SimpleStringProperty("client");
    private final BooleanProperty overwrite = new SimpleBooleanProperty();
    private final ObjectProperty<KeySpec> key = new SimpleObjectProperty<>(KeySpec.DEFAULT);
    private final StringProperty commonName = new SimpleStringProperty(System.getProperty("user.name", "client"));
    private final StringProperty organization = new SimpleStringProperty("");
    private final StringProperty unit = new SimpleStringProperty("");
    private final StringProperty days = new SimpleStringProperty(String.valueOf(ClientSpec.DEFAULT_DAYS));
    private final StringProperty csrFile = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper nameProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper subjectProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper daysProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper csrProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper pairExists = new ReadOnlyBooleanWrapper();
    private final ObservableList<String> placement = FXCollections.observableArrayList();
    private final BooleanBinding detailsComplete;
    private boolean csrEdited;

    public ClientWizardModel(TargetModel target, Background background, UiText text, Clock clock,
                             PendingKeys pending) {
        this.target = target;
        this.text = text;
        this.clock = clock;
        this.pending = pending;
        this.ca = new CaFiles(background, text);
        name.addListener((o, a, b) -> {
            updateName();
            if (!csrEdited) {
                setCsrDefault();
            }
        });
        overwrite.addListener((o, a, b) -> updateName());
        target.targetProperty().addListener((o, a, b) -> updateName());
        commonName.addListener((o, a, b) -> updateSubject());
        organization.addListener((o, a, b) -> updateSubject());
        unit.addListener((o, a, b) -> updateSubject());
        days.addListener((o, a, b) -> updateDays());
        csrFile.addListener((o, a, b) -> updateCsr());
        setCsrDefault();
        updateName();
        updateSubject();
        updateDays();
        detailsComplete = Bindings.createBooleanBinding(() -> nameProblem.get().isEmpty()
                && subjectProblem.get().isEmpty() && (way.get() == Way.REQUEST || daysProblem.get().isEmpty()),
                nameProblem, subjectProblem, daysProblem, way);
    }

    /** Re-reads the pair's place in the host directory (the directory may have changed since the page was built). */
    public void updateName() {
        Optional<String> p = Placement.nameProblem(name.get()).map(t -> t.render(text.locale()));
        placement.clear();
        pairExists.set(false);
        if (p.isPresent()) {
            nameProblem.set(p.get());
            return;
        }
        Path dir = target.hostDir();
        if (dir == null) {
            nameProblem.set("");
            return;
        }
        try {
            Placement pl = Placement.of(dir, name.get());
            placement.setAll(pl.notes().stream().map(t -> t.render(text.locale())).toList());
            pairExists.set(!pl.existing().isEmpty());
            nameProblem.set(pl.existing().isEmpty() || overwrite.get() ? ""
                    : text.fmt("wizard.client.exists", String.join(", ", pl.existing())));
        } catch (PkiException e) {
            nameProblem.set(e.text().render(text.locale()));
        }
    }

    private void updateSubject() {
        subjectProblem.set(subject().problem().map(t -> t.render(text.locale())).orElse(""));
    }

    private void updateDays() {
        daysProblem.set(daysValue().isPresent() ? "" : text.fmt("wizard.client.days", MAX_DAYS));
    }

    private void setCsrDefault() {
        String n = Placement.nameProblem(name.get()).isPresent() ? "client" : name.get();
        csrFile.set(Path.of(System.getProperty("user.home"), n + ".csr").toString());
        csrEdited = false;
    }

    private void updateCsr() {
        csrEdited = true;
        String s = csrFile.get().strip();
        if (s.isEmpty()) {
            csrProblem.set(text.get("wizard.client.csr.empty"));
        } else if (!Path.of(s).isAbsolute()) {
            csrProblem.set(text.fmt("wizard.folder.relative", s));
        } else if (!s.endsWith(".csr") && !s.endsWith(".pem")) {
            csrProblem.set(text.get("wizard.client.csr.extension"));
        } else if (java.nio.file.Files.exists(Path.of(s))) {
            csrProblem.set(text.fmt("wizard.client.csr.exists", s));
        } else {
            csrProblem.set("");
        }
    }

    Optional<Integer> daysValue() {
        try {
            int d = Integer.parseInt(days.get().strip());
            return d >= 1 && d <= MAX_DAYS ? Optional.of(d) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    Subject subject() {
        return new Subject(commonName.get(), organization.get(), unit.get());
    }

    /** The operation the user chose, with what they chose, to run on a worker thread. */
    public ApplyViewModel.Planner planner() {
        ClientSpec spec = new ClientSpec(target.hostDir(), name.get().strip(), key.get(), subject(),
                daysValue().orElse(ClientSpec.DEFAULT_DAYS), overwrite.get());
        return switch (way.get()) {
            case SELF_SIGNED -> (c, p) -> Optional.of(new ClientCertificates(clock).selfSigned(spec, c, p));
            case REQUEST -> {
                Path out = Path.of(csrFile.get().strip());
                yield (c, p) -> Optional.of(new CertificateRequests(clock, pending).request(spec, out, c, p));
            }
            case SIGNED_BY_CA -> {
                Path cert = ca.certPath();
                Path keyFile = ca.keyPath();
                char[] pass = ca.passphraseProperty().get().toCharArray();
                yield (c, p) -> {
                    try {
                        SigningCa signing = SigningCa.read(cert, keyFile, pass.length == 0 ? null : pass);
                        return Optional.of(new ClientCertificates(clock).signedBy(spec, signing, c, p));
                    } finally {
                        Arrays.fill(pass, '\0');
                    }
                };
            }
        };
    }

    public TargetModel target() {
        return target;
    }

    public CaFiles ca() {
        return ca;
    }

    public PendingKeys pending() {
        return pending;
    }

    public ObjectProperty<Way> wayProperty() {
        return way;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** Replace an existing pair of that name: the user's explicit choice. */
    public BooleanProperty overwriteProperty() {
        return overwrite;
    }

    public ObjectProperty<KeySpec> keyProperty() {
        return key;
    }

    public StringProperty commonNameProperty() {
        return commonName;
    }

    public StringProperty organizationProperty() {
        return organization;
    }

    public StringProperty unitProperty() {
        return unit;
    }

    public StringProperty daysProperty() {
        return days;
    }

    /** Where the request goes (the CSR way). */
    public StringProperty csrFileProperty() {
        return csrFile;
    }

    public ReadOnlyStringProperty nameProblemProperty() {
        return nameProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty subjectProblemProperty() {
        return subjectProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty daysProblemProperty() {
        return daysProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty csrProblemProperty() {
        return csrProblem.getReadOnlyProperty();
    }

    /** Whether a file of the pair exists already (the Overwrite box is shown then). */
    public ReadOnlyBooleanProperty pairExistsProperty() {
        return pairExists.getReadOnlyProperty();
    }

    /** The pair's position in load order and what it means, as the user types the name. */
    public ObservableList<String> placement() {
        return placement;
    }

    public BooleanBinding detailsComplete() {
        return detailsComplete;
    }

    public BooleanBinding csrComplete() {
        return Bindings.createBooleanBinding(() -> csrProblem.get().isEmpty(), csrProblem);
    }
}
