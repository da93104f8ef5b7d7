// over 300 lines: the roots' list and every action on it (add, drop, remove, client, sample, scans, selection)
package dev.certsd.ui.workspace;

import dev.certsd.diagnose.ScanOptions;
import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.roots.ClientGuess;
import dev.certsd.roots.RootDiscovery;
import dev.certsd.sample.SampleRoot;
import dev.certsd.ui.UiText;
import dev.certsd.ui.work.Background;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The roots in the window and everything done to them: adding (toolbar, menu, drop), removing, reading as another
 * client, the sample root, and which node is selected. Where roots come from is {@link RootSources}; their scans
 * off the UI thread, and the rescans when their files change, are {@link RootScans}.
 */
public final class RootsViewModel {
    /** What became of a folder the user asked to add. */
    public enum AddResult { ADDED, ALREADY_OPEN, NOT_A_FOLDER }
    private final RootSources sources;
    private final Background background;
    private final RootScans scans;
    private final Callable<Path> sampleGenerator;
    private final UiText text;
    /** Where the sample root is (remembered from an earlier run) or was generated in this one; may be null. */
    private Path sampleLocation;

    private final ObservableList<RootModel> roots = FXCollections.observableArrayList();
    private final ObservableList<RootModel> rootsView = FXCollections.unmodifiableObservableList(roots);
    private final ObjectProperty<NodeKey> selectedKey = new SimpleObjectProperty<>();
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final BooleanBinding empty = Bindings.createBooleanBinding(this::nothingToShow, roots, revision);

    public RootsViewModel(RootDiscovery discovery, List<CertsRoot> remembered,
                          Function<CertsRoot, ScanOptions> scanOptions, Background background, ChangeWatcher watcher,
                          Callable<Path> sampleGenerator, UiText text) {
        this(discovery, remembered, scanOptions, background, watcher, sampleGenerator, null, text);
    }

    /** @param sampleLocation where the sample root lives, so a remembered sample is labelled as one */
    public RootsViewModel(RootDiscovery discovery, List<CertsRoot> remembered,
                          Function<CertsRoot, ScanOptions> scanOptions, Background background, ChangeWatcher watcher,
                          Callable<Path> sampleGenerator, Path sampleLocation, UiText text) {
        this.sampleLocation = sampleLocation == null ? null : sampleLocation.toAbsolutePath().normalize();
        this.sources = new RootSources(discovery, remembered);
        this.background = background;
        this.sampleGenerator = sampleGenerator;
        this.text = text;
        this.scans = new RootScans(roots, scanOptions, background, watcher, text, this::applied);
    }

    /**
     * Lists the roots found on this machine and the ones the user added earlier, and scans them all. A found root
     * the user gave another client keeps its place and takes that client; one the user removed stays away.
     */
    public void start() {
        sources.atStart().forEach(l -> add(l.root(), l.byUser()));
    }

    /**
     * The roots a client here would read that the window does not list (not there yet, or removed): where a
     * wizard may make one. One per directory.
     */
    public List<CertsRoot> missingRoots() {
        return sources.missing(p -> model(p).isPresent());
    }

    /** Found roots the user removed from the list: not listed again by {@link #start()}. */
    public void hide(java.util.Collection<Path> paths) {
        sources.hide(paths);
    }

    /** The found roots the user removed, to remember between runs. */
    public List<Path> hiddenRoots() {
        return sources.hidden();
    }

    /**
     * Reads a root as another client would: the same folder, scanned again with that client's rules, so every
     * verdict below it changes. Remembered between runs.
     */
    public void changeClient(Path rootPath, Client client) {
        Optional<RootModel> old = model(rootPath);
        if (old.isEmpty() || old.get().root().client() == client) {
            return;
        }
        RootModel before = old.get();
        CertsRoot r = before.root();
        RootModel m = new RootModel(new CertsRoot(r.path(), r.kind(), client), true, before.sample());
        int at = roots.indexOf(before);
        scans.unwatch(before);
        roots.set(at, m);
        scans.follow(m);
        notice.set(text.fmt("notice.clientChanged", r.path(), text.get("probe.client." + client.name())));
    }

    /**
     * Takes a root off the list (nothing on disk changes). A root found on this machine stays away in later runs
     * too, until File › Add folder… brings it back.
     */
    public void remove(Path rootPath) {
        Optional<RootModel> m = model(rootPath);
        if (m.isEmpty()) {
            return;
        }
        NodeKey key = selectedKey.get();
        if (key != null && key.root().equals(rootPath)) {
            selectedKey.set(null);
        }
        scans.unwatch(m.get());
        roots.remove(m.get());
        sources.removed(rootPath);
        revision.set(revision.get() + 1);
        notice.set(text.fmt("notice.rootRemoved", rootPath));
    }

    /** Rescans one root from scratch. */
    public void refreshRoot(Path rootPath) {
        model(rootPath).ifPresent(m -> scans.request(m, DiskEvents.everything()));
    }

    /**
     * Scans asked for from now on wait for {@link #releaseScans()}. The window holds them until its first frame is
     * on screen: on a small machine a large root's scan would otherwise take the CPU the first frame needs.
     */
    public void holdScans() {
        scans.hold();
    }

    /** Starts the scans held since {@link #holdScans()}. */
    public void releaseScans() {
        scans.release();
    }

    /** Stops watching the roots on disk: the window that shows them is being replaced. */
    public void unwatchAll() {
        scans.unwatchAll();
    }

    private boolean nothingToShow() {
        return roots.stream().allMatch(m -> !m.addedByUser() && !m.sample() && (m.problemProperty().get()
                == RootModel.Problem.MISSING || m.report() != null && m.report().hosts().isEmpty()));
    }

    public ObservableList<RootModel> roots() {
        return rootsView;
    }

    /**
     * True when there is nothing to look at: no root, or only roots found on this machine that hold no registry
     * directory (an empty or missing {@code /etc/containers/certs.d} says nothing yet). The window then shows its
     * first-run explanation instead of the tree. A folder the user added, or the sample, always shows; so does a
     * found root not scanned yet (the first frame shows the tree rather than a welcome that would vanish).
     */
    public BooleanBinding emptyProperty() {
        return empty;
    }

    public ObjectProperty<NodeKey> selectedKeyProperty() {
        return selectedKey;
    }

    /** Counts every applied scan, so views that show derived lists know when to rebuild them. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** The last thing worth telling the user that is not a finding (a failed sample generation, a refused drop). */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Shows a message in the status bar until the next one. */
    public void notice(String message) {
        notice.set(message);
    }

    /** Adds a folder as a custom root read by the client its path suggests ({@link ClientGuess}), and selects it. */
    public AddResult addRoot(Path folder) {
        return addRoot(folder, Files.isDirectory(folder) ? ClientGuess.of(folder) : Client.DOCKER);
    }

    /** Adds a folder as a custom root read by {@code client}, and selects it. */
    public AddResult addRoot(Path folder, Client client) {
        if (!Files.isDirectory(folder)) {
            notice.set(text.fmt("notice.notAFolder", folder));
            return AddResult.NOT_A_FOLDER;
        }
        CertsRoot root = CertsRoot.custom(folder, client);
        sources.added(root.path());
        Optional<RootModel> existing = model(root.path());
        if (existing.isPresent()) {
            selectedKey.set(NodeKey.ofRoot(root.path()));
            return AddResult.ALREADY_OPEN;
        }
        add(root, true);
        selectedKey.set(NodeKey.ofRoot(root.path()));
        return AddResult.ADDED;
    }

    /** Whether a drag carries at least one folder worth dropping. */
    public boolean acceptsDrop(List<Path> paths) {
        return paths.stream().anyMatch(Files::isDirectory);
    }

    /** Adds every dropped folder as a root (files are skipped); returns how many roots were added. */
    public int drop(List<Path> paths) {
        int added = 0;
        for (Path p : paths) {
            added += Files.isDirectory(p) && addRoot(p) == AddResult.ADDED ? 1 : 0;
        }
        return added;
    }

    /** Rescans every root from scratch. */
    public void refresh() {
        roots.forEach(m -> scans.request(m, DiskEvents.everything()));
    }

    /**
     * Rescans the roots holding these paths, after the app changed them: the watcher would see it too, but a
     * change the user just made should show without waiting for the disk to be quiet.
     */
    public void rescanAt(List<Path> paths) {
        for (RootModel m : List.copyOf(roots)) {
            if (paths.stream().anyMatch(p -> p.toAbsolutePath().normalize().startsWith(m.root().path()))) {
                scans.request(m, DiskEvents.everything());
            }
        }
    }

    /** Generates the sample root in the background, opens it and selects its healthy directory. */
    public void openSample() {
        background.run(text.get("status.generatingSample"), sampleGenerator, root -> {
            sampleLocation = root.toAbsolutePath().normalize();
            addRoot(root);
            selectedKey.set(NodeKey.ofHost(root.toAbsolutePath().normalize(), SampleRoot.HEALTHY));
        }, error -> notice.set(text.fmt("notice.sampleFailed", String.valueOf(error.getMessage()))));
    }

    /** The roots the user added, to remember between runs. */
    public List<CertsRoot> userRoots() {
        return roots.stream().filter(RootModel::addedByUser).map(RootModel::root).toList();
    }

    /** The node a key names in the current snapshots, if it still exists. */
    public Optional<Node> node(NodeKey key) {
        return key == null ? Optional.empty() : model(key.root()).flatMap(m -> m.node(key));
    }

    public Optional<RootModel> model(Path root) {
        return roots.stream().filter(m -> m.root().path().equals(root)).findFirst();
    }

    private void add(CertsRoot root, boolean byUser) {
        // /etc/docker/certs.d is both Docker's root and podman's fallback: one entry per directory, first wins
        if (model(root.path()).isPresent()) {
            return;
        }
        RootModel m = new RootModel(root, byUser, root.path().equals(sampleLocation));
        roots.add(m);
        scans.follow(m);
    }

    /** After a scan: the selection stays on something that exists, and the views rebuild. */
    private void applied(RootModel m) {
        keepSelectionValid(m);
        revision.set(revision.get() + 1);
    }

    /** A deleted file or directory hands the selection to its nearest surviving parent. */
    private void keepSelectionValid(RootModel scanned) {
        NodeKey key = selectedKey.get();
        if (key == null || !key.root().equals(scanned.root().path())) {
            return;
        }
        for (NodeKey k = key; k != null; k = k.parent()) {
            if (node(k).isPresent()) {
                if (!k.equals(key)) {
                    selectedKey.set(k);
                }
                return;
            }
        }
    }
}
