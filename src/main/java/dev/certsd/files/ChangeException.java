package dev.certsd.files;

import java.io.IOException;
import java.util.Locale;

/** A step could not be applied; carries the {@link Problem} people are shown. */
public final class ChangeException extends IOException {
    private final transient Problem problem;

    public ChangeException(Problem problem, Throwable cause) {
        super(problem.message(Locale.ENGLISH), cause);
        this.problem = problem;
    }

    public ChangeException(Problem problem) {
        this(problem, null);
    }

    public Problem problem() {
        return problem;
    }
}
