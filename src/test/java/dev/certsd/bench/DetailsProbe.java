package dev.certsd.bench;

import dev.certsd.ui.workspace.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/**
 * Issue 16's "details of a file with a signature to check appear within one frame of selection", on the real
 * window: once the tree is full, selects certificate files spread over the root one at a time, as a click does
 * (the file's host expanded first), and counts the frames until the details pane shows that file: its title laid
 * out in the frame of the selection is 0, in the next frame 1. Each file's "issued by" has a signature to check (a CA
 * in its directory), which runs on the details' own thread while the details show "checking". Driven from the
 * bench's pulse timer (one step per pulse) and the scene's post-layout pulse listener (what the frame will show).
 */
final class DetailsProbe {
    private static final int SELECTIONS = 20;

    private final Scene scene;
    private final List<TreeItem<?>> files = new ArrayList<>();
    private final List<long[]> results = new ArrayList<>(); // frames, nanoseconds
    private long pulse;
    private long selectedPulse = -1;
    private long selectedAt;
    private String pending;
    private long idleUntilPulse;

    DetailsProbe(Scene scene) {
        this.scene = scene;
        scene.addPostLayoutPulseListener(this::laidOut);
    }

    /** One step per pulse, before its layout; true once every selection has been seen in the details. */
    boolean step() {
        pulse++;
        if (files.isEmpty() && !pick()) {
            return true;
        }
        if (pending != null || pulse < idleUntilPulse) {
            return false;
        }
        if (results.size() == files.size()) {
            return true;
        }
        TreeItem<?> item = files.get(results.size());
        TreeView<?> tree = (TreeView<?>) scene.lookup("#roots-tree");
        item.getParent().setExpanded(true);
        pending = ((Node.FileNode) item.getValue()).file().name();
        selectedPulse = pulse;
        selectedAt = System.nanoTime();
        select(tree, item);
        return false;
    }

    @SuppressWarnings("unchecked")
    private static <T> void select(TreeView<T> tree, TreeItem<?> item) {
        tree.getSelectionModel().select((TreeItem<T>) item);
    }

    private void laidOut() {
        if (pending != null && scene.lookup("#details-title") instanceof Label title && pending.equals(title.getText())) {
            results.add(new long[] {pulse - selectedPulse, System.nanoTime() - selectedAt});
            pending = null;
            idleUntilPulse = pulse + 3; // a few quiet frames between clicks
        }
    }

    /** Certificate files whose directory holds their issuer, spread evenly over the tree. */
    private boolean pick() {
        if (!(scene.lookup("#roots-tree") instanceof TreeView<?> tree) || tree.getRoot() == null) {
            return false;
        }
        List<TreeItem<?>> all = new ArrayList<>();
        for (TreeItem<?> root : tree.getRoot().getChildren()) {
            for (TreeItem<?> host : root.getChildren()) {
                for (TreeItem<?> file : host.getChildren()) {
                    if (file.getValue() instanceof Node.FileNode f && f.file().name().endsWith(".cert")) {
                        all.add(file);
                    }
                }
            }
        }
        for (int i = 0; i < SELECTIONS && !all.isEmpty(); i++) {
            files.add(all.get((int) ((long) i * all.size() / SELECTIONS)));
        }
        return !files.isEmpty();
    }

    /** detailsFrames = the most frames any selection took; its median and longest milliseconds (-1: none made). */
    static String report(DetailsProbe probe) {
        List<long[]> results = probe == null ? List.of() : probe.results;
        if (results.isEmpty()) {
            return "detailsSelections=0 detailsFrames=-1 detailsMedianMs=-1 detailsMaxMs=-1";
        }
        long frames = results.stream().mapToLong(r -> r[0]).max().orElse(-1);
        List<Long> ms = results.stream().map(r -> r[1] / 1_000_000).sorted().toList();
        return String.format(Locale.ROOT, "detailsSelections=%d detailsFrames=%d detailsMedianMs=%d detailsMaxMs=%d",
                results.size(), frames, ms.get((ms.size() - 1) / 2), ms.get(ms.size() - 1));
    }
}
