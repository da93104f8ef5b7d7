package dev.certsd.ui.workspace;

import dev.certsd.diagnose.FileReport;
import dev.certsd.diagnose.HostReport;
import dev.certsd.diagnose.RootReport;
import dev.certsd.roots.CertsRoot;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** One certs root in the window: its latest snapshot, why it cannot be scanned, whether a scan is running. */
public final class RootModel {
    /** Why a root shows no report. */
    public enum Problem { MISSING, NOT_A_DIRECTORY, UNREADABLE }

    private final CertsRoot root;
    private final boolean addedByUser;
    private final boolean sample;
    private final ReadOnlyObjectWrapper<RootReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper scanning = new ReadOnlyBooleanWrapper();
    /** Counted once per snapshot: the tree, the status bar and the details pane all ask for it. */
    private Counts counts = Counts.NONE;
    /** Disk events seen while a scan was running; scanned right after it, so scans of one root never overlap. */
    DiskEvents pending;

    RootModel(CertsRoot root, boolean addedByUser, boolean sample) {
        this.root = root;
        this.addedByUser = addedByUser;
        this.sample = sample;
    }

    public CertsRoot root() {
        return root;
    }

    /** Added by the user (toolbar, menu, drop), so remembered between runs; found roots are found again. */
    public boolean addedByUser() {
        return addedByUser;
    }

    /** The generated sample root (in the application's data directory). */
    public boolean sample() {
        return sample;
    }

    /** What the tree calls this root: the kind that reads it, or for a folder the user added, its client. */
    public String label(dev.certsd.ui.UiText text) {
        if (sample || root.kind() == dev.certsd.roots.RootKind.CUSTOM) {
            String what = text.get(sample ? "root.sample" : "root.kind.CUSTOM");
            return text.fmt("root.readAs", what, text.get("probe.client." + root.client().name()));
        }
        String kind = text.get("root.kind." + root.kind().name());
        return root.client() == root.kind().client() ? kind
                : text.fmt("root.readAs", kind, text.get("probe.client." + root.client().name()));
    }

    public ReadOnlyObjectProperty<RootReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public RootReport report() {
        return report.get();
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty scanningProperty() {
        return scanning.getReadOnlyProperty();
    }

    void setReport(RootReport r) {
        problem.set(null);
        counts = Counts.of(r);
        report.set(r);
    }

    void setProblem(Problem p) {
        counts = Counts.NONE;
        report.set(null);
        problem.set(p);
    }

    void setScanning(boolean s) {
        scanning.set(s);
    }

    public Counts counts() {
        return counts;
    }

    /** The node {@code key} (of this root) names in the current snapshot, if it still exists. */
    Optional<Node> node(NodeKey key) {
        if (key.host() == null) {
            return Optional.of(new Node.RootNode(this));
        }
        RootReport r = report();
        if (r == null) {
            return Optional.empty();
        }
        Optional<HostReport> host = r.hosts().stream().filter(h -> h.hostDir().dirName().equals(key.host())).findFirst();
        if (host.isEmpty() || key.file() == null) {
            return host.map(h -> new Node.HostNode(root, h));
        }
        Optional<FileReport> file = host.get().files().stream().filter(f -> f.name().equals(key.file())).findFirst();
        return file.map(f -> new Node.FileNode(root, host.get(), f));
    }
}
