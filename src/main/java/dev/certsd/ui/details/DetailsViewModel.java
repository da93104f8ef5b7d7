package dev.certsd.ui.details;

import dev.certsd.ui.tree.RootsViewModel;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The details of whatever is selected, rebuilt when the selection moves or a rescan replaces the snapshot. */
public final class DetailsViewModel {
    private final RootsViewModel roots;
    private final DetailsBuilder builder;
    private final ReadOnlyObjectWrapper<Details> details = new ReadOnlyObjectWrapper<>();

    public DetailsViewModel(RootsViewModel roots, DetailsBuilder builder) {
        this.roots = roots;
        this.builder = builder;
        roots.selectedKeyProperty().addListener((o, a, b) -> update());
        roots.revisionProperty().addListener((o, a, b) -> update());
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
