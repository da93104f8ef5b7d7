package dev.certsd.remote;

import java.io.IOException;
import java.util.Locale;

/** A remote machine could not be read; {@link #problem()} says why and what to do. */
public final class RemoteException extends IOException {
    private final transient RemoteProblem problem;

    public RemoteException(RemoteProblem problem, Throwable cause) {
        super(problem.message(Locale.getDefault()), cause);
        this.problem = problem;
    }

    public RemoteProblem problem() {
        return problem;
    }
}
