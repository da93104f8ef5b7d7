package dev.certsd.ui.wizard;

import dev.certsd.diagnose.ScanOptions;
import dev.certsd.plan.HostTarget;
import dev.certsd.plan.RegistryInput;
import dev.certsd.roots.CertsRoot;
import dev.certsd.ui.UiText;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The registry as typed in {@code docker pull}, parsed as the user types: the wizards' one registry parser. A
 * listener added to {@link #typedProperty()} after this is made sees the new parse.
 */
public final class RegistryEntry {
    private final UiText text;
    private final StringProperty typed = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final ObservableList<String> notesReadOnly = FXCollections.unmodifiableObservableList(notes);
    private RegistryInput.Valid parsed;

    public RegistryEntry(UiText text) {
        this.text = text;
        typed.addListener((o, a, b) -> parse());
        parse();
    }

    private void parse() {
        RegistryInput in = RegistryInput.parse(typed.get());
        if (in instanceof RegistryInput.Invalid bad) {
            parsed = null;
            problem.set(bad.problem().render(text.locale()));
            notes.clear();
        } else {
            parsed = (RegistryInput.Valid) in;
            problem.set("");
            notes.setAll(parsed.notes().stream().map(t -> t.render(text.locale())).toList());
        }
    }

    /** The registry as parsed, or null while what was typed is not one. */
    public RegistryInput.Valid parsed() {
        return parsed;
    }

    /** The host directory of the registry in {@code root}, named for the root's client and OS; null while invalid. */
    public HostTarget targetIn(CertsRoot root, Function<CertsRoot, ScanOptions> options) {
        if (parsed == null) {
            return null;
        }
        ScanOptions o = options.apply(root);
        return HostTarget.of(parsed, root, o.os(), o.insecure());
    }

    /** The registry as typed in {@code docker pull}. */
    public StringProperty typedProperty() {
        return typed;
    }

    /** Why the text typed is not a registry, in the user's language; empty when it is. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What was stripped from what was typed (scheme, path, :443), and why. */
    public ObservableList<String> notes() {
        return notesReadOnly;
    }
}
