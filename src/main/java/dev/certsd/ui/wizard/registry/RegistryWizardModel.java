package dev.certsd.ui.wizard.registry;

import dev.certsd.diagnose.ScanOptions;
import dev.certsd.plan.HostTarget;
import dev.certsd.plan.NewHostDirectory;
import dev.certsd.plan.RegistryInput;
import dev.certsd.roots.CertsRoot;
import dev.certsd.ui.UiText;
import dev.certsd.ui.wizard.ApplyViewModel;
import dev.certsd.ui.wizard.FolderEntry;
import dev.certsd.ui.wizard.RegistryEntry;
import dev.certsd.ui.wizard.RootChoice;
import dev.certsd.ui.wizard.TargetDirectory;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
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
        private final TargetDirectory directory;

        Row(RootChoice choice, boolean chosen, UiText text) {
            this.choice = choice;
            this.chosen.set(chosen);
            this.directory = new TargetDirectory(text);
        }

        public RootChoice choice() {
            return choice;
        }

        public BooleanProperty chosenProperty() {
            return chosen;
        }

        /** The directory's full path and whether it exists, with the warnings; empty while the registry is not valid. */
        public TargetDirectory directory() {
            return directory;
        }

        public HostTarget target() {
            return directory.target();
        }
    }

    private final Function<CertsRoot, ScanOptions> options;
    private final UiText text;
    private final RegistryEntry registry;
    private final ObservableList<Row> rows = FXCollections.observableArrayList(
            r -> new Observable[] {r.chosenProperty()});
    private final ObservableList<Row> rowsReadOnly = FXCollections.unmodifiableObservableList(rows);
    private final FolderEntry folder;
    private final BooleanBinding complete;

    public RegistryWizardModel(List<RootChoice> roots, Function<CertsRoot, ScanOptions> options, UiText text) {
        this.options = options;
        this.text = text;
        this.registry = new RegistryEntry(text);
        this.folder = new FolderEntry(text, () -> rows.stream().map(Row::choice).toList(), rows);
        boolean first = true;
        for (RootChoice c : roots) {
            rows.add(new Row(c, first && !c.sample(), text));
            first = first && c.sample();
        }
        registry.typedProperty().addListener((o, a, b) -> update());
        complete = Bindings.createBooleanBinding(() -> registry.parsed() != null
                && rows.stream().anyMatch(r -> r.chosen.get()), registry.problemProperty(), rows,
                registry.typedProperty());
        update();
    }

    /** Chooses only {@code root} (the one selected in the tree). */
    public void preselect(CertsRoot root) {
        rows.forEach(r -> r.chosen.set(r.choice.root().path().equals(root.path())));
    }

    /** Adds the folder typed as a root, chosen. */
    public boolean addFolder() {
        Optional<RootChoice> c = folder.take();
        c.ifPresent(choice -> {
            rows.add(new Row(choice, true, text));
            update();
        });
        return c.isPresent();
    }

    private void update() {
        rows.forEach(r -> r.directory.show(registry.targetIn(r.choice.root(), options)));
    }

    /** The change that makes the missing directories in the chosen roots; empty when all exist. */
    public ApplyViewModel.Planner planner() {
        RegistryInput.Valid ok = registry();
        List<HostTarget> targets = rows.stream().filter(r -> r.chosen.get() && r.target() != null)
                .map(Row::target).toList();
        return (cancel, progress) -> NewHostDirectory.plan(ok, targets);
    }

    /** The first chosen root and the registry: where the next wizard starts. */
    public Optional<RootChoice> firstChosen() {
        return rows.stream().filter(r -> r.chosen.get()).map(Row::choice).findFirst();
    }

    /** The registry as parsed, or null while it is not one. */
    public RegistryInput.Valid registry() {
        return registry.parsed();
    }

    public StringProperty registryProperty() {
        return registry.typedProperty();
    }

    /** A folder to add as a root, typed or chosen. */
    public FolderEntry folder() {
        return folder;
    }

    /** Why the text typed is not a registry, in the user's language; empty when it is. */
    public ReadOnlyStringProperty problemProperty() {
        return registry.problemProperty();
    }

    /** What was stripped from what was typed (scheme, path, :443), and why. */
    public ObservableList<String> notes() {
        return registry.notes();
    }

    public ObservableList<Row> rows() {
        return rowsReadOnly;
    }

    public BooleanBinding completeProperty() {
        return complete;
    }
}
