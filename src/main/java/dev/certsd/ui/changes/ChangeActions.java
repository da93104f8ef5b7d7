package dev.certsd.ui.changes;

import dev.certsd.change.ChangeReport;
import dev.certsd.files.FileChanges;
import dev.certsd.files.FileOp;
import dev.certsd.files.PrivilegedRunner;
import dev.certsd.fix.Fix;
import dev.certsd.ui.Icons;
import dev.certsd.ui.UiText;
import dev.certsd.ui.work.Background;
import dev.certsd.ui.workspace.Node;
import dev.certsd.ui.workspace.NodeKey;
import dev.certsd.ui.workspace.RootsViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;

/**
 * The window's commands that change files: fix (from the details pane and the findings list), delete (Delete key,
 * menus), undo and redo (Ctrl+Z, Ctrl+Shift+Z), the history. Every change is previewed first, applied off the UI
 * thread through the app's one {@link FileChanges}, and followed by a rescan; what did not go through is said.
 */
public final class ChangeActions {
    public static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination REDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private final ChangesViewModel model;
    private final RootsViewModel roots;
    private final Background background;
    private final UiText text;
    private final Window owner;
    private final Consumer<String> copy;
    private final BooleanBinding nothingToDelete;
    private HistoryWindow history;

    /** @param administrator the app's one way to run the privileged helper (pkexec) */
    public ChangeActions(FileChanges changes, PrivilegedRunner administrator, RootsViewModel roots,
                         Background background, UiText text, Window owner, Consumer<String> copy) {
        this.model = new ChangesViewModel(changes, background, text, roots::rescanAt, administrator);
        this.roots = roots;
        this.background = background;
        this.text = text;
        this.owner = owner;
        this.copy = copy;
        this.nothingToDelete = Bindings.createBooleanBinding(() -> deletable().isEmpty(),
                roots.selectedKeyProperty(), roots.revisionProperty());
        model.refresh();
    }

    public ChangesViewModel model() {
        return model;
    }

    /** Undo, Redo and History for the Edit menu; they say what they would undo or redo. */
    public List<MenuItem> editItems() {
        MenuItem undo = new MenuItem(null, Icons.of("mdi2u-undo"));
        undo.setId("menu-undo");
        undo.textProperty().bind(model.undoTextProperty());
        undo.disableProperty().bind(model.canUndoProperty().not());
        undo.setAccelerator(UNDO);
        undo.setOnAction(e -> undo());
        MenuItem redo = new MenuItem(null, Icons.of("mdi2r-redo"));
        redo.setId("menu-redo");
        redo.textProperty().bind(model.redoTextProperty());
        redo.disableProperty().bind(model.canRedoProperty().not());
        redo.setAccelerator(REDO);
        redo.setOnAction(e -> redo());
        MenuItem historyItem = new MenuItem(text.get("action.history"), Icons.of("mdi2h-history"));
        historyItem.setId("menu-history");
        historyItem.setOnAction(e -> showHistory());
        return List.of(undo, redo, historyItem, new SeparatorMenuItem(), deleteItem("menu-delete"));
    }

    /** Puts Undo, Redo, History and Delete at the top of the Edit menu, read afresh each time it opens. */
    public void installIn(Menu edit) {
        List<MenuItem> items = new java.util.ArrayList<>(editItems());
        items.add(new SeparatorMenuItem());
        edit.getItems().addAll(0, items);
        edit.setOnShowing(e -> model.refresh());
    }

    /** Delete… for the tree's context menu. */
    public MenuItem deleteItem(String id) {
        MenuItem i = new MenuItem(text.get("action.delete"), Icons.of("mdi2d-delete-outline"));
        i.setId(id);
        i.disableProperty().bind(nothingToDelete);
        i.setOnAction(e -> delete());
        return i;
    }

    /** The Delete key on the tree deletes the selected file or registry directory (after the preview). */
    public void installDeleteKey(javafx.scene.Node tree) {
        tree.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DELETE && !e.isShortcutDown() && !e.isAltDown()) {
                e.consume();
                delete();
            }
        });
    }

    /** Reads the journal again; the Edit menu calls it when it opens, as the command line may have changed it. */
    public void refresh() {
        model.refresh();
    }

    public void fix(List<Fix> fixes) {
        if (fixes.isEmpty()) {
            return;
        }
        ChangePreviewViewModel preview = ChangePreviewViewModel.forFixes(fixes, model.changes(), background, text);
        ChangePreviewDialog.show(owner, preview, text, "preview.fix.apply", false,
                cs -> model.apply(cs, this::present));
    }

    public void delete() {
        deletable().ifPresent(node -> {
            ChangePreviewViewModel preview = ChangePreviewViewModel.forDeletion(node, model.changes(), background, text);
            ChangePreviewDialog.show(owner, preview, text, "preview.delete.apply", true,
                    cs -> model.apply(cs, this::present));
        });
    }

    public void undo() {
        model.undo(this::present);
    }

    public void redo() {
        model.redo(this::present);
    }

    public void showHistory() {
        if (history == null) {
            history = new HistoryWindow(owner, model, text, this::undo, this::redo);
        }
        history.show();
    }

    /** Closes the history window, if open. */
    public void closeWindows() {
        if (history != null) {
            history.stage().hide();
        }
    }

    /** Done: a notice, and the selection follows a renamed file. Otherwise: the message or the administrator path. */
    void present(ChangeResult r) {
        switch (r.kind()) {
            case DONE -> {
                roots.notice(r.title());
                follow(r.ops());
            }
            case REFUSED, FAILED -> {
                roots.notice(r.title());
                OutcomeDialogs.problem(owner, r, text);
            }
            case NEEDS_PRIVILEGE -> OutcomeDialogs.administrator(owner, r, text, model.administratorAvailable(),
                    copy, choice -> {
                        switch (choice) {
                            case PKEXEC -> model.applyAsAdministrator(r, this::present);
                            case CHECK -> model.checkAdministratorDone(r, x -> present(x.kind()
                                    == ChangeReport.Kind.NEEDS_PRIVILEGE ? notYet(x) : x));
                            case CLOSE -> roots.notice(text.get("privileged.notApplied"));
                        }
                    });
        }
    }

    /** The script has not been run (or not to the end): say so rather than show the same dialog again. */
    private ChangeResult notYet(ChangeResult pending) {
        return new ChangeResult(pending.report(), ChangeReport.Kind.REFUSED, text.get("privileged.notYet.title"),
                List.of(), List.of(text.get("privileged.notYet")));
    }

    private Optional<Node> deletable() {
        return roots.node(roots.selectedKeyProperty().get())
                .filter(n -> n instanceof Node.FileNode || n instanceof Node.HostNode);
    }

    /** When the selected file or directory was renamed, selects it under its new name once the rescan shows it. */
    private void follow(List<FileOp> ops) {
        NodeKey selected = roots.selectedKeyProperty().get();
        if (selected == null || selected.host() == null) {
            return;
        }
        Path now = selected.path();
        for (FileOp op : ops) {
            if (op instanceof FileOp.Rename r && now.startsWith(r.from())) {
                now = r.to().resolve(r.from().relativize(now));
            }
        }
        if (now.equals(selected.path())) {
            return;
        }
        Path rel = selected.root().relativize(now);
        if (rel.getNameCount() < 1 || rel.getNameCount() > 2 || rel.startsWith("..")) {
            return;
        }
        NodeKey target = rel.getNameCount() == 1 ? NodeKey.ofHost(selected.root(), rel.toString())
                : NodeKey.ofFile(selected.root(), rel.getName(0).toString(), rel.getName(1).toString());
        ChangeListener<Number> once = new ChangeListener<>() {
            private int scans;

            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> o, Number a, Number b) {
                boolean there = roots.node(target).isPresent();
                if (there || ++scans > 5) { // a few scans, in case an unrelated one comes first; then let go
                    roots.revisionProperty().removeListener(this);
                }
                if (there) {
                    roots.selectedKeyProperty().set(target);
                }
            }
        };
        roots.revisionProperty().addListener(once);
    }
}
