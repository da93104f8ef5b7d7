package dev.certsd.diagnose;

import dev.certsd.layout.HostDir;
import java.nio.file.Path;
import java.util.List;

/**
 * One registry host directory as a client sees it.
 *
 * @param certsdUsed whether the client reads this directory at all (Docker skips insecure registries)
 * @param load       what the client loads and the error it stops with
 * @param files      every entry, in the client's load order (byte order of names)
 * @param findings   every finding of the directory and its files
 */
public record HostReport(Path path, HostDir hostDir, boolean certsdUsed, ClientLoad load, List<FileReport> files,
                         List<Finding> findings) {
    public HostReport {
        files = List.copyOf(files);
        findings = List.copyOf(findings);
    }

    public String configError() {
        return certsdUsed ? load.configError() : null;
    }

    public boolean hasErrors() {
        return configError() != null || count(Severity.ERROR) > 0;
    }

    public long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }
}
