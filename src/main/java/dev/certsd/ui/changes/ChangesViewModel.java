package dev.certsd.ui.changes;

import dev.certsd.files.PrivilegedRunner;
import dev.certsd.files.ChangeSet;
import dev.certsd.files.FileChanges;
import dev.certsd.files.JournalEntry;
import dev.certsd.files.Outcome;
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
    /** Counts journal reads; touched on the UI thread only. */
    private long reads;

    private record AdministratorOutcome(PrivilegedRunner.Result ended, ChangeResult settled) {
    }

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
        return history;
    }

    /** Reads the journal again (another window or the command line may have changed it). */
    public void refresh() {
        long mine = ++reads;
        background.run(text.get("changes.reading"), () -> {
            List<JournalEntry> all = changes.history();
            return new Snapshot(all, changes.nextUndo(), changes.nextRedo());
        }, s -> {
            if (mine == reads) { // an earlier read finishing late never hides a later change
                show(s);
            }
        }, e -> show(new Snapshot(List.of(), Optional.empty(), Optional.empty())));
        // a journal that cannot be read offers nothing to undo; applying says why (change.journalError)
    }

    public void apply(ChangeSet cs, Consumer<ChangeResult> done) {
        run(ChangeResult.Action.APPLY, () -> changes.apply(cs), done);
    }

    public void undo(Consumer<ChangeResult> done) {
        run(ChangeResult.Action.UNDO, changes::undo, done);
    }

    public void redo(Consumer<ChangeResult> done) {
        run(ChangeResult.Action.REDO, changes::redo, done);
    }

    /**
     * Applies a prepared change through {@code pkexec} and our helper, then settles the journal: done when the files
     * show it done. The prompt may be dismissed; nothing changes then.
     */
    public void applyAsAdministrator(ChangeResult pending, Consumer<ChangeResult> done) {
        background.run(text.get("changes.administrator"), () -> {
            PrivilegedRunner.Result ended = administrator.run(pending.prepared());
            return new AdministratorOutcome(ended, settled(pending));
        }, r -> {
            if (r.settled().kind() == ChangeResult.Kind.DONE) {
                finish(r.settled(), done);
                return;
            }
            int code = r.ended().exitCode();
            String why = r.ended().timedOut() ? text.get("change.administrator.timedOut")
                    : code == 126 || code == 127 ? text.get("change.administrator.dismissed")
                    : code == 0 ? text.get("change.administrator.notSeen")
                    : text.fmt("change.administrator.failed", code, r.ended().output());
            finish(new ChangeResult(ChangeResult.Kind.FAILED, pending.action(), text.get("change."
                    + pending.action().name().toLowerCase(java.util.Locale.ROOT) + ".failed"), List.of(),
                    List.of(why), null, pending.entry(), List.of()), done);
        }, e -> finish(ChangeResult.ofError(e, pending.action(), text), done));
    }

    /** Whether the administrator action can be offered (pkexec is installed). */
    public boolean administratorAvailable() {
        return administrator.available();
    }

    /** After the user ran the script: whether the files now show the change done. */
    public void checkAdministratorDone(ChangeResult pending, Consumer<ChangeResult> done) {
        background.run(text.get("changes.reading"), () -> settled(pending), r -> finish(r, done),
                e -> finish(ChangeResult.ofError(e, pending.action(), text), done));
    }

    /** The pending result again, DONE once the journal entry reached the state the action aims at. */
    private ChangeResult settled(ChangeResult pending) throws java.io.IOException {
        changes.settle();
        JournalEntry.Status goal = pending.action() == ChangeResult.Action.UNDO ? JournalEntry.Status.UNDONE
                : JournalEntry.Status.APPLIED;
        Optional<JournalEntry> now = changes.history().stream().filter(e -> e.id() == pending.entry().id())
                .findFirst();
        if (now.isPresent() && now.get().status() == goal) {
            return new ChangeResult(ChangeResult.Kind.DONE, pending.action(), text.fmt("change."
                    + pending.action().name().toLowerCase(java.util.Locale.ROOT) + ".done",
                    ChangeLabels.of(now.get(), text)), pending.steps(), List.of(), null, now.get(), pending.ops());
        }
        return pending;
    }

    private void run(ChangeResult.Action action, Callable<Outcome> work, Consumer<ChangeResult> done) {
        background.run(text.get("changes.applying"), work, o -> finish(ChangeResult.of(o, action, text), done),
                e -> finish(ChangeResult.ofError(e, action, text), done));
    }

    private void finish(ChangeResult r, Consumer<ChangeResult> done) {
        if (r.kind() == ChangeResult.Kind.DONE) {
            changed.accept(r.paths());
        }
        refresh();
        done.accept(r);
    }

    private void show(Snapshot s) {
        undoText.set(s.undo().map(e -> text.fmt("action.undo.what", ChangeLabels.of(e, text)))
                .orElse(text.get("action.undo")));
        redoText.set(s.redo().map(e -> text.fmt("action.redo.what", ChangeLabels.of(e, text)))
                .orElse(text.get("action.redo")));
        canUndo.set(s.undo().isPresent());
        canRedo.set(s.redo().isPresent());
        List<HistoryRow> rows = new ArrayList<>();
        for (JournalEntry e : s.entries()) {
            rows.add(new HistoryRow(e.id(), dates.format(e.time()), ChangeLabels.of(e, text), e.status(),
                    text.get("history.status." + e.status().name()), ChangeResult.lines(e.forward(), text)));
        }
        Collections.reverse(rows);
        history.setAll(rows);
    }
}
