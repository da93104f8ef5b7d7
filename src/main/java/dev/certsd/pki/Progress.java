package dev.certsd.pki;

import dev.certsd.files.Message;

/**
 * Where a long operation reports how far it is: step {@code done} of {@code total}, and what it is doing now (a
 * sentence from the bundle). Called on the worker's thread: a view model hands it over to the FX thread itself.
 */
@FunctionalInterface
public interface Progress {
    /** Reports nothing. */
    Progress NONE = (done, total, now) -> { };

    void report(int done, int total, Message now);
}
