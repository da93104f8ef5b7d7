package dev.certsd.ui.findings;

import dev.certsd.diagnose.FileReport;
import dev.certsd.diagnose.Finding;
import dev.certsd.diagnose.HostReport;
import dev.certsd.diagnose.Messages;
import dev.certsd.diagnose.RootReport;
import dev.certsd.diagnose.Severity;
import dev.certsd.fix.Fix;
import dev.certsd.fix.HostAnswer;
import dev.certsd.ui.workspace.Node;
import dev.certsd.ui.workspace.NodeKey;
import dev.certsd.ui.workspace.RootModel;
import dev.certsd.ui.workspace.RootsViewModel;
import dev.certsd.ui.work.Coalesced;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.LongBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/** Every finding of every root shown, filtered by severity and by a search over message, code and location. */
public final class FindingsViewModel {
    private final RootsViewModel roots;
    private final Messages messages;
    private final ObservableList<FindingItem> all = FXCollections.observableArrayList();
    private final FilteredList<FindingItem> visible = new FilteredList<>(all);
    private final ObservableList<FindingItem> visibleView = FXCollections.unmodifiableObservableList(visible);
    private final BooleanProperty showErrors = new SimpleBooleanProperty(true);
    private final BooleanProperty showWarnings = new SimpleBooleanProperty(true);
    private final BooleanProperty showInfos = new SimpleBooleanProperty(false);
    private final StringProperty query = new SimpleStringProperty("");

    public FindingsViewModel(RootsViewModel roots, Messages messages) {
        this(roots, messages, Runnable::run);
    }

    /** @param later how rebuilds after a rescan are put off: see {@link Coalesced} */
    public FindingsViewModel(RootsViewModel roots, Messages messages, Consumer<Runnable> later) {
        this.roots = roots;
        this.messages = messages;
        Coalesced rebuild = new Coalesced(later, this::rebuild);
        roots.revisionProperty().addListener((o, a, b) -> rebuild.request());
        roots.roots().addListener((ListChangeListener<RootModel>) c -> rebuild.request());
        showErrors.addListener((o, a, b) -> refilter());
        showWarnings.addListener((o, a, b) -> refilter());
        showInfos.addListener((o, a, b) -> refilter());
        query.addListener((o, a, b) -> refilter());
        rebuild();
    }

    /** The findings the filters let through, read-only: the toggles and the search change them. */
    public ObservableList<FindingItem> visible() {
        return visibleView;
    }

    public BooleanProperty showErrorsProperty() {
        return showErrors;
    }

    public BooleanProperty showWarningsProperty() {
        return showWarnings;
    }

    /** Off at first: infos are notes (an ignored README), not problems, and would bury the rest. */
    public BooleanProperty showInfosProperty() {
        return showInfos;
    }

    public StringProperty queryProperty() {
        return query;
    }

    /** How many findings of a severity exist, whatever the filter: the toggles show it. */
    public LongBinding count(Severity s) {
        return Bindings.createLongBinding(() -> all.stream().filter(f -> f.severity() == s).count(), all);
    }

    /** Selecting a finding selects its file (or directory) in the tree. */
    public void select(FindingItem item) {
        if (item != null) {
            roots.selectedKeyProperty().set(item.target());
        }
    }

    /**
     * The safe fixes of a listed finding, the default first, planned from the host directory as last scanned;
     * empty for a root's findings and for findings without one.
     */
    public List<Fix> fixes(FindingItem item) {
        if (item == null) {
            return List.of();
        }
        Optional<HostReport> host = roots.node(item.target()).flatMap(n -> n instanceof Node.FileNode f
                ? Optional.of(f.host()) : n instanceof Node.HostNode h ? Optional.of(h.host()) : Optional.empty());
        return host.filter(h -> h.findings().contains(item.finding()))
                .flatMap(h -> HostAnswer.advice(h, List.of(item.finding())).stream().findFirst())
                .map(HostAnswer.Advice::fixes).orElse(List.of());
    }

    /**
     * The fixes of the most severe fixable finding of the node selected in the tree (a file, or a registry
     * directory and its files): what Ctrl+. fixes when no row of the list is selected.
     */
    public List<Fix> fixesOfSelectedNode() {
        Optional<Node> node = roots.node(roots.selectedKeyProperty().get());
        List<Finding> findings;
        HostReport host;
        if (node.isPresent() && node.get() instanceof Node.FileNode f) {
            findings = f.file().findings();
            host = f.host();
        } else if (node.isPresent() && node.get() instanceof Node.HostNode h) {
            findings = h.host().findings();
            host = h.host();
        } else {
            return List.of();
        }
        return HostAnswer.advice(host, findings).stream()
                .sorted(java.util.Comparator.comparing((HostAnswer.Advice a) -> a.finding().severity()))
                .map(HostAnswer.Advice::fixes).filter(x -> !x.isEmpty()).findFirst().orElse(List.of());
    }

    private void rebuild() {
        List<FindingItem> items = new ArrayList<>();
        for (RootModel m : roots.roots()) {
            RootReport r = m.report();
            if (r == null) {
                continue;
            }
            Path root = m.root().path();
            for (Finding f : r.findings()) {
                items.add(new FindingItem(f.severity(), f.code(), messages.render(f, ""),
                        f.file() == null ? root.toString() : f.file(), NodeKey.ofRoot(root), f));
            }
            for (HostReport h : r.hosts()) {
                String dir = h.hostDir().dirName();
                Set<String> files = new HashSet<>();
                h.files().stream().map(FileReport::name).forEach(files::add);
                for (Finding f : h.findings()) {
                    boolean onFile = f.file() != null && files.contains(f.file());
                    items.add(new FindingItem(f.severity(), f.code(), messages.render(f, dir),
                            onFile ? dir + "/" + f.file() : dir,
                            onFile ? NodeKey.ofFile(root, dir, f.file()) : NodeKey.ofHost(root, dir), f));
                }
            }
        }
        items.sort(java.util.Comparator.comparing(FindingItem::severity));
        all.setAll(items);
        refilter();
    }

    private void refilter() {
        visible.setPredicate(filter());
    }

    private Predicate<FindingItem> filter() {
        boolean e = showErrors.get();
        boolean w = showWarnings.get();
        boolean i = showInfos.get();
        String q = query.get() == null ? "" : query.get().strip().toLowerCase(Locale.ROOT);
        return item -> switch (item.severity()) {
            case ERROR -> e;
            case WARNING -> w;
            case INFO -> i;
        } && (q.isEmpty() || item.message().toLowerCase(Locale.ROOT).contains(q)
                || item.location().toLowerCase(Locale.ROOT).contains(q)
                || item.code().name().toLowerCase(Locale.ROOT).contains(q));
    }
}
