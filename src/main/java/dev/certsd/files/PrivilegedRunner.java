package dev.certsd.files;

import java.io.IOException;

/**
 * Runs a prepared change's helper with administrator rights (the desktop's privilege prompt): the one way the whole
 * app elevates, injected where it is needed, because no test can answer a polkit prompt.
 */
public interface PrivilegedRunner {
    /**
     * How the helper ended.
     *
     * @param exitCode pkexec's or the helper's: 0 applied, 1 refused, 126 prompt dismissed, 127 not authorised; -1
     *                 when it was stopped at the time limit
     * @param output   the last of what it said
     */
    record Result(int exitCode, String output, boolean timedOut) {
        public Result(int exitCode, String output) {
            this(exitCode, output, false);
        }
    }

    /** Whether the "Run with administrator rights" action can be offered at all. */
    boolean available();

    /** Runs the helper on {@code prepared} to its end or its time limit; called off the UI thread. */
    Result run(PreparedChange prepared) throws IOException, InterruptedException;

    /** pkexec on this machine (see {@link PkexecRunner}). */
    static PrivilegedRunner pkexec() {
        return PkexecRunner.onThisMachine();
    }
}
