package dev.certsd.ui.details;

import dev.certsd.ui.workspace.RootsViewModel;
import dev.certsd.ui.work.Coalesced;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The details of whatever is selected, rebuilt when the selection moves or a rescan replaces the snapshot. */
public final class DetailsViewModel {
    private final RootsViewModel roots;
    private final DetailsBuilder builder;
    private final ReadOnlyObjectWrapper<Details> details = new ReadOnlyObjectWrapper<>();
    private final Executor checks;
    private final Consumer<Runnable> onFx;
    private long shown; // counts the details built, so a late signature check only rebuilds what is still shown

    public DetailsViewModel(RootsViewModel roots, DetailsBuilder builder) {
        this(roots, builder, Runnable::run);
    }

    /**
     * @param later how rebuilds after a rescan are put off (a selection change is shown at once): see
     *              {@link Coalesced}
     */
    public DetailsViewModel(RootsViewModel roots, DetailsBuilder builder, Consumer<Runnable> later) {
        this(roots, builder, later, Runnable::run, Runnable::run);
    }

    /**
     * @param checks where the signature checks of the details run (off the FX thread in the app: the details show
     *               "checking" at once and the answer a moment later)
     * @param onFx   how their end comes back to the FX thread
     */
    public DetailsViewModel(RootsViewModel roots, DetailsBuilder builder, Consumer<Runnable> later, Executor checks,
                            Consumer<Runnable> onFx) {
        this.roots = roots;
        this.builder = builder;
        this.checks = checks;
        this.onFx = onFx;
        Coalesced afterScan = new Coalesced(later, this::update);
        roots.selectedKeyProperty().addListener((o, a, b) -> update());
        roots.revisionProperty().addListener((o, a, b) -> afterScan.request());
        update();
    }

    /** One daemon thread for the details' signature checks: the app's {@code checks}; its owner shuts it down. */
    public static java.util.concurrent.ExecutorService signatureThread() {
        return java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "details-signatures");
            t.setDaemon(true);
            return t;
        });
    }

    /** Null when nothing is selected. */
    public ReadOnlyObjectProperty<Details> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    private void update() {
        var node = roots.node(roots.selectedKeyProperty().get());
        long build = ++shown;
        details.set(node.map(builder::build).orElse(null));
        Runnable check = node.map(builder::pendingCheck).orElse(null);
        if (check != null) {
            checks.execute(() -> {
                try {
                    check.run();
                } finally {
                    onFx.accept(() -> {
                        if (shown == build) {
                            update();
                        }
                    });
                }
            });
        }
    }
}
