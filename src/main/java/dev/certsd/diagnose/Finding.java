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
}
