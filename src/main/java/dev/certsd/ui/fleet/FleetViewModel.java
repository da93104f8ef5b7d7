package dev.certsd.ui.fleet;

import dev.certsd.files.AtomicWriter;
import dev.certsd.files.FileModes;
import dev.certsd.fleet.FleetChecker;
import dev.certsd.fleet.FleetReport;
import dev.certsd.fleet.FleetScans;
import dev.certsd.fleet.InventoryEntry;
import dev.certsd.fleet.MachineResult;
import dev.certsd.roots.Client;
import dev.certsd.remote.RemoteAccess;
import dev.certsd.remote.RemoteProblem;
import dev.certsd.remote.SshSettings;
import dev.certsd.ui.UiText;
import dev.certsd.ui.work.Background;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The fleet view's state: machines checked over SSH off the UI thread, a bounded number at once, their rows
 * arriving as each machine is done; cancel, trust a host key the user confirmed, export the table.
 */
final class FleetViewModel {
    private final Background background;
    private final UiText text;
    private final SshSettings ssh;
    private final ObservableList<FleetReport.Row> rows = FXCollections.observableArrayList();
    private final ObservableList<FleetReport.Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<FleetReport> report = new SimpleObjectProperty<>();
    private final Map<String, MachineResult> results = new LinkedHashMap<>();
    private final Set<String> trusted = new LinkedHashSet<>();
    private List<InventoryEntry> entries = List.of();
    private String root;
    private Client client = Client.DOCKER;
    private AtomicBoolean cancel = new AtomicBoolean();

    FleetViewModel(Background background, UiText text, SshSettings ssh) {
        this.background = background;
        this.text = text;
        this.ssh = ssh;
    }

    /** The rows so far, read-only: they change as machines are done. */
    ObservableList<FleetReport.Row> rows() {
        return rowsView;
    }

    BooleanProperty runningProperty() {
        return running;
    }

    DoubleProperty progressProperty() {
        return progress;
    }

    StringProperty statusProperty() {
        return status;
    }

    ObjectProperty<FleetReport> reportProperty() {
        return report;
    }

    /** Checks these machines (reading {@code root} on each, or the client's first root there). */
    void check(List<InventoryEntry> machines, String rootOnEach, Client asClient) {
        this.entries = List.copyOf(machines);
        this.root = rootOnEach == null || rootOnEach.isBlank() ? null : rootOnEach.strip();
        this.client = asClient;
        run();
    }

    private void run() {
        cancel.set(true);
        AtomicBoolean mine = new AtomicBoolean();
        cancel = mine;
        rows.clear();
        results.clear();
        report.set(null);
        running.set(true);
        progress.set(0);
        int total = entries.size();
        status.set(text.fmt("fleet.status.running", 0, total));
        List<InventoryEntry> todo = entries;
        SshSettings settings = ssh.withAccepted(trusted);
        background.run(text.get("fleet.activity"), () -> {
            try (RemoteAccess access = new RemoteAccess(settings)) {
                return new FleetChecker(access, FleetChecker.DEFAULT_MAX_CONNECTIONS).check(todo,
                        FleetScans.root(client, root, 30),
                        r -> background.onUi(() -> {
                            if (!mine.get()) {
                                arrived(r, total);
                            }
                        }), mine::get);
            }
        }, r -> {
            if (mine.get()) {
                return;
            }
            report.set(r);
            running.set(false);
            progress.set(1);
            status.set(text.fmt(r.cancelled() ? "fleet.status.cancelled" : "fleet.status.done", r.machines().size(),
                    r.machines().stream().filter(m -> !m.read()).count(),
                    r.machines().stream().filter(m -> m.read() && m.failing()).count(), r.maxConcurrent()));
        }, e -> {
            running.set(false);
            status.set(String.valueOf(e.getMessage()));
        });
    }

    private void arrived(MachineResult r, int total) {
        if (results.containsKey(r.entry().name())) {
            return;
        }
        results.put(r.entry().name(), r);
        rows.addAll(FleetReport.rowsOf(r, text.locale()));
        progress.set((double) results.size() / Math.max(1, total));
        status.set(text.fmt("fleet.status.running", results.size(), total));
    }

    /** Stops machines not yet started; those connected finish (each within the timeout). */
    void cancel() {
        cancel.set(true);
        running.set(false);
        status.set(text.fmt("fleet.status.cancelled", results.size(),
                results.values().stream().filter(m -> !m.read()).count(),
                results.values().stream().filter(m -> m.read() && m.failing()).count(), 0));
    }

    /** The unknown host key of the row's machine, when that is why it could not be read. */
    RemoteProblem unknownKey(FleetReport.Row row) {
        MachineResult m = row == null ? null : results.get(row.machine());
        return m != null && m.problem() != null && m.problem().kind() == RemoteProblem.Kind.UNKNOWN_HOST_KEY
                ? m.problem() : null;
    }

    /** The user compared and confirmed this fingerprint: trust it (known_hosts learns it) and check again. */
    void trust(String fingerprint) {
        trusted.add(fingerprint);
        run();
    }

    void exportJson(Path file) throws IOException {
        AtomicWriter.write(file, current().toJson(java.util.Locale.ENGLISH).getBytes(StandardCharsets.UTF_8),
                FileModes.CERTIFICATE, true, null);
    }

    void exportCsv(Path file) throws IOException {
        AtomicWriter.write(file, current().toCsv(text.locale()).getBytes(StandardCharsets.UTF_8),
                FileModes.CERTIFICATE, true, null);
    }

    private FleetReport current() {
        FleetReport r = report.get();
        return r != null ? r : new FleetReport(List.copyOf(results.values()), 0, java.time.Duration.ZERO, true);
    }
}
