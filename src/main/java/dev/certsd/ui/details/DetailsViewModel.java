package dev.certsd.ui.details;

import dev.certsd.ui.tree.RootsViewModel;
import dev.certsd.ui.work.Coalesced;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The details of whatever is selected, rebuilt when the selection moves or a rescan replaces the snapshot. */
public final class DetailsViewModel {
    private final RootsViewModel roots;
    private final DetailsBuilder builder;
    private final ReadOnlyObjectWrapper<Details> details = new ReadOnlyObjectWrapper<>();

    public DetailsViewModel(RootsViewModel roots, DetailsBuilder builder) {
        this(roots, builder, Runnable::run);
    }

    /**
     * @param later how rebuilds after a rescan are put off (a selection change is shown at once): see
     *              {@link Coalesced}
     */
    public DetailsViewModel(RootsViewModel roots, DetailsBuilder builder, Consumer<Runnable> later) {
        this.roots = roots;
        this.builder = builder;
        Coalesced afterScan = new Coalesced(later, this::update);
        roots.selectedKeyProperty().addListener((o, a, b) -> update());
        roots.revisionProperty().addListener((o, a, b) -> afterScan.request());
        update();
    }

    /** Null when nothing is selected. */
    public ReadOnlyObjectProperty<Details> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    private void update() {
        details.set(roots.node(roots.selectedKeyProperty().get()).map(builder::build).orElse(null));
    }
}
