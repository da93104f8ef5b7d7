package dev.certsd.ui.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;

/**
 * With {@code -Dcertsd.shownMarker=PATH}, writes PATH once the main window has been laid out for its first frame:
 * how the smoke test and the benchmark see the window without screenshot tools. The app prints nothing either way.
 * With {@code -Dcertsd.exitAfterFirstFrame=true} as well, the toolkit is then asked to exit (the ahead-of-time
 * cache's training run, {@code dev.certsd.app.AotTraining}).
 */
final class ShownMarker {
    static final String PROPERTY = "certsd.shownMarker";
    static final String EXIT_PROPERTY = "certsd.exitAfterFirstFrame";

    private ShownMarker() {
    }

    static void install(Scene scene) {
        String path = System.getProperty(PROPERTY);
        if (path == null || path.isBlank()) {
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            write(Path.of(path));
            if (Boolean.getBoolean(EXIT_PROPERTY)) {
                // after the next pulse, so the first frame is painted (and its classes loaded) before the exit
                javafx.application.Platform.runLater(javafx.application.Platform::exit);
            }
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    private static void write(Path marker) {
        try {
            Path tmp = marker.resolveSibling(marker.getFileName() + ".tmp");
            Files.writeString(tmp, Long.toString(System.currentTimeMillis()));
            // renamed into place, so a watcher never reads a half-written file
            Files.move(tmp, marker, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // no marker: whoever asked for it times out and says so
        }
    }
}
