package dev.certsd.ui.wizard;

import dev.certsd.diagnose.ScanOptions;
import dev.certsd.roots.CertsRoot;
import dev.certsd.plan.HostTarget;
import dev.certsd.plan.RegistryInput;
import dev.certsd.ui.UiText;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Which registry host directory a wizard writes into: a root and the registry as typed in {@code docker pull},
 * checked as the user types; the directory name comes from the root's client and OS, with the warnings when that
 * client would not read it.
 */
public final class TargetModel {
    private final Function<CertsRoot, ScanOptions> options;
    private final UiText text;
    private final ObservableList<RootChoice> roots = FXCollections.observableArrayList();
    private final ObjectProperty<RootChoice> root = new SimpleObjectProperty<>();
    private final StringProperty registry = new SimpleStringProperty("");
    private final StringProperty folder = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper folderProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper directory = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<HostTarget> target = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final BooleanBinding complete = target.isNotNull();

    public TargetModel(List<RootChoice> choices, Function<CertsRoot, ScanOptions> options, UiText text) {
        this.options = options;
        this.text = text;
        roots.setAll(choices);
        root.set(choices.stream().filter(c -> !c.sample()).findFirst().orElse(choices.isEmpty() ? null
                : choices.get(0)));
        registry.addListener((o, a, b) -> update());
        root.addListener((o, a, b) -> update());
        folder.addListener((o, a, b) -> folderProblem.set(shownFolderProblem()));
        folderProblem.set(shownFolderProblem());
        update();
    }

    /** Starts on a host directory the user selected in the tree. */
    public void preselect(CertsRoot r, String typedRegistry) {
        roots.stream().filter(c -> c.root().path().equals(r.path())).findFirst().ifPresent(root::set);
        registry.set(typedRegistry);
    }

    /** Adds the folder typed in {@link #folderProperty()} as a root and chooses it. */
    public boolean addFolder() {
        if (folderProblemNow().isPresent()) {
            return false;
        }
        RootChoice c = RootChoice.folder(Path.of(folder.get().strip()).toAbsolutePath().normalize(), text);
        roots.add(c);
        root.set(c);
        folder.set("");
        return true;
    }

    /** An empty field is no problem to show: the Add button is simply off. */
    private String shownFolderProblem() {
        return folder.get().isBlank() ? "" : folderProblemNow().orElse("");
    }

    private Optional<String> folderProblemNow() {
        return RootChoice.folderProblem(folder.get(), roots, text);
    }

    private void update() {
        RegistryInput in = RegistryInput.parse(registry.get());
        notes.clear();
        warnings.clear();
        if (in instanceof RegistryInput.Invalid bad) {
            problem.set(bad.problem().render(text.locale()));
            target.set(null);
            directory.set("");
            return;
        }
        RegistryInput.Valid ok = (RegistryInput.Valid) in;
        problem.set("");
        notes.setAll(ok.notes().stream().map(t -> t.render(text.locale())).toList());
        RootChoice r = root.get();
        if (r == null) {
            problem.set(text.get("wizard.target.noRoot"));
            target.set(null);
            directory.set("");
            return;
        }
        ScanOptions o = options.apply(r.root());
        HostTarget t = HostTarget.of(ok, r.root(), o.os(), o.insecure());
        warnings.setAll(t.warnings().stream().map(w -> w.render(text.locale())).toList());
        directory.set(text.fmt(t.exists() ? "wizard.target.exists" : "wizard.target.new", t.path()));
        target.set(t);
    }

    public ObservableList<RootChoice> roots() {
        return roots;
    }

    public ObjectProperty<RootChoice> rootProperty() {
        return root;
    }

    /** The registry as typed in {@code docker pull}. */
    public StringProperty registryProperty() {
        return registry;
    }

    /** A folder to add as a root, typed or chosen. */
    public StringProperty folderProperty() {
        return folder;
    }

    /** Why the registry typed is not one, in the user's language; empty when it is. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty folderProblemProperty() {
        return folderProblem.getReadOnlyProperty();
    }

    /** "Directory: /…/reg:5000 (exists)" or "(will be created)". */
    public ReadOnlyStringProperty directoryProperty() {
        return directory.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<HostTarget> targetProperty() {
        return target.getReadOnlyProperty();
    }

    /** The host directory, or null while the registry typed is not valid. */
    public Path hostDir() {
        return target.get() == null ? null : target.get().path();
    }

    /** The registry as parsed, or null. */
    public RegistryInput.Valid registry() {
        return RegistryInput.parse(registry.get()) instanceof RegistryInput.Valid v ? v : null;
    }

    /** What was stripped from the registry typed (scheme, path, :443). */
    public ObservableList<String> notes() {
        return notes;
    }

    /** Docker ignoring certs.d for this registry, Desktop's restart, Windows' colon. */
    public ObservableList<String> warnings() {
        return warnings;
    }

    public BooleanBinding completeProperty() {
        return complete;
    }

    /** Whether the folder typed could be added now. */
    public BooleanBinding folderAddable() {
        return Bindings.createBooleanBinding(() -> folderProblemNow().isEmpty(), folder, roots);
    }
}
