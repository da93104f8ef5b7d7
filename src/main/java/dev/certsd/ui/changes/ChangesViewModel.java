package dev.certsd.ui.changes;

import dev.certsd.change.ChangeLabel;
import dev.certsd.change.ChangeReport;
import dev.certsd.change.ChangeRunner;
import dev.certsd.files.PrivilegedRunner;
import dev.certsd.files.ChangeSet;
import dev.certsd.files.FileChanges;
import dev.certsd.files.JournalEntry;
import dev.certsd.files.StepText;
import dev.certsd.ui.UiText;
import dev.certsd.ui.work.Background;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The window's side of the one {@link FileChanges} of the app: applies change sets, undoes and redoes them (off
 * the UI thread), says what Undo and Redo would do, lists the journal, and carries a prepared change through the
 * privilege prompt. Whatever changed on disk is handed to {@code changed}, which rescans it.
 */
public final class ChangesViewModel {
    private final FileChanges changes;
    private final ChangeRunner runner;
    private final PrivilegedRunner administrator;
    private final Background background;
    private final UiText text;
    private final Consumer<List<Path>> changed;
    private final DateTimeFormatter dates;
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final ObservableList<HistoryRow> history = FXCollections.observableArrayList();
    private final ObservableList<HistoryRow> historyView = FXCollections.unmodifiableObservableList(history);
    /** Counts journal reads; touched on the UI thread only. */
    private long reads;

    private record Snapshot(List<JournalEntry> entries, Optional<JournalEntry> undo, Optional<JournalEntry> redo) {
    }

    public ChangesViewModel(FileChanges changes, Background background, UiText text, Consumer<List<Path>> changed) {
        this(changes, background, text, changed, PrivilegedRunner.pkexec());
    }

    /** @param administrator the app's one way to run the helper as administrator */
    public ChangesViewModel(FileChanges changes, Background background, UiText text, Consumer<List<Path>> changed,
                            PrivilegedRunner administrator) {
        this.administrator = administrator;
        this.changes = changes;
        this.runner = new ChangeRunner(changes);
        this.background = background;
        this.text = text;
        this.changed = changed;
        this.dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(text.locale())
                .withZone(ZoneId.systemDefault());
        show(new Snapshot(List.of(), Optional.empty(), Optional.empty()));
    }

    public FileChanges changes() {
        return changes;
    }

    /** "Undo Rename ca.cert to ca.crt", or plain "Undo" when there is nothing to undo. */
    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** The journal, newest first. */
    public ObservableList<HistoryRow> history() {
        return historyView;
    }

    /** Reads the journal again (another window or the command line may have changed it). */
    public void refresh() {
        long mine = ++reads;
        background.run(text.get("changes.reading"), () -> {
            List<JournalEntry> all = runner.history();
            return new Snapshot(all, runner.nextUndo(), runner.nextRedo());
        }, s -> {
            if (mine == reads) { // an earlier read finishing late never hides a later change
                show(s);
            }
        }, e -> show(new Snapshot(List.of(), Optional.empty(), Optional.empty())));
        // a journal that cannot be read offers nothing to undo; applying says why (change.journalError)
    }

    public void apply(ChangeSet cs, Consumer<ChangeResult> done) {
        run(ChangeReport.Action.APPLY, () -> runner.apply(cs), done);
    }

    public void undo(Consumer<ChangeResult> done) {
        run(ChangeReport.Action.UNDO, runner::undo, done);
    }

    public void redo(Consumer<ChangeResult> done) {
        run(ChangeReport.Action.REDO, runner::redo, done);
    }

    /**
     * Applies a prepared change through {@code pkexec} and our helper, then settles the journal: done when the files
     * show it done. The prompt may be dismissed; nothing changes then.
     */
    public void applyAsAdministrator(ChangeResult pending, Consumer<ChangeResult> done) {
        background.run(text.get("changes.administrator"), () -> runner.elevate(pending.report(), administrator),
                r -> finish(r.done() ? ChangeResult.of(r.settled(), text)
                        : ChangeResult.failed(pending.report(), r.why().render(text.locale()), text), done),
                e -> finish(ChangeResult.ofError(e, pending.action(), text), done));
    }

    /** Whether the administrator action can be offered (pkexec is installed). */
    public boolean administratorAvailable() {
        return administrator.available();
    }

    /** After the user ran the script: the pending result again, or done once the files show the change. */
    public void checkAdministratorDone(ChangeResult pending, Consumer<ChangeResult> done) {
        background.run(text.get("changes.reading"), () -> runner.settle(pending.report()),
                r -> finish(r.done() ? ChangeResult.of(r, text) : pending, done),
                e -> finish(ChangeResult.ofError(e, pending.action(), text), done));
    }

    private void run(ChangeReport.Action action, Callable<ChangeReport> work, Consumer<ChangeResult> done) {
        background.run(text.get("changes.applying"), work, r -> finish(ChangeResult.of(r, text), done),
                e -> finish(ChangeResult.ofError(e, action, text), done));
    }

    private void finish(ChangeResult r, Consumer<ChangeResult> done) {
        if (r.kind() == ChangeReport.Kind.DONE) {
            changed.accept(r.paths());
        }
        refresh();
        done.accept(r);
    }

    private void show(Snapshot s) {
        undoText.set(s.undo().map(e -> text.fmt("action.undo.what", ChangeLabel.of(e, text.locale())))
                .orElse(text.get("action.undo")));
        redoText.set(s.redo().map(e -> text.fmt("action.redo.what", ChangeLabel.of(e, text.locale())))
                .orElse(text.get("action.redo")));
        canUndo.set(s.undo().isPresent());
        canRedo.set(s.redo().isPresent());
        List<HistoryRow> rows = new ArrayList<>();
        for (JournalEntry e : s.entries()) {
            rows.add(new HistoryRow(e.id(), dates.format(e.time()), ChangeLabel.of(e, text.locale()), e.status(),
                    text.get("history.status." + e.status().name()), ChangeResult.render(e.forward().stream().map(StepText::of).toList(), text.locale())));
        }
        Collections.reverse(rows);
        history.setAll(rows);
    }
}
