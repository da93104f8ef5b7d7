package dev.certsd.ui.shell;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application; started by {@code dev.certsd.app.Launcher}, which is a plain class on purpose. */
public final class StudioApp extends Application {
    private static volatile Startup startup = Startup.NONE;
    private StudioContext context;

    /** Starts the toolkit and blocks until the window is closed. */
    public static void launch(Startup request) {
        startup = request;
        Application.launch(StudioApp.class);
    }

    @Override
    public void start(Stage stage) throws Exception {
        context = StudioContext.ofThisMachine();
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
