package dev.certsd.ui.changes;

import dev.certsd.files.Message;

/** A change cannot even be planned (a symbolic link to delete, a file too large to keep in the journal). */
final class Unplannable extends Exception {
    private final transient Message text;

    Unplannable(Message text) {
        super(text.key() + " " + text.args());
        this.text = text;
    }

    Message text() {
        return text;
    }
}
