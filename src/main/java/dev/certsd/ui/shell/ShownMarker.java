package dev.certsd.ui.shell;

import java.io.IOException;
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
            // through the root-safe layer: staged and renamed in the opened directory (a watcher never reads half a
            // file), never through a link planted at the marker's name
            dev.certsd.files.AtomicWriter.write(marker,
                    Long.toString(System.currentTimeMillis()).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"), true, null);
        } catch (IOException e) {
            // no marker: whoever asked for it times out and says so
        }
    }
}
