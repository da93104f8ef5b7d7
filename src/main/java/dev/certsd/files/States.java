package dev.certsd.files;

import java.nio.file.Path;

/** Compares what a step expects with what is there, naming the difference for people. */
final class States {
    private States() {
    }

    /** The problem with {@code actual} for a step expecting {@code expected}, or null when it matches. */
    static Problem mismatch(Path path, Expected expected, PathState actual) {
        if (expected.matches(actual)) {
            return null;
        }
        if (actual.kind() == PathState.Kind.UNREADABLE
                || (expected.kind() == Expected.Kind.FILE && !actual.contentKnown())) {
            return Problem.of(Problem.Code.UNREADABLE, path, actual.reason());
        }
        return switch (expected.kind()) {
            case ABSENT -> Problem.of(Problem.Code.ALREADY_EXISTS, path);
            case FILE -> actual.kind() == PathState.Kind.ABSENT ? Problem.of(Problem.Code.MISSING, path)
                    : actual.kind() != PathState.Kind.FILE ? Problem.of(Problem.Code.NOT_A_FILE, path, actual.kind())
                    : !expected.sha256().equals(actual.sha256()) ? Problem.of(Problem.Code.CHANGED_SINCE_SHOWN, path)
                    : modeChanged(path, expected, actual);
            case DIRECTORY -> actual.kind() == PathState.Kind.ABSENT ? Problem.of(Problem.Code.MISSING, path)
                    : actual.kind() != PathState.Kind.DIRECTORY ? Problem.of(Problem.Code.NOT_A_DIRECTORY, path)
                    : modeChanged(path, expected, actual);
        };
    }

    static Problem modeChanged(Path path, Expected expected, PathState actual) {
        return Problem.of(Problem.Code.MODE_CHANGED, path, FileModes.octal(expected.mode()),
                actual.mode() == null ? "?" : FileModes.octal(actual.mode()));
    }

    /** The expectation that {@code s} is still there, exactly. */
    static Expected expect(PathState s) {
        return switch (s.kind()) {
            case ABSENT -> Expected.absent();
            case FILE -> Expected.file(s.sha256(), s.mode());
            case DIRECTORY -> Expected.directory(s.mode());
            default -> throw new IllegalArgumentException("no expectation for " + s.kind());
        };
    }
}
