package dev.certsd.change;

import dev.certsd.files.Message;

/** A change cannot even be planned (a symbolic link to delete, a file too large to keep in the journal). */
public final class Unplannable extends Exception {
    private final transient Message text;

    public Unplannable(Message text) {
        super(text.key() + " " + text.args());
        this.text = text;
    }

    public Message text() {
        return text;
    }
}
