package dev.certsd.ui.shell;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application; started by {@code dev.certsd.app.Launcher}, which is a plain class on purpose. */
public final class StudioApp extends Application {
    private static volatile Startup startup = Startup.NONE;
    private static volatile EarlyStart early;
    private StudioContext context;

    /**
     * Starts the toolkit and blocks until the window is closed. The window's context is made beside the toolkit's
     * start ({@link EarlyStart}).
     */
    public static void launch(Startup request) {
        startup = request;
        early = EarlyStart.begin(StudioContext::ofThisMachine);
        Application.launch(StudioApp.class);
    }

    @Override
    public void start(Stage stage) throws Exception {
        EarlyStart begun = early;
        context = begun != null ? begun.context() : StudioContext.ofThisMachine();
        new MainWindow(context).show(stage, startup);
        ShownMarker.install(stage.getScene());
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
    }
}
