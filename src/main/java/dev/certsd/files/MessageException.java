package dev.certsd.files;

import java.util.Locale;

/**
 * Something cannot go ahead, and {@link #text()} says what happened and what to do next in the caller's language
 * (the exception's own message is the English text, for logs).
 */
public class MessageException extends Exception {
    private final transient Message text;

    public MessageException(Message text, Throwable cause) {
        super(text.render(Locale.ENGLISH), cause);
        this.text = text;
    }

    public Message text() {
        return text;
    }
}
