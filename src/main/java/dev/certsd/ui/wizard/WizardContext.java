package dev.certsd.ui.wizard;

import dev.certsd.diagnose.ScanOptions;
import dev.certsd.files.FileChanges;
import dev.certsd.files.Journal;
import dev.certsd.files.PrivilegedRunner;
import dev.certsd.pki.PendingKeys;
import dev.certsd.roots.CertsRoot;
import dev.certsd.ui.UiText;
import dev.certsd.ui.probe.ProbeRunner;
import dev.certsd.ui.work.Background;
import dev.certsd.ui.workspace.Node;
import dev.certsd.ui.workspace.NodeKey;
import dev.certsd.ui.workspace.RootsViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.stage.Window;

/**
 * What the wizards share: the roots, the journal of changes, the keys waiting for a CA, how work runs, the window
 * that owns them; it shows their result in the tree (the host directory selected). {@code launch.Wizards} opens them.
 */
public final class WizardContext {
    private final RootsViewModel roots;
    private final Function<CertsRoot, ScanOptions> scanOptions;
    private final Background background;
    private final UiText text;
    private final Clock clock;
    private final Path data;
    private final ProbeRunner probes;
    private final Window owner;
    private final ObservableBooleanValue dark;
    private final Consumer<String> copy;
    private PrivilegedRunner elevation = PrivilegedRunner.pkexec();
    private FileChanges changes;
    private WizardWindow last;
    private java.util.function.BiConsumer<CertsRoot, String> probeWindows;

    /**
     * @param data where the journal ({@code journal/}) and the keys waiting for a CA ({@code pending-keys/}) live
     * @param copy puts text on the clipboard and says so
     */
    public WizardContext(RootsViewModel roots, Function<CertsRoot, ScanOptions> scanOptions, Background background,
                   UiText text, Clock clock, Path data, ProbeRunner probes, Window owner, ObservableBooleanValue dark,
                   Consumer<String> copy) {
        this.roots = roots;
        this.scanOptions = scanOptions;
        this.background = background;
        this.text = text;
        this.clock = clock;
        this.data = data;
        this.probes = probes;
        this.owner = owner;
        this.dark = dark;
        this.copy = copy;
    }

    /** The app's one way to run the helper as administrator (tests replace it: no test can answer the prompt). */
    public void usePrivilegedRunner(PrivilegedRunner e) {
        this.elevation = e;
    }

    /** How the setup's "Open the connection test" opens the window of the main window. */
    public void useProbeWindows(java.util.function.BiConsumer<CertsRoot, String> open) {
        this.probeWindows = open;
    }

    /** Opens the connection test of a host directory in the main window (when it offers one). */
    public void openProbeWindow(CertsRoot root, String hostDir) {
        if (probeWindows != null) {
            probeWindows.accept(root, hostDir);
        }
    }

    /** A wizard's window on the main window, in its theme. */
    public WizardWindow window(String id, String title, List<WizardPage> pages, ApplyViewModel apply) {
        return new WizardWindow(id, title, pages, apply, text, owner, dark);
    }

    /**
     * The last page of a wizard over {@code apply}.
     *
     * @param planner what to plan, asked each time the page is shown (the choices may have changed)
     * @param extra   sections the wizard adds (snippets), or null
     * @param after   what to offer once the files are written (continue into another wizard), or null
     */
    public WizardPage applyPage(ApplyViewModel apply, Supplier<ApplyViewModel.Planner> planner, javafx.scene.Node extra,
                                javafx.scene.Node after) {
        return ApplyPage.page(apply, text, copy, planner, extra, after);
    }

    /** The wizard opened last (tests look into it). */
    public WizardWindow last() {
        return last;
    }

    public WizardWindow show(WizardWindow w) {
        last = w;
        w.show();
        return w;
    }

    /** A target model on the window's roots, starting on the host directory selected in the tree, if any. */
    public TargetModel target(Optional<Node> selected) {
        TargetModel t = new TargetModel(rootChoices(), scanOptions, text);
        selected.ifPresent(n -> {
            if (n instanceof Node.HostNode h) {
                t.preselect(h.root(), h.host().hostDir().registry());
            } else if (n instanceof Node.FileNode f) {
                t.preselect(f.root(), f.host().hostDir().registry());
            } else if (n instanceof Node.RootNode r) {
                t.preselect(r.model().root(), "");
            }
        });
        return t;
    }

    public TargetModel target(CertsRoot root, String registry) {
        TargetModel t = new TargetModel(rootChoices(), scanOptions, text);
        t.offer(RootChoice.folder(root.path(), text));
        t.preselect(root, registry);
        return t;
    }

    /** The window's roots, then the usual roots of this machine that are not there yet (the wizard makes them). */
    public List<RootChoice> rootChoices() {
        List<RootChoice> choices = new java.util.ArrayList<>(RootChoice.of(roots.roots(), text));
        for (CertsRoot r : roots.missingRoots()) {
            choices.add(new RootChoice(r, text.fmt("wizard.root.missing", text.get("root.kind." + r.kind().name())),
                    false));
        }
        return choices;
    }

    /** A fresh final page model whose success shows the host directory in the tree. */
    public ApplyViewModel applyModel(Function<dev.certsd.plan.Planned, Path> hostDirOf) {
        ApplyViewModel m = new ApplyViewModel(this::changes, background, text, elevation);
        m.onDone(p -> {
            // the status bar says what was done last: an "Undone: ..." from before must not stay there
            roots.notice(text.fmt("notice.wizardDone", p.changes().description().render(text.locale())));
            Path dir = hostDirOf.apply(p);
            if (dir != null) {
                reveal(dir);
            }
        });
        return m;
    }

    /** Writes through the app's one journal, so Edit › Undo takes back what a wizard wrote. */
    public synchronized void useChanges(FileChanges appChanges) {
        changes = appChanges;
    }

    /** The journal, opened on first use: every wizard writes through it, so undo works across them. */
    public synchronized FileChanges changes() throws IOException {
        if (changes == null) {
            changes = new FileChanges(Journal.open(data.resolve("journal")));
        }
        return changes;
    }

    public PendingKeys pending() {
        return new PendingKeys(data.resolve("pending-keys"));
    }

    /**
     * Selects the host directory in the tree once a scan has seen it; a root the window did not show yet (made by
     * the wizard, or added on its first page) is added first.
     */
    public void reveal(Path hostDir) {
        Path root = hostDir.getParent();
        if (root == null || !Files.isDirectory(hostDir)) {
            return;
        }
        NodeKey key = NodeKey.ofHost(root, hostDir.getFileName().toString());
        if (roots.model(root).isEmpty()) {
            roots.addRoot(root);
        }
        if (roots.node(key).isPresent()) {
            roots.selectedKeyProperty().set(key);
            return;
        }
        @SuppressWarnings("unchecked")
        ChangeListener<Number>[] once = new ChangeListener[1];
        once[0] = (o, a, b) -> {
            if (roots.node(key).isPresent()) {
                roots.revisionProperty().removeListener(once[0]);
                roots.selectedKeyProperty().set(key);
            }
        };
        roots.revisionProperty().addListener(once[0]);
        roots.refresh();
    }

    public RootsViewModel roots() {
        return roots;
    }

    public Function<CertsRoot, ScanOptions> scanOptions() {
        return scanOptions;
    }

    public Background background() {
        return background;
    }

    public UiText text() {
        return text;
    }

    public Clock clock() {
        return clock;
    }

    public ProbeRunner probes() {
        return probes;
    }

    public Window owner() {
        return owner;
    }

    public ObservableBooleanValue dark() {
        return dark;
    }

    public Consumer<String> copy() {
        return copy;
    }
}
