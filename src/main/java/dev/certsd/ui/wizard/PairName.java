package dev.certsd.ui.wizard;

import dev.certsd.certs.PkiException;
import dev.certsd.plan.Placement;
import dev.certsd.ui.UiText;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A client pair's name in a host directory, checked as the user types: a name the clients accept, its place in load
 * order, and whether a pair of that name exists there (then Overwrite, the user's explicit choice, is needed).
 */
public final class PairName {
    private final UiText text;
    private final Supplier<Path> hostDir;
    private final Supplier<String> noDirectory;
    private final StringProperty name;
    private final BooleanProperty overwrite = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper pairExists = new ReadOnlyBooleanWrapper();
    private final ObservableList<String> placement = FXCollections.observableArrayList();
    private final ObservableList<String> placementReadOnly = FXCollections.unmodifiableObservableList(placement);

    /**
     * @param hostDir     the directory the pair goes into, or null while there is none
     * @param noDirectory what to say when the name is fine but there is no directory ("" when that is no problem)
     */
    public PairName(UiText text, String initial, Supplier<Path> hostDir, Supplier<String> noDirectory) {
        this.text = text;
        this.hostDir = hostDir;
        this.noDirectory = noDirectory;
        this.name = new SimpleStringProperty(initial);
        name.addListener((o, a, b) -> check());
        overwrite.addListener((o, a, b) -> check());
        check();
    }

    /** Checks the name again (the directory may have changed, or files in it). */
    public void check() {
        placement.clear();
        pairExists.set(false);
        Optional<String> p = Placement.nameProblem(name.get()).map(t -> t.render(text.locale()));
        Path dir = hostDir.get();
        if (p.isPresent() || dir == null) {
            problem.set(p.orElseGet(noDirectory));
            return;
        }
        try {
            Placement pl = Placement.of(dir, name.get());
            placement.setAll(pl.notes().stream().map(t -> t.render(text.locale())).toList());
            pairExists.set(!pl.existing().isEmpty());
            problem.set(pl.existing().isEmpty() || overwrite.get() ? ""
                    : text.fmt("wizard.client.exists", String.join(", ", pl.existing())));
        } catch (PkiException e) {
            problem.set(e.text().render(text.locale()));
        }
    }

    /** The name as the plan takes it. */
    public String value() {
        return name.get().strip();
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** Replace an existing pair of that name: the user's explicit choice. */
    public BooleanProperty overwriteProperty() {
        return overwrite;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Whether a file of the pair exists already (the Overwrite box is shown then). */
    public ReadOnlyBooleanProperty pairExistsProperty() {
        return pairExists.getReadOnlyProperty();
    }

    /** The pair's position in load order and what it means, as the user types the name. */
    public ObservableList<String> placement() {
        return placementReadOnly;
    }
}
