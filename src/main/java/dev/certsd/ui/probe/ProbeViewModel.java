package dev.certsd.ui.probe;

import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.probe.Cancellation;
import dev.certsd.probe.ProbeMessages;
import dev.certsd.probe.ProbeReport;
import dev.certsd.ui.UiText;
import dev.certsd.ui.work.Background;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The connection test of one host directory: which client to model, the timeout, running (off the UI thread),
 * cancelling and re-running, and the last result as the window shows it. Changing the client runs the test again.
 */
public final class ProbeViewModel {
    /** Where the test stands. */
    public enum State { IDLE, RUNNING, DONE, CANCELLED, FAILED }

    public static final int MIN_TIMEOUT = 1;
    public static final int MAX_TIMEOUT = 120;

    private final CertsRoot root;
    private final String hostDir;
    private final ProbeRunner runner;
    private final Background background;
    private final UiText text;
    private final ReportText words;

    private final ObjectProperty<Client> client = new SimpleObjectProperty<>();
    private final IntegerProperty timeoutSeconds = new SimpleIntegerProperty(5);
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper endpoint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper proxy = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ProbeReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Answer> docsAnswer = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Answer> clientAnswer = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper difference = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper chainTrust = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper casNote = new ReadOnlyStringWrapper("");
    private final ObservableList<AttemptRow> attempts = FXCollections.observableArrayList();
    private final ObservableList<ChainRow> chain = FXCollections.observableArrayList();
    private final ObservableList<String> acceptableCas = FXCollections.observableArrayList();
    private final ObservableList<AttemptRow> attemptsView = FXCollections.unmodifiableObservableList(attempts);
    private final ObservableList<ChainRow> chainView = FXCollections.unmodifiableObservableList(chain);
    private final ObservableList<String> casView = FXCollections.unmodifiableObservableList(acceptableCas);

    private Cancellation current;
    private long generation;

    public ProbeViewModel(CertsRoot root, String hostDir, ProbeRunner runner, Background background, UiText text,
                          ProbeMessages messages) {
        this.root = root;
        this.hostDir = hostDir;
        this.runner = runner;
        this.background = background;
        this.text = text;
        this.words = new ReportText(text, messages);
        client.set(root.client());
        status.set(text.get("probe.status.idle"));
        client.addListener((o, a, b) -> {
            if (b != null && state.get() != State.IDLE) {
                run();
            }
        });
    }

    public String hostDir() {
        return hostDir;
    }

    public CertsRoot root() {
        return root;
    }

    /** Starts a test with the current client and timeout; a test still running is cancelled and forgotten. */
    public void run() {
        if (current != null) {
            current.cancel();
        }
        Cancellation cancellation = new Cancellation();
        current = cancellation;
        long run = ++generation;
        Client c = client.get();
        int seconds = Math.max(MIN_TIMEOUT, Math.min(MAX_TIMEOUT, timeoutSeconds.get()));
        clear();
        state.set(State.RUNNING);
        running.set(true);
        status.set(text.fmt("probe.status.running", hostDir, words.clientName(c), seconds));
        ProbeRunner.Request request = new ProbeRunner.Request(root, hostDir, c, Duration.ofSeconds(seconds));
        background.run(text.fmt("probe.activity", hostDir), () -> runner.run(request, cancellation),
                r -> {
                    if (run == generation) {
                        show(r, cancellation.cancelled());
                    }
                },
                e -> {
                    if (run == generation) {
                        failed(e);
                    }
                });
    }

    /** Closes every connection of the running test; its attempts end as cancelled. */
    public void cancel() {
        if (current != null && running.get()) {
            current.cancel();
        }
    }

    private void clear() {
        report.set(null);
        attempts.clear();
        chain.clear();
        acceptableCas.clear();
        docsAnswer.set(null);
        clientAnswer.set(null);
        difference.set("");
        chainTrust.set("");
        casNote.set("");
        proxy.set("");
    }

    private void show(ProbeReport r, boolean cancelled) {
        running.set(false);
        current = null;
        report.set(r);
        endpoint.set(r.endpoint().url());
        proxy.set(r.proxy().active() ? text.fmt("probe.proxy", r.proxy().proxy(), r.proxy().variable()) : "");
        attempts.setAll(words.attempts(r));
        chain.setAll(words.chain(r));
        chainTrust.set(words.chainTrust(r));
        acceptableCas.setAll(r.acceptableIssuers());
        casNote.set(words.casNote(r));
        if (cancelled) {
            // the answers need every attempt: half a test would give a wrong one
            state.set(State.CANCELLED);
            status.set(text.get("probe.status.cancelled"));
            return;
        }
        docsAnswer.set(words.docs(r));
        clientAnswer.set(words.client(r));
        difference.set(words.difference(r));
        state.set(State.DONE);
        status.set(words.finished(r));
    }

    private void failed(Throwable e) {
        running.set(false);
        current = null;
        state.set(State.FAILED);
        status.set(e instanceof NoSuchFileException ? text.fmt("probe.status.missing", e.getMessage())
                : text.fmt("probe.status.failed", String.valueOf(e.getMessage())));
    }

    public ObjectProperty<Client> clientProperty() {
        return client;
    }

    /** Seconds each phase of each connection may take (connect, handshake, read). */
    public IntegerProperty timeoutSecondsProperty() {
        return timeoutSeconds;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** What is happening, or how the last test ended. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The URL tested, once known. */
    public ReadOnlyStringProperty endpointProperty() {
        return endpoint.getReadOnlyProperty();
    }

    /** The proxy a Go client would go through, or empty. */
    public ReadOnlyStringProperty proxyProperty() {
        return proxy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ProbeReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The docs' model: the first pair, in alphabetical order, that works alone. Null until a full test ends. */
    public ReadOnlyObjectProperty<Answer> docsAnswerProperty() {
        return docsAnswer.getReadOnlyProperty();
    }

    /** What the chosen client really sends and what comes of it. Null until a full test ends. */
    public ReadOnlyObjectProperty<Answer> clientAnswerProperty() {
        return clientAnswer.getReadOnlyProperty();
    }

    /** A sentence when the two answers differ, else empty. */
    public ReadOnlyStringProperty differenceProperty() {
        return difference.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty chainTrustProperty() {
        return chainTrust.getReadOnlyProperty();
    }

    /** Why no acceptable CA is listed, or empty. */
    public ReadOnlyStringProperty casNoteProperty() {
        return casNote.getReadOnlyProperty();
    }

    public ObservableList<AttemptRow> attempts() {
        return attemptsView;
    }

    public ObservableList<ChainRow> chain() {
        return chainView;
    }

    public ObservableList<String> acceptableCas() {
        return casView;
    }
}
