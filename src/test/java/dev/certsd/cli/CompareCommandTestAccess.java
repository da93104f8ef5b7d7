package dev.certsd.cli;

import java.io.IOException;
import java.nio.file.Path;

/** The compare tests' tree copy, for the window's test. */
public final class CompareCommandTestAccess {
    private CompareCommandTestAccess() {
    }

    public static Path copy(Path from, Path to) throws IOException {
        return CompareCommandTest.copy(from, to);
    }
}
