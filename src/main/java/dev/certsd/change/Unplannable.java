package dev.certsd.change;

import dev.certsd.files.Message;
import dev.certsd.files.MessageException;

/** A change cannot even be planned (a symbolic link to delete, a file too large to keep in the journal). */
public final class Unplannable extends MessageException {
    public Unplannable(Message text) {
        super(text, null);
    }
}
