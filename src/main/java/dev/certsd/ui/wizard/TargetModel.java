package dev.certsd.ui.wizard;

import dev.certsd.diagnose.ScanOptions;
import dev.certsd.roots.CertsRoot;
import dev.certsd.plan.HostTarget;
import dev.certsd.plan.RegistryInput;
import dev.certsd.ui.UiText;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
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
    private final ObservableList<RootChoice> rootsReadOnly = FXCollections.unmodifiableObservableList(roots);
    private final ObjectProperty<RootChoice> root = new SimpleObjectProperty<>();
    private final RegistryEntry registry;
    private final FolderEntry folder;
    private final TargetDirectory directory;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<HostTarget> target = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding complete = target.isNotNull();

    public TargetModel(List<RootChoice> choices, Function<CertsRoot, ScanOptions> options, UiText text) {
        this.options = options;
        this.text = text;
        this.registry = new RegistryEntry(text);
        this.folder = new FolderEntry(text, () -> roots, roots);
        this.directory = new TargetDirectory(text);
        roots.setAll(choices);
        root.set(choices.stream().filter(c -> !c.sample()).findFirst().orElse(choices.isEmpty() ? null
                : choices.get(0)));
        registry.typedProperty().addListener((o, a, b) -> update());
        root.addListener((o, a, b) -> update());
        update();
    }

    /** Starts on a host directory the user selected in the tree. */
    public void preselect(CertsRoot r, String typedRegistry) {
        roots.stream().filter(c -> c.root().path().equals(r.path())).findFirst().ifPresent(root::set);
        registry.typedProperty().set(typedRegistry);
    }

    /** Offers a root the list does not hold yet (one the wizard before made, or the user added). */
    public void offer(RootChoice choice) {
        if (roots.stream().noneMatch(c -> c.path().equals(choice.path()))) {
            roots.add(choice);
        }
    }

    /** Adds the folder typed in {@link #folder()} as a root and chooses it. */
    public boolean addFolder() {
        return folder.take().map(c -> {
            roots.add(c);
            root.set(c);
            return c;
        }).isPresent();
    }

    private void update() {
        RootChoice r = root.get();
        HostTarget t = registry.parsed() == null || r == null ? null : registry.targetIn(r.root(), options);
        problem.set(registry.parsed() == null ? registry.problemProperty().get()
                : r == null ? text.get("wizard.target.noRoot") : "");
        directory.show(t);
        target.set(t);
    }

    public ObservableList<RootChoice> roots() {
        return rootsReadOnly;
    }

    public ObjectProperty<RootChoice> rootProperty() {
        return root;
    }

    /** The registry as typed in {@code docker pull}. */
    public StringProperty registryProperty() {
        return registry.typedProperty();
    }

    /** A folder to add as a root, typed or chosen. */
    public FolderEntry folder() {
        return folder;
    }

    /** Why the registry typed is not one (or no root is chosen), in the user's language; empty when it is. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The host directory in words, with the warnings when the root's client would not read it. */
    public TargetDirectory directory() {
        return directory;
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
        return registry.parsed();
    }

    /** What was stripped from the registry typed (scheme, path, :443). */
    public ObservableList<String> notes() {
        return registry.notes();
    }

    public BooleanBinding completeProperty() {
        return complete;
    }
}
