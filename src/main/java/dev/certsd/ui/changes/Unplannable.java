package dev.certsd.ui.changes;

import dev.certsd.files.Text;

/** A change cannot even be planned (a symbolic link to delete, a file too large to keep in the journal). */
final class Unplannable extends Exception {
    private final transient Text text;

    Unplannable(Text text) {
        super(text.key() + " " + text.args());
        this.text = text;
    }

    Text text() {
        return text;
    }
}
