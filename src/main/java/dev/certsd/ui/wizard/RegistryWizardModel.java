package dev.certsd.ui.wizard;

import dev.certsd.diagnose.ScanOptions;
import dev.certsd.roots.CertsRoot;
import dev.certsd.plan.HostTarget;
import dev.certsd.plan.NewHostDirectory;
import dev.certsd.plan.RegistryInput;
import dev.certsd.ui.UiText;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The new-registry wizard: the registry as typed in {@code docker pull}, checked as the user types; the roots to
 * write into, each with the exact directory name its client looks for and the warnings when it would not read it.
 */
public final class RegistryWizardModel {
    /** One root the directory may go into. */
    public static final class Row {
        private final RootChoice choice;
        private final BooleanProperty chosen = new SimpleBooleanProperty();
        private final ReadOnlyStringWrapper directory = new ReadOnlyStringWrapper("");
        private final ObservableList<String> warnings = FXCollections.observableArrayList();
        private HostTarget target;

        Row(RootChoice choice, boolean chosen) {
            this.choice = choice;
            this.chosen.set(chosen);
        }

        public RootChoice choice() {
            return choice;
        }

        public BooleanProperty chosenProperty() {
            return chosen;
        }

        /** The directory's full path and whether it exists, or empty while the registry typed is not valid. */
        public ReadOnlyStringProperty directoryProperty() {
            return directory.getReadOnlyProperty();
        }

        public ObservableList<String> warnings() {
            return warnings;
        }

        public HostTarget target() {
            return target;
        }
    }

    private final Function<CertsRoot, ScanOptions> options;
    private final UiText text;
    private final StringProperty registry = new SimpleStringProperty("");
    private final StringProperty folder = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper folderProblem = new ReadOnlyStringWrapper("");
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final ObservableList<Row> rows = FXCollections.observableArrayList(
            r -> new Observable[] {r.chosenProperty()});
    private final BooleanBinding complete;

    public RegistryWizardModel(List<RootChoice> roots, Function<CertsRoot, ScanOptions> options, UiText text) {
        this.options = options;
        this.text = text;
        boolean first = true;
        for (RootChoice c : roots) {
            rows.add(new Row(c, first && !c.sample()));
            first = first && c.sample();
        }
        registry.addListener((o, a, b) -> update());
        folder.addListener((o, a, b) -> folderProblem.set(folder.get().isBlank() ? ""
                : RootChoice.folderProblem(folder.get(), choices(), text).orElse("")));
        complete = Bindings.createBooleanBinding(() -> problem.get().isEmpty() && registry() != null
                && rows.stream().anyMatch(r -> r.chosen.get()), problem, rows, registry);
        update();
    }

    /** Chooses only {@code root} (the one selected in the tree). */
    public void preselect(CertsRoot root) {
        rows.forEach(r -> r.chosen.set(r.choice.root().path().equals(root.path())));
    }

    /** Adds the folder typed as a root, chosen. */
    public boolean addFolder() {
        if (RootChoice.folderProblem(folder.get(), choices(), text).isPresent()) {
            return false;
        }
        Row r = new Row(RootChoice.folder(Path.of(folder.get().strip()).toAbsolutePath().normalize(), text), true);
        rows.add(r);
        folder.set("");
        update();
        return true;
    }

    public BooleanBinding folderAddable() {
        return Bindings.createBooleanBinding(() -> RootChoice.folderProblem(folder.get(), choices(), text).isEmpty(),
                folder, rows);
    }

    private List<RootChoice> choices() {
        return rows.stream().map(Row::choice).toList();
    }

    private void update() {
        RegistryInput in = RegistryInput.parse(registry.get());
        if (in instanceof RegistryInput.Invalid bad) {
            problem.set(bad.problem().render(text.locale()));
            notes.clear();
            rows.forEach(r -> {
                r.target = null;
                r.directory.set("");
                r.warnings.clear();
            });
            return;
        }
        RegistryInput.Valid ok = (RegistryInput.Valid) in;
        problem.set("");
        notes.setAll(ok.notes().stream().map(t -> t.render(text.locale())).toList());
        for (Row r : rows) {
            ScanOptions o = options.apply(r.choice.root());
            r.target = HostTarget.of(ok, r.choice.root(), o.os(), o.insecure());
            r.directory.set(text.fmt(r.target.exists() ? "wizard.target.exists" : "wizard.target.new",
                    r.target.path()));
            r.warnings.setAll(r.target.warnings().stream().map(w -> w.render(text.locale())).toList());
        }
    }

    /** The change that makes the missing directories in the chosen roots; empty when all exist. */
    public ApplyViewModel.Planner planner() {
        RegistryInput.Valid ok = registry();
        List<HostTarget> targets = rows.stream().filter(r -> r.chosen.get() && r.target != null)
                .map(r -> r.target).toList();
        return (cancel, progress) -> NewHostDirectory.plan(ok, targets);
    }

    /** The first chosen root and the registry: where the next wizard starts. */
    public Optional<RootChoice> firstChosen() {
        return rows.stream().filter(r -> r.chosen.get()).map(Row::choice).findFirst();
    }

    /** The registry as parsed, or null while it is not one. */
    public RegistryInput.Valid registry() {
        return RegistryInput.parse(registry.get()) instanceof RegistryInput.Valid v ? v : null;
    }

    public StringProperty registryProperty() {
        return registry;
    }

    public StringProperty folderProperty() {
        return folder;
    }

    /** Why the text typed is not a registry, in the user's language; empty when it is. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty folderProblemProperty() {
        return folderProblem.getReadOnlyProperty();
    }

    /** What was stripped from what was typed (scheme, path, :443), and why. */
    public ObservableList<String> notes() {
        return notes;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public BooleanBinding completeProperty() {
        return complete;
    }
}
