package dev.certsd.pki;

import dev.certsd.certs.KeySpec;
import dev.certsd.certs.PkiException;
import dev.certsd.certs.Subject;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What the user chose for a new client pair.
 *
 * @param hostDir   the registry host directory in certs.d (made when missing)
 * @param name      the pair's base name: {@code <name>.cert} + {@code <name>.key}
 * @param days      validity in days from now
 * @param overwrite replace {@code <name>.cert}/{@code <name>.key} when they exist (the user's explicit choice)
 */
public record ClientSpec(Path hostDir, String name, KeySpec key, Subject subject, int days, boolean overwrite) {
    /** A year, as the docs' recipe gives; long enough to set up, short enough to be renewed. */
    public static final int DEFAULT_DAYS = 365;
    static final int MAX_DAYS = 36500;

    public ClientSpec {
        Objects.requireNonNull(hostDir, "hostDir");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(subject, "subject");
        hostDir = hostDir.toAbsolutePath().normalize();
    }

    void check() throws PkiException {
        subject.check();
        checkDays(days);
    }

    static void checkDays(int days) throws PkiException {
        if (days < 1 || days > MAX_DAYS) {
            throw PkiException.of("error.days", days, MAX_DAYS);
        }
    }
}
