package dev.certsd.ui.workspace;

import dev.certsd.diagnose.FileReport;
import dev.certsd.diagnose.HostReport;
import dev.certsd.diagnose.RootReport;
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
import java.util.ArrayList;
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
 * The roots in the window and everything done to them: discovery, adding (toolbar, menu, drop), scanning off the
 * UI thread, rescans on disk changes, the sample root, and which node is selected.
 */
public final class RootsViewModel {
    /** What became of a folder the user asked to add. */
    public enum AddResult { ADDED, ALREADY_OPEN, NOT_A_FOLDER }

    private final RootDiscovery discovery;
    private final List<CertsRoot> remembered;
    private final Function<CertsRoot, ScanOptions> scanOptions;
    private final Background background;
    private final ChangeWatcher watcher;
    private final Callable<Path> sampleGenerator;
    private final UiText text;
    /** Where the sample root is (remembered from an earlier run) or was generated in this one; may be null. */
    private Path sampleLocation;

    private final ObservableList<RootModel> roots = FXCollections.observableArrayList();
    private final ObservableList<RootModel> rootsView = FXCollections.unmodifiableObservableList(roots);
    private final ObjectProperty<NodeKey> selectedKey = new SimpleObjectProperty<>();
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final java.util.Set<Path> hidden = new java.util.LinkedHashSet<>();
    private final BooleanBinding empty = Bindings.createBooleanBinding(this::nothingToShow, roots, revision);
    private boolean scansHeld;

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
        this.discovery = discovery;
        this.remembered = List.copyOf(remembered);
        this.scanOptions = scanOptions;
        this.background = background;
        this.watcher = watcher;
        this.sampleGenerator = sampleGenerator;
        this.text = text;
    }

    /**
     * Lists the roots found on this machine and the ones the user added earlier, and scans them all. A found root
     * the user gave another client keeps its place and takes that client; one the user removed stays away.
     */
    public void start() {
        for (CertsRoot r : discovery.existingRoots()) {
            if (hidden.contains(r.path())) {
                continue;
            }
            Optional<CertsRoot> changed = remembered.stream().filter(m -> m.path().equals(r.path())).findFirst();
            add(changed.map(c -> new CertsRoot(r.path(), r.kind(), c.client())).orElse(r), changed.isPresent());
        }
        for (CertsRoot r : remembered) {
            add(r, true);
        }
    }

    /**
     * The roots a client here would read that the window does not list (not there yet, or removed): where a
     * wizard may make one. One per directory.
     */
    public List<CertsRoot> missingRoots() {
        java.util.Map<Path, CertsRoot> out = new java.util.LinkedHashMap<>();
        for (CertsRoot r : discovery.candidates()) {
            if (model(r.path()).isEmpty()) {
                out.putIfAbsent(r.path(), r);
            }
        }
        return List.copyOf(out.values());
    }

    /** Found roots the user removed from the list: not listed again by {@link #start()}. */
    public void hide(java.util.Collection<Path> paths) {
        paths.forEach(p -> hidden.add(p.toAbsolutePath().normalize()));
    }

    /** The found roots the user removed, to remember between runs. */
    public List<Path> hiddenRoots() {
        return List.copyOf(hidden);
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
        watcher.unwatch(r.path());
        roots.set(at, m);
        watch(m);
        requestScan(m, DiskEvents.everything());
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
        watcher.unwatch(rootPath);
        roots.remove(m.get());
        if (discovery.existingRoots().stream().anyMatch(r -> r.path().equals(rootPath))) {
            hidden.add(rootPath);
        }
        revision.set(revision.get() + 1);
        notice.set(text.fmt("notice.rootRemoved", rootPath));
    }

    /** Rescans one root from scratch. */
    public void refreshRoot(Path rootPath) {
        model(rootPath).ifPresent(m -> requestScan(m, DiskEvents.everything()));
    }

    /**
     * Scans asked for from now on wait for {@link #releaseScans()}. The window holds them until its first frame is
     * on screen: on a small machine a large root's scan would otherwise take the CPU the first frame needs.
     */
    public void holdScans() {
        scansHeld = true;
    }

    /** Starts the scans held since {@link #holdScans()}. */
    public void releaseScans() {
        scansHeld = false;
        for (RootModel m : List.copyOf(roots)) {
            DiskEvents held = m.pending;
            if (held != null && !m.scanningProperty().get()) {
                m.pending = null;
                requestScan(m, held);
            }
        }
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
        hidden.remove(root.path());
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
            if (Files.isDirectory(p) && addRoot(p) == AddResult.ADDED) {
                added++;
            }
        }
        return added;
    }

    /** Rescans every root from scratch. */
    public void refresh() {
        roots.forEach(m -> requestScan(m, DiskEvents.everything()));
    }

    /**
     * Rescans the roots holding these paths, after the app changed them: the watcher would see it too, but a
     * change the user just made should show without waiting for the disk to be quiet.
     */
    public void rescanAt(List<Path> paths) {
        for (RootModel m : List.copyOf(roots)) {
            if (paths.stream().anyMatch(p -> p.toAbsolutePath().normalize().startsWith(m.root().path()))) {
                requestScan(m, DiskEvents.everything());
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
        if (key == null) {
            return Optional.empty();
        }
        Optional<RootModel> m = model(key.root());
        if (m.isEmpty() || key.host() == null) {
            return m.map(Node.RootNode::new);
        }
        RootReport r = m.get().report();
        if (r == null) {
            return Optional.empty();
        }
        Optional<HostReport> host = r.hosts().stream().filter(h -> h.hostDir().dirName().equals(key.host())).findFirst();
        if (host.isEmpty() || key.file() == null) {
            return host.map(h -> new Node.HostNode(m.get().root(), h));
        }
        Optional<FileReport> file = host.get().files().stream().filter(f -> f.name().equals(key.file())).findFirst();
        return file.map(f -> new Node.FileNode(m.get().root(), host.get(), f));
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
        watch(m);
        requestScan(m, DiskEvents.everything());
    }

    private void watch(RootModel m) {
        watcher.watch(m.root().path(), changes -> background.onUi(() -> requestScan(m, changes)));
    }

    private void requestScan(RootModel m, DiskEvents changes) {
        if (!roots.contains(m)) {
            return;
        }
        if (m.scanningProperty().get() || scansHeld) {
            m.pending = changes.merge(m.pending);
            return;
        }
        m.setScanning(true);
        RootReport previous = m.report();
        CertsRoot root = m.root();
        background.run(text.fmt("status.scanning", root.path()),
                () -> RootScan.run(root, scanOptions.apply(root), previous, changes),
                outcome -> applied(m, outcome),
                error -> applied(m, new RootScan.Outcome(null, RootModel.Problem.UNREADABLE)));
    }

    private void applied(RootModel m, RootScan.Outcome outcome) {
        m.setScanning(false);
        if (outcome.report() != null) {
            m.setReport(outcome.report());
        } else {
            m.setProblem(outcome.problem());
        }
        keepSelectionValid(m);
        revision.set(revision.get() + 1);
        DiskEvents next = m.pending;
        m.pending = null;
        if (next != null) {
            requestScan(m, next);
        }
    }

    /** A deleted file or directory hands the selection to its nearest surviving parent. */
    private void keepSelectionValid(RootModel scanned) {
        NodeKey key = selectedKey.get();
        if (key == null || !key.root().equals(scanned.root().path())) {
            return;
        }
        List<NodeKey> chain = new ArrayList<>();
        for (NodeKey k = key; k != null; k = k.parent()) {
            chain.add(k);
        }
        for (NodeKey k : chain) {
            if (node(k).isPresent()) {
                if (!k.equals(key)) {
                    selectedKey.set(k);
                }
                return;
            }
        }
    }
}
