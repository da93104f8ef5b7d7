package dev.certsd.ui.wizard.testpki;

import dev.certsd.certs.KeySpec;
import dev.certsd.plan.Placement;
import dev.certsd.certs.PkiException;
import dev.certsd.pki.ClientSpec;
import dev.certsd.pki.RegistryTestPki;
import dev.certsd.certs.Subject;
import dev.certsd.pki.TestPkiSpec;
import dev.certsd.ui.UiText;
import dev.certsd.ui.wizard.ApplyViewModel;
import dev.certsd.ui.wizard.PairName;
import dev.certsd.ui.wizard.TargetModel;
import dev.certsd.ui.wizard.ValidityDays;
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
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
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
    private final PairName pair;
    private final StringProperty commonName = new SimpleStringProperty(System.getProperty("user.name", "client"));
    private final ObjectProperty<KeySpec> key = new SimpleObjectProperty<>(KeySpec.DEFAULT);
    private final ValidityDays days;
    private final StringProperty storage = new SimpleStringProperty(TestPkiSpec.DEFAULT_STORAGE.toString());
    private final ReadOnlyStringWrapper sansProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sansSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper serverOutProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper cnProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper storageProblem = new ReadOnlyStringWrapper("");
    private final BooleanBinding serverComplete;
    private final BooleanBinding clientComplete;

    public TestPkiModel(TargetModel target, UiText text, Clock clock) {
        this.target = target;
        this.text = text;
        this.clock = clock;
        this.pair = new PairName(text, "client", target::hostDir, () -> "");
        this.days = new ValidityDays(text, ClientSpec.DEFAULT_DAYS);
        sans.addListener((o, a, b) -> updateSans());
        target.targetProperty().addListener((o, a, b) -> {
            updateSans();
            pair.check();
        });
        serverOut.addListener((o, a, b) -> serverOutProblem.set(folderProblem(serverOut.get()).orElse("")));
        commonName.addListener((o, a, b) -> cnProblem.set(Subject.cn(commonName.get()).problem()
                .map(t -> t.render(text.locale())).orElse("")));
        storage.addListener((o, a, b) -> storageProblem.set(absolute(storage.get()) == null
                ? text.fmt("wizard.folder.relative", storage.get()) : ""));
        updateSans();
        serverComplete = Bindings.createBooleanBinding(() -> target.completeProperty().get()
                && sansProblem.get().isEmpty() && serverOutProblem.get().isEmpty(), target.completeProperty(),
                sansProblem, serverOutProblem);
        clientComplete = Bindings.createBooleanBinding(() -> pair.problemProperty().get().isEmpty()
                && cnProblem.get().isEmpty() && days.problemProperty().get().isEmpty()
                && storageProblem.get().isEmpty(), pair.problemProperty(), cnProblem, days.problemProperty(),
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

    public ApplyViewModel.Planner planner() {
        TestPkiSpec spec = new TestPkiSpec(target.registry(), sanList(), target.hostDir(), absolute(serverOut.get()),
                pair.value(), Subject.cn(commonName.get()), key.get(), days.value().orElse(ClientSpec.DEFAULT_DAYS),
                absolute(storage.get()), pair.overwriteProperty().get());
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

    /** The client pair's name; its Overwrite replaces files of the test PKI that exist already. */
    public PairName pair() {
        return pair;
    }

    /** How many days the certificates are valid. */
    public ValidityDays days() {
        return days;
    }

    public StringProperty commonNameProperty() {
        return commonName;
    }

    public ObjectProperty<KeySpec> keyProperty() {
        return key;
    }

    public StringProperty storageProperty() {
        return storage;
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

    public ReadOnlyStringProperty cnProblemProperty() {
        return cnProblem.getReadOnlyProperty();
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
