package dev.certsd.ui.wizard.ca;

import dev.certsd.pki.CaCandidate;
import dev.certsd.pki.CaImport;
import dev.certsd.pki.CaSource;
import dev.certsd.certs.PkiException;
import dev.certsd.probe.Cancellation;
import dev.certsd.probe.Endpoint;
import dev.certsd.probe.ProbeOptions;
import dev.certsd.roots.Client;
import dev.certsd.ui.UiText;
import dev.certsd.ui.wizard.ApplyViewModel;
import dev.certsd.ui.wizard.TargetModel;
import dev.certsd.ui.work.Background;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The CA root import: candidates from a file (a PKCS#12 password asked for when needed), pasted or dropped text or
 * files, or the live server's chain and Harbor's published CA (fetched off the UI thread, cancellable); the user
 * picks one and confirms it explicitly; the file name is checked as typed.
 */
public final class CaImportModel {
    /** A certificate offered, with the source that offered it (the plan needs both). */
    public record Offer(CaCandidate candidate, CaSource.Found source, String origin) {
    }

    private record Fetched(CaSource server, CaSource harbor) {
    }

    private final TargetModel target;
    private final Background background;
    private final UiText text;
    private final Clock clock;
    private final BiFunction<Client, Duration, ProbeOptions> probeOptions;
    private final ObservableList<Offer> offers = FXCollections.observableArrayList();
    private final ObjectProperty<Offer> selected = new SimpleObjectProperty<>();
    private final BooleanProperty confirmed = new SimpleBooleanProperty();
    private final StringProperty file = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty fileName = new SimpleStringProperty("ca.crt");
    private final BooleanProperty overwrite = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper needsPassword = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper sourceMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fileNameProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper fileExists = new ReadOnlyBooleanWrapper();
    private final BooleanBinding complete;
    private Cancellation fetching;
    private long generation;

    public CaImportModel(TargetModel target, Background background, UiText text, Clock clock,
                         BiFunction<Client, Duration, ProbeOptions> probeOptions) {
        this.target = target;
        this.background = background;
        this.text = text;
        this.clock = clock;
        this.probeOptions = probeOptions;
        selected.addListener((o, a, b) -> confirmed.set(false));
        fileName.addListener((o, a, b) -> updateFileName());
        overwrite.addListener((o, a, b) -> updateFileName());
        complete = Bindings.createBooleanBinding(() -> selected.get() != null && confirmed.get()
                && fileNameProblem.get().isEmpty(), selected, confirmed, fileNameProblem);
    }

    /** The free name in the host directory (ca.crt, else ca-2.crt…), when the source page is shown. */
    public void suggestName() {
        if (target.hostDir() != null) {
            fileName.set(CaImport.suggestedName(target.hostDir()));
        }
        updateFileName();
    }

    private void updateFileName() {
        Optional<String> p = CaImport.fileNameProblem(fileName.get()).map(t -> t.render(text.locale()));
        Path dir = target.hostDir();
        boolean exists = p.isEmpty() && dir != null && Files.exists(dir.resolve(fileName.get()));
        fileExists.set(exists);
        fileNameProblem.set(p.orElse(exists && !overwrite.get() ? text.fmt("wizard.caimport.nameTaken",
                fileName.get()) : ""));
    }

    /** Reads the file typed or chosen (off the UI thread), with the PKCS#12 password when one was asked for. */
    public void openFile() {
        String s = file.get().strip();
        if (s.isEmpty()) {
            return;
        }
        Path p = Path.of(s);
        char[] pass = password.get().toCharArray();
        load(text.get("wizard.caimport.activity.file"), () -> {
            try {
                return CaImport.fromFile(p, pass.length == 0 ? null : pass);
            } finally {
                Arrays.fill(pass, '\0');
            }
        }, text.fmt("wizard.caimport.origin.file", p.getFileName()));
    }

    /** Pasted text: PEM blocks, or Base64 without header lines. */
    public void paste(String pasted) {
        String s = pasted == null ? "" : pasted;
        load(text.get("wizard.caimport.activity.text"), () -> CaImport.fromText(s),
                text.get("wizard.caimport.origin.text"));
    }

    /** Something dropped on the wizard: the first file (read as a file), else the text. */
    public void dropped(List<Path> files, String droppedText) {
        Optional<Path> f = files.stream().filter(Files::isRegularFile).findFirst();
        if (f.isPresent()) {
            file.set(f.get().toAbsolutePath().toString());
            password.set("");
            openFile();
        } else if (droppedText != null && !droppedText.isBlank()) {
            paste(droppedText);
        }
    }

    /** Connects to the registry once, without verification, and offers its chain; then Harbor's CA if published. */
    public void fetchFromServer() {
        if (target.registry() == null || target.rootProperty().get() == null) {
            return;
        }
        Endpoint endpoint = Endpoint.of(target.registry().hostDir());
        ProbeOptions options = probeOptions.apply(target.rootProperty().get().root().client(), Duration.ofSeconds(5));
        Cancellation c = new Cancellation();
        fetching = c;
        long run = start(text.fmt("wizard.caimport.fetching", endpoint.authority()));
        background.run(text.fmt("wizard.caimport.fetching", endpoint.authority()), () -> {
            CaSource server = CaImport.fromServer(endpoint, options, c).source();
            CaSource harbor = c.cancelled() ? null : CaImport.fromHarbor(endpoint, options, c);
            return new Fetched(server, harbor);
        }, f -> {
            if (run == generation) {
                busy.set(false);
                fetched(f, endpoint);
            }
        }, e -> failed(run, e));
    }

    /** Stops the connection to the server at once. */
    public void cancel() {
        if (fetching != null && busy.get()) {
            fetching.cancel();
            generation++;
            busy.set(false);
            sourceMessage.set(text.get("wizard.caimport.cancelled"));
        }
    }

    private void fetched(Fetched f, Endpoint endpoint) {
        List<Offer> all = new ArrayList<>();
        List<String> said = new ArrayList<>();
        if (f.server() instanceof CaSource.Found found) {
            found.certificates().forEach(c -> all.add(new Offer(c, found, text.get("wizard.caimport.origin.server"))));
            said.add(text.fmt("wizard.caimport.serverFound", endpoint.authority(), found.certificates().size()));
        } else if (f.server() instanceof CaSource.Nothing n) {
            said.add(n.why().render(text.locale()));
        }
        if (f.harbor() instanceof CaSource.Found found) {
            found.certificates().forEach(c -> all.add(new Offer(c, found, text.get("wizard.caimport.origin.harbor"))));
            said.add(text.get("wizard.caimport.harborFound"));
        }
        offers.setAll(all);
        selected.set(null);
        sourceMessage.set(String.join(" ", said));
    }

    private void load(String activity, java.util.concurrent.Callable<CaSource> read, String origin) {
        long run = start(activity);
        background.run(activity, read, s -> {
            if (run != generation) {
                return;
            }
            busy.set(false);
            needsPassword.set(s instanceof CaSource.NeedsPassword || needsPassword.get()
                    && s instanceof CaSource.Nothing);
            if (s instanceof CaSource.Found found) {
                offers.setAll(found.certificates().stream().map(c -> new Offer(c, found, origin)).toList());
                selected.set(found.certificates().size() == 1 ? offers.get(0) : null);
                sourceMessage.set(text.fmt("wizard.caimport.found", found.certificates().size(), origin));
            } else {
                offers.clear();
                selected.set(null);
                sourceMessage.set(s instanceof CaSource.Nothing n ? n.why().render(text.locale())
                        : text.get("wizard.caimport.needsPassword"));
            }
        }, e -> failed(run, e));
    }

    private long start(String activity) {
        long run = ++generation;
        busy.set(true);
        sourceMessage.set(activity);
        return run;
    }

    private void failed(long run, Throwable e) {
        if (run == generation) {
            busy.set(false);
            sourceMessage.set(e instanceof PkiException pe ? pe.text().render(text.locale())
                    : text.fmt("wizard.apply.error", String.valueOf(e.getMessage())));
        }
    }

    public ApplyViewModel.Planner planner() {
        Offer o = selected.get();
        Path dir = target.hostDir();
        String name = fileName.get().strip();
        boolean ow = overwrite.get();
        return (cancel, progress) -> Optional.of(new CaImport(clock).plan(dir, o.source(), o.candidate().sha256(),
                name, ow));
    }

    public TargetModel target() {
        return target;
    }

    public ObservableList<Offer> offers() {
        return offers;
    }

    public ObjectProperty<Offer> selectedProperty() {
        return selected;
    }

    /** "I compared the fingerprint and trust this certificate": required, and cleared by every other pick. */
    public BooleanProperty confirmedProperty() {
        return confirmed;
    }

    public StringProperty fileProperty() {
        return file;
    }

    /** The PKCS#12 password (asked for when the file needs one). */
    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty fileNameProperty() {
        return fileName;
    }

    public BooleanProperty overwriteProperty() {
        return overwrite;
    }

    public ReadOnlyBooleanProperty needsPasswordProperty() {
        return needsPassword.getReadOnlyProperty();
    }

    /** Reading a file or talking to the server. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the last source held, or why nothing. */
    public ReadOnlyStringProperty sourceMessageProperty() {
        return sourceMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fileNameProblemProperty() {
        return fileNameProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty fileExistsProperty() {
        return fileExists.getReadOnlyProperty();
    }

    public BooleanBinding completeProperty() {
        return complete;
    }
}
