package dev.certsd.ui.changes;

import dev.certsd.change.ChangeRunner;
import dev.certsd.change.Deletion;
import dev.certsd.change.Unplannable;
import dev.certsd.files.ChangeSet;
import dev.certsd.files.FileChanges;
import dev.certsd.files.Preview;
import dev.certsd.files.StepText;
import dev.certsd.fix.Fix;
import dev.certsd.fix.FixException;
import dev.certsd.ui.UiText;
import dev.certsd.ui.workspace.Node;
import dev.certsd.ui.work.Background;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What a change will do, before it is done: the choices (several fixes for one finding), the passphrase a
 * decryption needs, then the planned steps checked against the disk, with the problems that would refuse it and
 * whether an administrator must apply it. Planning and checking run off the UI thread.
 */
public final class ChangePreviewViewModel {
    /** Where the preview stands. */
    public enum State { NEEDS_PASSPHRASE, CHECKING, READY, REFUSED, UNPLANNABLE }

    /** Plans a change set; the passphrase is null for choices that need none. */
    @FunctionalInterface
    public interface Planner {
        ChangeSet plan(char[] passphrase) throws FixException, Unplannable;
    }

    /** One way to do it, named for the user. */
    public record Choice(String title, boolean needsPassphrase, Planner planner) {
    }

    private final String heading;
    private final String header;
    private final List<Choice> choices;
    private final ChangeRunner runner;
    private final Background background;
    private final UiText text;
    private final ObjectProperty<Choice> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> steps = FXCollections.observableArrayList();
    private final ObservableList<String> stepsView = FXCollections.unmodifiableObservableList(steps);
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ReadOnlyBooleanWrapper needsPrivilege = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private ChangeSet planned;
    /** Counts requests, so the answer to an earlier choice never overwrites the current one. */
    private long generation;

    /**
     * @param heading the window's title ("Fix")
     * @param header  what the user is asked to do ("Check what the fix will do, then apply it")
     */
    public ChangePreviewViewModel(String heading, String header, List<Choice> choices, FileChanges changes,
                              Background background, UiText text) {
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("nothing to preview");
        }
        this.heading = heading;
        this.header = header;
        this.choices = List.copyOf(choices);
        this.runner = new ChangeRunner(changes);
        this.background = background;
        this.text = text;
        selected.addListener((o, a, c) -> chosen(c));
        selected.set(this.choices.get(0));
    }

    /** The fixes of one finding; the first is the default. */
    public static ChangePreviewViewModel forFixes(List<Fix> fixes, FileChanges changes, Background background,
                                              UiText text) {
        List<Choice> choices = fixes.stream().map(f -> new Choice(f.description().render(text.locale()),
                f.needsPassphrase(), p -> p == null ? f.plan() : f.plan(p))).toList();
        return new ChangePreviewViewModel(text.get("preview.fix.heading"), text.get(choices.size() > 1
                ? "preview.fix.header.choose" : "preview.fix.header"), choices, changes, background, text);
    }

    /** Removing a file or a registry directory. */
    public static ChangePreviewViewModel forDeletion(Node node, FileChanges changes, Background background, UiText text) {
        String title = node instanceof Node.HostNode h ? text.fmt("preview.delete.dir", h.host().hostDir().dirName(),
                h.host().files().size()) : text.fmt("preview.delete.file", node.key().path().getFileName());
        return new ChangePreviewViewModel(text.get("preview.delete.heading"), text.get("preview.delete.header"),
                List.of(new Choice(title, false, p -> deletion(node))), changes, background, text);
    }

    /** The engine's removal of what the node shows: a file, or a registry directory with its files. */
    static ChangeSet deletion(Node node) throws Unplannable {
        if (node instanceof Node.FileNode f) {
            return Deletion.file(f.file());
        }
        if (node instanceof Node.HostNode h) {
            return Deletion.hostDirectory(h.host());
        }
        throw Deletion.rootRefused();
    }

    public String heading() {
        return heading;
    }

    public String header() {
        return header;
    }

    public List<Choice> choices() {
        return choices;
    }

    public ObjectProperty<Choice> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The steps, one line each, once planned. */
    public ObservableList<String> steps() {
        return stepsView;
    }

    /** Why applying now would be refused (a file changed on disk since it was shown...). */
    public ObservableList<String> problems() {
        return problemsView;
    }

    public ReadOnlyBooleanProperty needsPrivilegeProperty() {
        return needsPrivilege.getReadOnlyProperty();
    }

    /** Why the change could not be planned (a wrong passphrase...), else empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The change set to apply; null unless {@link State#READY}. */
    public ChangeSet planned() {
        return state.get() == State.READY ? planned : null;
    }

    /** Plans the selected choice with its passphrase (wiped afterwards) and checks it against the disk. */
    public void check(char[] passphrase) {
        Choice c = selected.get();
        if (c.needsPassphrase() && (passphrase == null || passphrase.length == 0)) {
            reset(State.NEEDS_PASSPHRASE);
            return;
        }
        reset(State.CHECKING);
        long mine = ++generation;
        background.run(text.get("preview.checking"), () -> {
            ChangeSet cs = c.planner().plan(c.needsPassphrase() ? passphrase : null);
            return runner.preview(cs);
        }, p -> {
            if (mine == generation) {
                show(p);
            }
        }, e -> {
            if (mine == generation) {
                failed(e);
            }
        });
    }

    private void chosen(Choice c) {
        if (c.needsPassphrase()) {
            generation++;
            reset(State.NEEDS_PASSPHRASE);
        } else {
            check(null);
        }
    }

    private void reset(State s) {
        planned = null;
        steps.clear();
        problems.clear();
        needsPrivilege.set(false);
        error.set("");
        state.set(s);
    }

    private void show(Preview p) {
        planned = p.changeSet();
        List<String> lines = new java.util.ArrayList<>(ChangeResult.render(p.changeSet().ops().stream()
                .map(StepText::of).toList(), text.locale()));
        p.links().forEach(l -> lines.add(l.render(text.locale())));
        steps.setAll(lines);
        problems.setAll(p.problems().stream().map(x -> x.message(text.locale())).toList());
        needsPrivilege.set(p.needsPrivilege());
        state.set(p.ready() ? State.READY : State.REFUSED);
    }

    private void failed(Throwable e) {
        error.set(e instanceof FixException f ? f.text().render(text.locale())
                : e instanceof Unplannable u ? u.text().render(text.locale())
                : text.fmt("preview.error", String.valueOf(e.getMessage())));
        state.set(State.UNPLANNABLE);
    }
}
