package dev.certsd.ui.compare;

import dev.certsd.compare.CompareRun;
import dev.certsd.compare.Comparison;
import dev.certsd.compare.DirComparison;
import dev.certsd.compare.FileDifference;
import dev.certsd.compare.FileFacts;
import dev.certsd.diagnose.Verdict;
import dev.certsd.roots.Client;
import dev.certsd.remote.SshSettings;
import dev.certsd.ui.UiText;
import dev.certsd.ui.work.Background;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The compare view's state: two places read off the UI thread (over SSH where remote) and their differences. */
final class CompareViewModel {
    private final Background background;
    private final UiText text;
    private final SshSettings ssh;
    private final StringProperty left = new SimpleStringProperty("");
    private final StringProperty right = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final ObjectProperty<Comparison> result = new SimpleObjectProperty<>();
    private final ObservableList<CompareRow> rows = FXCollections.observableArrayList();
    private final ObservableList<CompareRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private int generation;

    CompareViewModel(Background background, UiText text, SshSettings ssh) {
        this.background = background;
        this.text = text;
        this.ssh = ssh;
    }

    StringProperty leftProperty() {
        return left;
    }

    StringProperty rightProperty() {
        return right;
    }

    StringProperty statusProperty() {
        return status;
    }

    BooleanProperty runningProperty() {
        return running;
    }

    ObjectProperty<Comparison> resultProperty() {
        return result;
    }

    /** The rows to show, read-only: only a comparison changes them. */
    ObservableList<CompareRow> rows() {
        return rowsView;
    }

    void compare() {
        String a = left.get().strip();
        String b = right.get().strip();
        if (a.isEmpty() || b.isEmpty()) {
            status.set(text.get("compare.status.both"));
            return;
        }
        int mine = ++generation;
        running.set(true);
        rows.clear();
        result.set(null);
        status.set(text.get("compare.status.running"));
        background.run(text.get("compare.activity"), () -> CompareRun.run(a, b, Client.DOCKER, ssh), c -> {
            if (mine != generation) {
                return;
            }
            running.set(false);
            result.set(c);
            show(c);
        }, e -> {
            if (mine == generation) {
                running.set(false);
                status.set(String.valueOf(e.getMessage()));
            }
        });
    }

    /** Leaves the running comparison to finish unseen. */
    void cancel() {
        generation++;
        running.set(false);
        status.set(text.get("compare.status.cancelled"));
    }

    private void show(Comparison c) {
        long differ = 0;
        for (DirComparison d : c.dirs()) {
            if (d.verdictsDiffer()) {
                differ++;
            }
            rows.add(new CompareRow(d.name(), "", text.get(d.verdictsDiffer() ? "compare.verdictsDiffer"
                    : d.same() ? "compare.same" : "compare.filesDiffer"), verdict(d.leftVerdict()),
                    verdict(d.rightVerdict()), true));
            for (FileDifference f : d.differences()) {
                rows.add(new CompareRow("", f.name(), text.get("compare.change." + f.change().id()),
                        facts(f.left()), facts(f.right()), false));
            }
        }
        status.set(text.fmt("compare.status.done", c.dirs().size(), differ));
    }

    private String verdict(Verdict v) {
        if (v == null) {
            return text.get("compare.absent");
        }
        String level = text.get("fleet.verdict." + v.level().id());
        return v.clientError() != null ? level + ": " + v.clientError() : level;
    }

    private static String facts(FileFacts f) {
        if (f == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        if (f.mode() != null) {
            b.append(f.mode()).append("  ");
        }
        b.append(f.sha256() != null ? "SHA-256 " + f.sha256().substring(0, 16) + "…" : f.kind().name());
        if (f.subject() != null) {
            b.append("  ").append(f.subject()).append("  → ").append(f.notAfter());
        }
        return b.toString();
    }
}
