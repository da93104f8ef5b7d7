package dev.certsd.ui.wizard.signed;

import dev.certsd.material.CertInfo;
import dev.certsd.material.ContentReader;
import dev.certsd.material.InputFiles;
import dev.certsd.pki.CertificateRequests;
import dev.certsd.pki.PendingKeys;
import dev.certsd.plan.Placement;
import dev.certsd.certs.PkiException;
import dev.certsd.ui.UiText;
import dev.certsd.ui.wizard.ApplyViewModel;
import dev.certsd.ui.wizard.PairName;
import dev.certsd.ui.work.Background;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Import signed certificate": the keys waiting for a corporate CA, the certificate file the CA sent back (read off
 * the UI thread, matched to its waiting key by public key), and the pair's name in the host directory the request
 * was made for.
 */
public final class ImportSignedModel {
    private record Read(PendingKeys.Waiting match, String problem, String summary) {
    }

    private final PendingKeys pending;
    private final Background background;
    private final UiText text;
    private final Clock clock;
    private final ObservableList<PendingKeys.Waiting> waiting = FXCollections.observableArrayList();
    private final ObjectProperty<PendingKeys.Waiting> selected = new SimpleObjectProperty<>();
    private final StringProperty certificate = new SimpleStringProperty("");
    private final PairName pair;
    private final ReadOnlyStringWrapper listProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper certificateProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper();
    private final BooleanBinding complete;
    private long generation;

    public ImportSignedModel(PendingKeys pending, Background background, UiText text, Clock clock) {
        this.pending = pending;
        this.background = background;
        this.text = text;
        this.clock = clock;
        this.pair = new PairName(text, "", () -> selected.get() == null ? null : selected.get().hostDir(),
                () -> selected.get() == null ? "" : text.get("wizard.signed.noHostDir"));
        StringProperty name = pair.nameProperty();
        selected.addListener((o, a, b) -> {
            if (b != null && b.name() != null && (name.get().isEmpty() || a != null && name.get().equals(a.name()))) {
                name.set(b.name());
            }
            pair.check();
        });
        certificate.addListener((o, a, b) -> readCertificate());
        complete = Bindings.createBooleanBinding(() -> selected.get() != null && !reading.get()
                && certificateProblem.get().isEmpty() && !summary.get().isEmpty() && pair.problemProperty().get().isEmpty(),
                selected, reading, certificateProblem, summary, pair.problemProperty());
    }

    /** Lists the waiting keys off the UI thread; the oldest is selected. */
    public void load() {
        background.run(text.get("wizard.signed.activity.list"), pending::list, list -> {
            waiting.setAll(list);
            listProblem.set(list.isEmpty() ? text.fmt("wizard.signed.none", pending.directory()) : "");
            if (!list.isEmpty() && selected.get() == null) {
                selected.set(list.get(0));
            }
        }, e -> listProblem.set(e instanceof PkiException pe ? pe.text().render(text.locale())
                : text.fmt("wizard.apply.error", String.valueOf(e.getMessage()))));
    }

    private void readCertificate() {
        long run = ++generation;
        String s = certificate.get().strip();
        summary.set("");
        if (s.isEmpty()) {
            certificateProblem.set(text.get("wizard.signed.choose"));
            return;
        }
        List<PendingKeys.Waiting> keys = List.copyOf(waiting);
        reading.set(true);
        background.run(text.get("wizard.signed.activity.read"), () -> read(s, keys), r -> {
            if (run == generation) {
                reading.set(false);
                certificateProblem.set(r.problem());
                summary.set(r.summary());
                if (r.match() != null) {
                    selected.set(r.match());
                }
            }
        }, e -> {
            if (run == generation) {
                reading.set(false);
                certificateProblem.set(text.fmt("wizard.apply.error", String.valueOf(e.getMessage())));
            }
        });
    }

    private Read read(String s, List<PendingKeys.Waiting> keys) throws Exception {
        Path p;
        try {
            p = Path.of(s);
        } catch (InvalidPathException e) {
            return new Read(null, text.fmt("wizard.ca.noFile", s), "");
        }
        if (!p.isAbsolute() || !Files.isRegularFile(p)) {
            return new Read(null, text.fmt("wizard.ca.noFile", s), "");
        }
        List<CertInfo> certs = ContentReader.read(InputFiles.read(p)).certificates();
        if (certs.isEmpty()) {
            return new Read(null, text.get("wizard.signed.noCertificate"), "");
        }
        for (CertInfo c : certs) {
            for (PendingKeys.Waiting w : keys) {
                if (w.publicKeyId().equals(c.publicKeyId())) {
                    return new Read(w, "", text.fmt("wizard.signed.matches", c.subject(), c.issuer(),
                            w.name() == null ? w.id() : w.name(), w.csr() == null ? "-" : w.csr()));
                }
            }
        }
        return new Read(null, text.fmt("wizard.signed.noMatch", certs.get(0).subject(), keys.size()), "");
    }

    public ApplyViewModel.Planner planner() {
        PendingKeys.Waiting w = selected.get();
        Path file = Path.of(certificate.get().strip());
        String n = pair.value();
        boolean ow = pair.overwriteProperty().get();
        return (cancel, progress) -> Optional.of(new CertificateRequests(clock, pending)
                .importSigned(w.hostDir(), n, InputFiles.read(file), ow));
    }

    public ObservableList<PendingKeys.Waiting> waiting() {
        return waiting;
    }

    public ObjectProperty<PendingKeys.Waiting> selectedProperty() {
        return selected;
    }

    /** The certificate file the CA sent back. */
    public StringProperty certificateProperty() {
        return certificate;
    }

    /** No key waits (or the list cannot be read): what to do instead. */
    public ReadOnlyStringProperty listProblemProperty() {
        return listProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty certificateProblemProperty() {
        return certificateProblem.getReadOnlyProperty();
    }

    /** Which request the certificate answers. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The pair's name in the host directory the request was made for, its place in load order, Overwrite. */
    public PairName pair() {
        return pair;
    }

    public BooleanBinding completeProperty() {
        return complete;
    }
}
