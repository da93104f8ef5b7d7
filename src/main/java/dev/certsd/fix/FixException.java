package dev.certsd.fix;

import dev.certsd.files.Message;
import dev.certsd.files.MessageException;

/** A fix cannot be planned (a wrong passphrase, a file that is not what the finding said); says what to do. */
public final class FixException extends MessageException {
    public FixException(Message text, Throwable cause) {
        super(text, cause);
    }

    public FixException(Message text) {
        super(text, null);
    }
}
