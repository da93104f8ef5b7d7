package dev.certsd.ui.wizard;

import dev.certsd.ui.UiText;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** "Another certs.d folder": a folder typed or chosen, checked against the roots listed, added as a root. */
public final class FolderEntry {
    private final UiText text;
    private final Supplier<List<RootChoice>> listed;
    private final StringProperty folder = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final BooleanBinding addable;

    /**
     * @param listed  the roots offered already
     * @param changes what changes when they do
     */
    public FolderEntry(UiText text, Supplier<List<RootChoice>> listed, Observable changes) {
        this.text = text;
        this.listed = listed;
        // an empty field is no problem to show: the Add button is simply off
        folder.addListener((o, a, b) -> problem.set(folder.get().isBlank() ? "" : problemNow().orElse("")));
        addable = Bindings.createBooleanBinding(() -> problemNow().isEmpty(), folder, changes);
    }

    private Optional<String> problemNow() {
        return RootChoice.folderProblem(folder.get(), listed.get(), text);
    }

    /** The folder typed as a root to add, and the field emptied; empty when it cannot be added. */
    public Optional<RootChoice> take() {
        if (problemNow().isPresent()) {
            return Optional.empty();
        }
        RootChoice c = RootChoice.folder(Path.of(folder.get().strip()).toAbsolutePath().normalize(), text);
        folder.set("");
        return Optional.of(c);
    }

    /** A folder to add as a root, typed or chosen. */
    public StringProperty folderProperty() {
        return folder;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Whether the folder typed could be added now. */
    public BooleanBinding addable() {
        return addable;
    }
}
