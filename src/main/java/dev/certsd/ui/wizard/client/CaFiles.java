package dev.certsd.ui.wizard.client;

import dev.certsd.pki.CaCandidate;
import dev.certsd.certs.PkiException;
import dev.certsd.certs.SigningCa;
import dev.certsd.ui.UiText;
import dev.certsd.ui.work.Background;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The CA a user holds, as its two files and the key's passphrase: read again off the UI thread whenever one of
 * them changes, so the page says at once whether the key needs a passphrase, whether it is right, and which CA it is.
 */
public final class CaFiles {
    private record Check(boolean needsPassphrase, String problem, String summary) {
    }

    private final Background background;
    private final UiText text;
    private final StringProperty cert = new SimpleStringProperty("");
    private final StringProperty key = new SimpleStringProperty("");
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper needsPassphrase = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final BooleanBinding complete;
    private long generation;

    CaFiles(Background background, UiText text) {
        this.background = background;
        this.text = text;
        cert.addListener((o, a, b) -> check());
        key.addListener((o, a, b) -> check());
        passphrase.addListener((o, a, b) -> check());
        complete = Bindings.createBooleanBinding(() -> !checking.get() && problem.get().isEmpty()
                && !summary.get().isEmpty(), checking, problem, summary);
    }

    private void check() {
        long run = ++generation;
        String c = cert.get().strip();
        String k = key.get().strip();
        char[] pass = passphrase.get().toCharArray();
        summary.set("");
        if (c.isEmpty() || k.isEmpty()) {
            problem.set(c.isEmpty() && k.isEmpty() ? "" : text.get("wizard.ca.bothFiles"));
            checking.set(false);
            return;
        }
        checking.set(true);
        background.run(text.get("wizard.ca.activity"), () -> read(c, k, pass), r -> {
            if (run == generation) {
                checking.set(false);
                needsPassphrase.set(r.needsPassphrase());
                problem.set(r.problem());
                summary.set(r.summary());
            }
        }, e -> {
            if (run == generation) {
                checking.set(false);
                problem.set(text.fmt("wizard.apply.error", String.valueOf(e.getMessage())));
            }
        });
    }

    private Check read(String c, String k, char[] pass) {
        boolean needs = false;
        try {
            Path certFile = path(c);
            Path keyFile = path(k);
            if (certFile == null || !Files.isRegularFile(certFile)) {
                return new Check(false, text.fmt("wizard.ca.noFile", c), "");
            }
            if (keyFile == null || !Files.isRegularFile(keyFile)) {
                return new Check(false, text.fmt("wizard.ca.noFile", k), "");
            }
            needs = SigningCa.needsPassphrase(keyFile);
            if (needs && pass.length == 0) {
                return new Check(true, text.get("wizard.ca.enterPassphrase"), "");
            }
            SigningCa ca = SigningCa.read(certFile, keyFile, needs ? pass : null);
            CaCandidate cc = CaCandidate.of(ca.cert());
            String until = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(text.locale())
                    .withZone(ZoneId.systemDefault()).format(cc.notAfter());
            return new Check(needs, "", text.fmt("wizard.ca.summary", cc.subject(), until));
        } catch (PkiException e) {
            return new Check(needs, e.text().render(text.locale()), "");
        } finally {
            Arrays.fill(pass, '\0');
        }
    }

    private static Path path(String s) {
        try {
            Path p = Path.of(s);
            return p.isAbsolute() ? p : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    Path certPath() {
        return Path.of(cert.get().strip());
    }

    Path keyPath() {
        return Path.of(key.get().strip());
    }

    public StringProperty certProperty() {
        return cert;
    }

    public StringProperty keyProperty() {
        return key;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    /** Whether the key is encrypted: the passphrase field is shown then. */
    public ReadOnlyBooleanProperty needsPassphraseProperty() {
        return needsPassphrase.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /** What is wrong with the files or the passphrase; empty when the CA was read. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The CA read: "CN=… · valid until …". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public BooleanBinding complete() {
        return complete;
    }
}
