package dev.certsd.ui.wizard;

import dev.certsd.plan.HostTarget;
import dev.certsd.ui.UiText;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One root's host directory for the registry typed, in the user's words: its path and whether it exists, and the
 * warnings when the root's client would not read it (Docker ignoring certs.d, Desktop's restart, Windows' colon).
 */
public final class TargetDirectory {
    private final UiText text;
    private final ReadOnlyStringWrapper directory = new ReadOnlyStringWrapper("");
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ObservableList<String> warningsReadOnly = FXCollections.unmodifiableObservableList(warnings);
    private HostTarget target;

    public TargetDirectory(UiText text) {
        this.text = text;
    }

    /** Shows {@code t}; null clears (the registry typed is not valid, or no root is chosen). */
    public void show(HostTarget t) {
        target = t;
        if (t == null) {
            directory.set("");
            warnings.clear();
            return;
        }
        warnings.setAll(t.warnings().stream().map(w -> w.render(text.locale())).toList());
        directory.set(text.fmt(t.exists() ? "wizard.target.exists" : "wizard.target.new", t.path()));
    }

    /** The host directory shown, or null. */
    public HostTarget target() {
        return target;
    }

    /** "Directory: /…/reg:5000 (exists)" or "(will be created)"; empty while there is none. */
    public ReadOnlyStringProperty directoryProperty() {
        return directory.getReadOnlyProperty();
    }

    public ObservableList<String> warnings() {
        return warningsReadOnly;
    }
}
