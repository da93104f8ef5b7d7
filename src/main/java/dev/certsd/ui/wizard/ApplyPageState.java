package dev.certsd.ui.wizard;

import dev.certsd.files.FileOp;
import dev.certsd.plan.Planned;
import dev.certsd.ui.wizard.ApplyViewModel.State;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the apply page shows, read-only to the page: where it stands, the sentence, the plan's words and the
 * administrator's script. {@link ApplyViewModel} does the work and sets them; lists are read-only outside.
 */
abstract class ApplyPageState {
    final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    final ReadOnlyStringWrapper openssl = new ReadOnlyStringWrapper("");
    final ReadOnlyStringWrapper privilegeNote = new ReadOnlyStringWrapper("");
    final ReadOnlyStringWrapper scriptText = new ReadOnlyStringWrapper("");
    final ReadOnlyStringWrapper scriptCommand = new ReadOnlyStringWrapper("");
    final ReadOnlyObjectWrapper<Planned> planned = new ReadOnlyObjectWrapper<>();
    final BooleanProperty asAdministrator = new SimpleBooleanProperty();
    final ReadOnlyBooleanWrapper offerAdministrator = new ReadOnlyBooleanWrapper();
    final ObservableList<String> notes = FXCollections.observableArrayList();
    final ObservableList<String> steps = FXCollections.observableArrayList();
    final ObservableList<String> problems = FXCollections.observableArrayList();
    final ObservableList<String> certificates = FXCollections.observableArrayList();
    private final ObservableList<String> notesView = FXCollections.unmodifiableObservableList(notes);
    private final ObservableList<String> stepsView = FXCollections.unmodifiableObservableList(steps);
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ObservableList<String> certificatesView = FXCollections.unmodifiableObservableList(certificates);

    /** Shows nothing: no plan, no words, no script; idle. */
    void clearShown() {
        planned.set(null);
        offerAdministrator.set(false);
        asAdministrator.set(false);
        notes.clear();
        steps.clear();
        problems.clear();
        certificates.clear();
        openssl.set("");
        message.set("");
        privilegeNote.set("");
        scriptText.set("");
        scriptCommand.set("");
        progress.set(-1);
        progressText.set("");
        state.set(State.IDLE);
    }

    /** What the plan writes to {@code path}, for snippets shown with a copy button. */
    public Optional<String> written(Path path) {
        Planned p = planned.get();
        if (p == null) {
            return Optional.empty();
        }
        return p.changes().ops().stream().filter(op -> op instanceof FileOp.WriteFile w && w.path().equals(path))
                .map(op -> new String(((FileOp.WriteFile) op).content(), StandardCharsets.UTF_8)).findFirst();
    }

    /** The plan's words: notes, steps, problems, certificates, the openssl commands, what needs an administrator. */
    void showWords(PlanText words) {
        notes.setAll(words.notes());
        steps.setAll(words.steps());
        problems.setAll(words.problems());
        certificates.setAll(words.certificates());
        openssl.set(words.openssl());
        privilegeNote.set(words.privileged());
    }

    /**
     * Whether "write as administrator anyway" is worth offering for the plan shown: only when a directory it writes
     * in belongs to someone else ({@link dev.certsd.files.OwnedByAnother}); never for a folder of the user's own.
     */
    public javafx.beans.property.ReadOnlyBooleanProperty offerAdministratorProperty() {
        return offerAdministrator.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The sentence about where things stand: ready, done, refused, the error. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty opensslProperty() {
        return openssl.getReadOnlyProperty();
    }

    /** Which directories need administrator rights, or empty. */
    public ReadOnlyStringProperty privilegeNoteProperty() {
        return privilegeNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scriptTextProperty() {
        return scriptText.getReadOnlyProperty();
    }

    /** The command that runs the prepared script as root ({@code sudo sh /tmp/.../apply.sh}). */
    public ReadOnlyStringProperty scriptCommandProperty() {
        return scriptCommand.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Planned> plannedProperty() {
        return planned.getReadOnlyProperty();
    }

    /** The user's choice to prepare the change for an administrator even where they could write. */
    public BooleanProperty asAdministratorProperty() {
        return asAdministrator;
    }

    public ObservableList<String> notes() {
        return notesView;
    }

    public ObservableList<String> steps() {
        return stepsView;
    }

    public ObservableList<String> problems() {
        return problemsView;
    }

    public ObservableList<String> certificates() {
        return certificatesView;
    }
}
