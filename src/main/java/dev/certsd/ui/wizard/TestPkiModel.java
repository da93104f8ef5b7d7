package dev.certsd.ui.wizard;

import dev.certsd.certs.KeySpec;
import dev.certsd.plan.Placement;
import dev.certsd.certs.PkiException;
import dev.certsd.pki.RegistryTestPki;
import dev.certsd.certs.Subject;
import dev.certsd.pki.TestPkiSpec;
import dev.certsd.ui.UiText;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "Test PKI for my own registry": the registry (its host directory takes the client side), the server
 * certificate's extra names, the folder for the server side, and the client certificate; each checked as typed.
 */
public final class TestPkiModel {
    private final TargetModel target;
    private final UiText text;
    private final Clock clock;
    private final StringProperty sans = new SimpleStringProperty("");
    private final StringProperty serverOut = new SimpleStringProperty(
            Path.of(System.getProperty("user.home"), "registry-test-pki").toString());
    private final StringProperty clientName = new SimpleStringProperty("client");
    private final StringProperty commonName = new SimpleStringProperty(System.getProperty("user.name", "client"));
    private final ObjectProperty<KeySpec> key = new SimpleObjectProperty<>(KeySpec.DEFAULT);
    private final StringProperty days = new SimpleStringProperty("365");
    private final StringProperty storage = new SimpleStringProperty(TestPkiSpec.DEFAULT_STORAGE.toString());
    private final BooleanProperty overwrite = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper sansProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sansSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper serverOutProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper nameProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper cnProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper daysProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper storageProblem = new ReadOnlyStringWrapper("");
    private final BooleanBinding serverComplete;
    private final BooleanBinding clientComplete;

    public TestPkiModel(TargetModel target, UiText text, Clock clock) {
        this.target = target;
        this.text = text;
        this.clock = clock;
        sans.addListener((o, a, b) -> updateSans());
        target.targetProperty().addListener((o, a, b) -> {
            updateSans();
            updateName();
        });
        serverOut.addListener((o, a, b) -> serverOutProblem.set(folderProblem(serverOut.get()).orElse("")));
        clientName.addListener((o, a, b) -> updateName());
        overwrite.addListener((o, a, b) -> updateName());
        commonName.addListener((o, a, b) -> cnProblem.set(Subject.cn(commonName.get()).problem()
                .map(t -> t.render(text.locale())).orElse("")));
        days.addListener((o, a, b) -> daysProblem.set(daysValue().isPresent() ? ""
                : text.fmt("wizard.client.days", ClientWizardModel.MAX_DAYS)));
        storage.addListener((o, a, b) -> storageProblem.set(absolute(storage.get()) == null
                ? text.fmt("wizard.folder.relative", storage.get()) : ""));
        updateSans();
        updateName();
        serverComplete = Bindings.createBooleanBinding(() -> target.completeProperty().get()
                && sansProblem.get().isEmpty() && serverOutProblem.get().isEmpty(), target.completeProperty(),
                sansProblem, serverOutProblem);
        clientComplete = Bindings.createBooleanBinding(() -> nameProblem.get().isEmpty() && cnProblem.get().isEmpty()
                && daysProblem.get().isEmpty() && storageProblem.get().isEmpty(), nameProblem, cnProblem, daysProblem,
                storageProblem);
    }

    List<String> sanList() {
        return Arrays.stream(sans.get().split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    private void updateSans() {
        for (String s : sanList()) {
            Optional<String> p = RegistryTestPki.sanProblem(s).map(t -> t.render(text.locale()));
            if (p.isPresent()) {
                sansProblem.set(p.get());
                sansSummary.set("");
                return;
            }
        }
        sansProblem.set("");
        if (target.registry() == null) {
            sansSummary.set("");
            return;
        }
        Set<String> all = new LinkedHashSet<>();
        all.add(target.registry().hostDir().host());
        // as the engine writes them: IPv6 without its brackets
        sanList().forEach(s -> all.add(s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s));
        sansSummary.set(text.fmt("wizard.testpki.sans.summary", String.join(", ", all)));
    }

    void updateName() {
        Optional<String> p = Placement.nameProblem(clientName.get()).map(t -> t.render(text.locale()));
        if (p.isPresent() || target.hostDir() == null) {
            nameProblem.set(p.orElse(""));
            return;
        }
        try {
            Placement pl = Placement.of(target.hostDir(), clientName.get());
            nameProblem.set(pl.existing().isEmpty() || overwrite.get() ? ""
                    : text.fmt("wizard.client.exists", String.join(", ", pl.existing())));
        } catch (PkiException e) {
            nameProblem.set(e.text().render(text.locale()));
        }
    }

    private Optional<String> folderProblem(String s) {
        Path p = absolute(s);
        if (p == null) {
            return Optional.of(s.isBlank() ? text.get("wizard.folder.empty") : text.fmt("wizard.folder.relative", s));
        }
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p)) {
            return Optional.of(text.fmt("wizard.folder.notFolder", s));
        }
        return Optional.empty();
    }

    private static Path absolute(String s) {
        try {
            Path p = Path.of(s.strip());
            return !s.isBlank() && p.isAbsolute() ? p.normalize() : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private Optional<Integer> daysValue() {
        try {
            int d = Integer.parseInt(days.get().strip());
            return d >= 1 && d <= ClientWizardModel.MAX_DAYS ? Optional.of(d) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public ApplyViewModel.Planner planner() {
        TestPkiSpec spec = new TestPkiSpec(target.registry(), sanList(), target.hostDir(), absolute(serverOut.get()),
                clientName.get().strip(), Subject.cn(commonName.get()), key.get(), daysValue().orElse(365),
                absolute(storage.get()), overwrite.get());
        return (cancel, progress) -> Optional.of(new RegistryTestPki(clock).plan(spec, cancel, progress));
    }

    /** The server-side files of the folder chosen (config.yml and nginx.conf are shown as snippets). */
    public RegistryTestPki.ServerFiles serverFiles() {
        Path out = absolute(serverOut.get());
        return RegistryTestPki.serverFiles(out == null ? Path.of(System.getProperty("user.home")) : out);
    }

    public TargetModel target() {
        return target;
    }

    /** Further names and addresses of the server, separated by commas or spaces. */
    public StringProperty sansProperty() {
        return sans;
    }

    public StringProperty serverOutProperty() {
        return serverOut;
    }

    public StringProperty clientNameProperty() {
        return clientName;
    }

    public StringProperty commonNameProperty() {
        return commonName;
    }

    public ObjectProperty<KeySpec> keyProperty() {
        return key;
    }

    public StringProperty daysProperty() {
        return days;
    }

    public StringProperty storageProperty() {
        return storage;
    }

    /** Replace files of the test PKI that exist already: the user's explicit choice. */
    public BooleanProperty overwriteProperty() {
        return overwrite;
    }

    public ReadOnlyStringProperty sansProblemProperty() {
        return sansProblem.getReadOnlyProperty();
    }

    /** "The server certificate will be valid for: …". */
    public ReadOnlyStringProperty sansSummaryProperty() {
        return sansSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty serverOutProblemProperty() {
        return serverOutProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nameProblemProperty() {
        return nameProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cnProblemProperty() {
        return cnProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty daysProblemProperty() {
        return daysProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty storageProblemProperty() {
        return storageProblem.getReadOnlyProperty();
    }

    public BooleanBinding serverComplete() {
        return serverComplete;
    }

    public BooleanBinding clientComplete() {
        return clientComplete;
    }
}
