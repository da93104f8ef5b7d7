package dev.certsd.certs;

import dev.certsd.files.Message;
import dev.certsd.files.MessageException;
import dev.certsd.material.InputFiles;

/**
 * An operation cannot go ahead (a wrong passphrase, a name already taken, a certificate that fits no waiting key);
 * {@link #text()} says what happened and what to do next, in the caller's language.
 */
public class PkiException extends MessageException {
    public PkiException(Message text, Throwable cause) {
        super(text, cause);
    }

    public PkiException(Message text) {
        this(text, null);
    }

    public static PkiException of(String key, Object... args) {
        return new PkiException(PkiText.of(key, args));
    }

    /** A file over the input limit: refused with the limit named. */
    public static PkiException tooLarge(String file, InputFiles.TooLarge e) {
        return new PkiException(PkiText.of("error.tooLarge", file, InputFiles.TooLarge.limit()), e);
    }

    /** A file or directory that could not be read, with the system's reason. */
    public static PkiException unreadable(Object where, Exception e) {
        return new PkiException(PkiText.of("error.read", where, String.valueOf(e.getMessage())), e);
    }

    /** The user cancelled (key generation stops waiting at once); nothing was written. */
    public static final class Cancelled extends PkiException {
        public Cancelled() {
            super(PkiText.of("error.cancelled"));
        }
    }
}
