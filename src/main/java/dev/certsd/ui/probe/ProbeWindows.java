package dev.certsd.ui.probe;

import dev.certsd.roots.CertsRoot;
import dev.certsd.probe.ProbeMessages;
import dev.certsd.ui.UiText;
import dev.certsd.ui.work.Background;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The connection-test windows: one per host directory, opened from the main window and started at once; asking
 * again for an open one brings it to the front and runs it again.
 */
public final class ProbeWindows {
    private final ProbeRunner runner;
    private final Background background;
    private final UiText text;
    private final ProbeMessages messages;
    private final Window owner;
    private final ObservableBooleanValue dark;
    private final Consumer<String> copy;
    private final Map<Path, Open> open = new HashMap<>();
    private java.util.function.BiConsumer<Path, String> showFile;
    /** The client last chosen in a test of each root: the next test there starts with it. */
    private final Map<Path, dev.certsd.roots.Client> chosen = new HashMap<>();

    private record Open(Stage stage, ProbeViewModel model) {
    }

    public ProbeWindows(ProbeRunner runner, Background background, UiText text, Window owner,
                        ObservableBooleanValue dark, Consumer<String> copy) {
        this.runner = runner;
        this.background = background;
        this.text = text;
        this.messages = new ProbeMessages(text.locale());
        this.owner = owner;
        this.dark = dark;
        this.copy = copy;
    }

    /** Opens (or brings back) the test of {@code hostDir} in {@code root} and runs it. */
    public ProbeViewModel open(CertsRoot root, String hostDir) {
        Path key = root.path().resolve(hostDir);
        Open existing = open.get(key);
        if (existing != null) {
            existing.stage().toFront();
            if (!existing.model().runningProperty().get()) {
                existing.model().run();
            }
            return existing.model();
        }
        ProbeViewModel model = new ProbeViewModel(root, hostDir, runner, background, text, messages);
        // the root's client first; a client the user picked in an earlier test of this root wins
        dev.certsd.roots.Client remembered = chosen.get(root.path());
        if (remembered != null && remembered != model.clientProperty().get()) {
            model.clientProperty().set(remembered);
        }
        model.clientProperty().addListener((o, a, c) -> {
            if (c != null) {
                chosen.put(root.path(), c);
            }
        });
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(text.fmt("probe.window.title", hostDir));
        stage.getIcons().setAll(owner instanceof Stage s ? s.getIcons() : java.util.List.of());
        javafx.scene.layout.BorderPane frame = new javafx.scene.layout.BorderPane(new ProbeView(model, text, copy,
                showFile == null ? null : file -> showFile.accept(root.path().resolve(hostDir), file)).view());
        frame.setBottom(dev.certsd.ui.SecondaryWindow.closeRow(stage, text, "probe"));
        Scene scene = new Scene(frame, 980, 760);
        dev.certsd.ui.SecondaryWindow.closeOnKeys(stage, scene);
        scene.getStylesheets().add(ProbeWindows.class.getResource("/dev/certsd/ui/studio.css").toExternalForm());
        theme(scene, dark.get());
        javafx.beans.value.ChangeListener<Boolean> follow = (o, a, d) -> theme(scene, d);
        dark.addListener(follow);
        stage.setScene(scene);
        stage.setOnHidden(e -> {
            dark.removeListener(follow);
            model.cancel();
            open.remove(key);
        });
        open.put(key, new Open(stage, model));
        stage.show();
        model.run();
        return model;
    }

    /** How a card's "Show FILE and its fixes" selects the file in the main window: (host directory, file name). */
    public void useShowFile(java.util.function.BiConsumer<Path, String> show) {
        this.showFile = show;
    }

    /** Closes every test window (each cancels its test). */
    public void closeAll() {
        new java.util.ArrayList<>(open.values()).forEach(o -> o.stage().hide());
    }

    /** The test window of a host directory, if open. */
    public Optional<ProbeViewModel> model(Path hostDir) {
        return Optional.ofNullable(open.get(hostDir)).map(Open::model);
    }

    private static void theme(Scene scene, boolean isDark) {
        scene.getRoot().getStyleClass().removeAll("theme-dark", "theme-light");
        scene.getRoot().getStyleClass().add(isDark ? "theme-dark" : "theme-light");
    }
}
