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

    @Test
    void aScanShowsItsFractionWhileItRunsAndNothingAfter() throws Exception {
        try (FxBackground background = new FxBackground()) {
            CompletableFuture<java.util.function.DoubleConsumer> sink = new CompletableFuture<>();
            Platform.runLater(() -> sink.complete(background.progress("Scanning")));
            java.util.function.DoubleConsumer progress = sink.get(10, TimeUnit.SECONDS);
            CompletableFuture<Void> release = new CompletableFuture<>();
            CompletableFuture<Double> during = new CompletableFuture<>();
            CompletableFuture<Double> after = new CompletableFuture<>();
            background.progressProperty().addListener((o, a, b) -> {
                if (b.doubleValue() > 0.4 && b.doubleValue() < 0.6) {
                    during.complete(b.doubleValue());
                }
            });
            background.run("Scanning", () -> {
                progress.accept(0.5);
                return release.get(10, TimeUnit.SECONDS);
            }, r -> after.complete(background.progressProperty().get()), after::completeExceptionally);
            assertEquals(0.5, during.get(10, TimeUnit.SECONDS));
            release.complete(null);
            assertEquals(Background.UNKNOWN, after.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void workThatTellsNoFractionShowsNone() throws Exception {
        try (FxBackground background = new FxBackground()) {
            CompletableFuture<Void> release = new CompletableFuture<>();
            CompletableFuture<Double> during = new CompletableFuture<>();
            background.activityProperty().addListener((o, a, b) -> {
                if (b.equals("Reading")) {
                    during.complete(background.progressProperty().get());
                }
            });
            background.run("Reading", () -> release.get(10, TimeUnit.SECONDS), r -> { }, e -> { });
            assertEquals(Background.UNKNOWN, during.get(10, TimeUnit.SECONDS));
            release.complete(null);
        }
    }

    @Test
    void aFractionIsPassedOnAtMostEveryPeriod() {
        java.util.List<Double> passed = new java.util.ArrayList<>();
        FxBackground.Throttled throttled = new FxBackground.Throttled(passed::add);
        long start = System.nanoTime();
        for (int i = 1; i <= 1000; i++) {
            throttled.accept(i / 1000.0);
        }
        long periods = (System.nanoTime() - start) / FxBackground.Throttled.PERIOD_NANOS;
        assertEquals(0.001, passed.get(0), "the first at once");
        assertTrue(passed.size() <= 1 + periods, passed + " in " + periods + " periods");
    }
}
