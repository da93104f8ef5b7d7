package dev.certsd.ui.wizard.client;

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
import dev.certsd.ui.wizard.ApplyViewModel;
import dev.certsd.ui.wizard.PairName;
import dev.certsd.ui.wizard.TargetModel;
import dev.certsd.ui.wizard.ValidityDays;
import dev.certsd.ui.work.Background;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The key and client certificate wizard: where (a host directory), which way (self-signed, signed by the user's
 * CA, or a request for a corporate CA), the pair's name with its place in load order, key type, subject, validity;
 * each checked as the user types. The CA's files are read off the UI thread ({@link CaFiles}).
 */
public final class ClientWizardModel {
    /** The three ways to a client certificate. */
    public enum Way { SELF_SIGNED, SIGNED_BY_CA, REQUEST }

    private final TargetModel target;
    private final UiText text;
    private final Clock clock;
    private final PendingKeys pending;
    private final CaFiles ca;
    private final ObjectProperty<Way> way = new SimpleObjectProperty<>(Way.SELF_SIGNED);
    private final PairName pair;
    private final ObjectProperty<KeySpec> key = new SimpleObjectProperty<>(KeySpec.DEFAULT);
    private final StringProperty commonName = new SimpleStringProperty(System.getProperty("user.name", "client"));
    private final StringProperty organization = new SimpleStringProperty("");
    private final StringProperty unit = new SimpleStringProperty("");
    private final ValidityDays days;
    private final StringProperty csrFile = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper subjectProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper csrProblem = new ReadOnlyStringWrapper("");
    private final BooleanBinding detailsComplete;
    private boolean csrEdited;

    public ClientWizardModel(TargetModel target, Background background, UiText text, Clock clock,
                             PendingKeys pending) {
        this.target = target;
        this.text = text;
        this.clock = clock;
        this.pending = pending;
        this.ca = new CaFiles(background, text);
        this.pair = new PairName(text, "client", target::hostDir, () -> "");
        this.days = new ValidityDays(text, ClientSpec.DEFAULT_DAYS);
        pair.nameProperty().addListener((o, a, b) -> {
            if (!csrEdited) {
                setCsrDefault();
            }
        });
        target.targetProperty().addListener((o, a, b) -> pair.check());
        commonName.addListener((o, a, b) -> updateSubject());
        organization.addListener((o, a, b) -> updateSubject());
        unit.addListener((o, a, b) -> updateSubject());
        csrFile.addListener((o, a, b) -> updateCsr());
        setCsrDefault();
        updateSubject();
        detailsComplete = Bindings.createBooleanBinding(() -> pair.problemProperty().get().isEmpty()
                && subjectProblem.get().isEmpty() && (way.get() == Way.REQUEST || days.problemProperty().get()
                .isEmpty()), pair.problemProperty(), subjectProblem, days.problemProperty(), way);
    }

    private void updateSubject() {
        subjectProblem.set(subject().problem().map(t -> t.render(text.locale())).orElse(""));
    }

    private void setCsrDefault() {
        String name = pair.nameProperty().get();
        String n = Placement.nameProblem(name).isPresent() ? "client" : name;
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

    Subject subject() {
        return new Subject(commonName.get(), organization.get(), unit.get());
    }

    /** The operation the user chose, with what they chose, to run on a worker thread. */
    public ApplyViewModel.Planner planner() {
        ClientSpec spec = new ClientSpec(target.hostDir(), pair.value(), key.get(), subject(),
                days.value().orElse(ClientSpec.DEFAULT_DAYS), pair.overwriteProperty().get());
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

    /** The pair's name in the host directory, its place in load order, Overwrite. */
    public PairName pair() {
        return pair;
    }

    /** How many days the certificate is valid (not asked on the request way: the CA decides). */
    public ValidityDays days() {
        return days;
    }

    public ObjectProperty<Way> wayProperty() {
        return way;
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

    /** Where the request goes (the CSR way). */
    public StringProperty csrFileProperty() {
        return csrFile;
    }

    public ReadOnlyStringProperty subjectProblemProperty() {
        return subjectProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty csrProblemProperty() {
        return csrProblem.getReadOnlyProperty();
    }

    public BooleanBinding detailsComplete() {
        return detailsComplete;
    }

    public BooleanBinding csrComplete() {
        return Bindings.createBooleanBinding(() -> csrProblem.get().isEmpty(), csrProblem);
    }
}
