package dev.certsd.fix;

import dev.certsd.diagnose.Finding;
import dev.certsd.files.ChangeSet;
import dev.certsd.files.Message;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * One way to fix one finding: what it does, in words, and the change set that does it (planned from the files as the
 * scan read them, so a file changed since is refused when applied). Apply it through {@code FileChanges}.
 */
public final class Fix {
    /** Plans the change set; the passphrase is null for fixes that need none. */
    @FunctionalInterface
    interface Planner {
        ChangeSet plan(char[] passphrase) throws FixException;
    }

    private final FixKind kind;
    private final Finding finding;
    private final Path hostDir;
    private final Message description;
    private final boolean needsPassphrase;
    private final Planner planner;

    Fix(FixKind kind, Finding finding, Path hostDir, Message description, boolean needsPassphrase, Planner planner) {
        this.kind = Objects.requireNonNull(kind);
        this.finding = Objects.requireNonNull(finding);
        this.hostDir = Objects.requireNonNull(hostDir);
        this.description = Objects.requireNonNull(description);
        this.needsPassphrase = needsPassphrase;
        this.planner = Objects.requireNonNull(planner);
    }

    static Fix ready(FixKind kind, Finding finding, Path hostDir, ChangeSet changes) {
        return new Fix(kind, finding, hostDir, changes.description(), false, p -> changes);
    }

    public FixKind kind() {
        return kind;
    }

    public Finding finding() {
        return finding;
    }

    public Path hostDir() {
        return hostDir;
    }

    /** What the fix does, for its button's tooltip and the preview's title. */
    public Message description() {
        return description;
    }

    /** Whether {@link #plan(char[])} needs the key's passphrase (decrypting a key). */
    public boolean needsPassphrase() {
        return needsPassphrase;
    }

    public ChangeSet plan() throws FixException {
        if (needsPassphrase) {
            throw new FixException(FixText.of("error.needsPassphrase", finding.file()));
        }
        return planner.plan(null);
    }

    /** Plans with the passphrase, which is wiped afterwards. */
    public ChangeSet plan(char[] passphrase) throws FixException {
        try {
            return planner.plan(passphrase);
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }
}
