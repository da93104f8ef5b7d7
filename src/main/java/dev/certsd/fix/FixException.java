package dev.certsd.fix;

import dev.certsd.files.Message;
import java.util.Locale;

/** A fix cannot be planned (a wrong passphrase, a file that is not what the finding said); says what to do. */
public final class FixException extends Exception {
    private final transient Message text;

    public FixException(Message text, Throwable cause) {
        super(text.render(Locale.ENGLISH), cause);
        this.text = text;
    }

    public FixException(Message text) {
        this(text, null);
    }

    public Message text() {
        return text;
    }
}
