package dev.certsd.diagnose;

import java.util.List;
import java.util.Objects;

/**
 * One thing worth telling about a host directory or a file.
 *
 * @param file the file's name in its host directory, or null for the directory itself
 * @param args the values the message is rendered with (file names, dates, the client's error text)
 */
public record Finding(FindingCode code, Severity severity, String file, List<String> args) {
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        args = List.copyOf(args);
    }

    public static Finding of(FindingCode code, Severity severity, String file, String... args) {
        return new Finding(code, severity, file, List.of(args));
    }

    public Finding withSeverity(Severity s) {
        return new Finding(code, s, file, args);
    }

    /**
     * From code, severity, file and the number of arguments only (equals still compares every argument): the
     * record's own hash walked every argument string each time a finding was looked up, and a directory of 100,000
     * files looks up each of its findings three times to show it with its fixes.
     */
    @Override
    public int hashCode() {
        return ((code.ordinal() * 31 + severity.ordinal()) * 31 + Objects.hashCode(file)) * 31 + args.size();
    }

    /** The record's equality, written out (the generated one goes through method handles, slow in C1 code). */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Finding f && code == f.code && severity == f.severity
                && Objects.equals(file, f.file) && args.equals(f.args);
    }
}
