package dev.certsd.ui.shell;

import dev.certsd.ui.workspace.RootsViewModel;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/** Folders and files dropped on the window: the roots model says what it takes (a certs.d root, a host directory). */
final class FolderDrop {
    private FolderDrop() {
    }

    static void install(Node target, RootsViewModel roots) {
        target.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && roots.acceptsDrop(paths(e))) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            }
            e.consume();
        });
        target.setOnDragDropped(e -> {
            boolean done = e.getDragboard().hasFiles() && roots.drop(paths(e)) > 0;
            e.setDropCompleted(done);
            e.consume();
        });
    }

    private static List<Path> paths(DragEvent e) {
        return e.getDragboard().getFiles().stream().map(f -> f.toPath()).toList();
    }
}
