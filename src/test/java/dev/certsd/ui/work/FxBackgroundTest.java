package dev.certsd.ui.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** A task that ends, however it ends, is reported and leaves the activity line. */
class FxBackgroundTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void anErrorThatIsNotAnExceptionIsReportedAndTheTaskLeavesTheActivityLine() throws Exception {
        try (FxBackground background = new FxBackground()) {
            CompletableFuture<Throwable> failure = new CompletableFuture<>();
            background.run("Checking", () -> {
                throw new AssertionError("broken invariant");
            }, result -> failure.complete(null), failure::complete);
            Throwable reported = failure.get(10, TimeUnit.SECONDS);
            assertInstanceOf(AssertionError.class, reported);
            CompletableFuture<String> activity = new CompletableFuture<>();
            Platform.runLater(() -> activity.complete(background.activityProperty().get()));
            assertEquals("", activity.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aResultReachesTheFxThread() throws Exception {
        try (FxBackground background = new FxBackground()) {
            CompletableFuture<Boolean> onFx = new CompletableFuture<>();
            background.run("Adding", () -> 1 + 1, r -> onFx.complete(r == 2 && Platform.isFxApplicationThread()),
                    onFx::completeExceptionally);
            assertTrue(onFx.get(10, TimeUnit.SECONDS));
        }
    }
}
