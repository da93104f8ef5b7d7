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

    /** Whether pulls fail: the client stops (or hangs) before connecting, or an error finding fails them later. */
    public boolean hasErrors() {
        return verdict().failing();
    }

    public long count(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).count();
    }

    /** The client's verdict with its banner level: the one answer the tree, the details, {@code check} and JSON show. */
    public Verdict verdict() {
        return Verdict.of(this);
    }

    /** The findings about the directory as a whole (or about several files), not listed under one file. */
    public List<Finding> hostFindings() {
        java.util.Set<Finding> ofFiles = new java.util.HashSet<>();
        files.forEach(file -> ofFiles.addAll(file.findings()));
        return findings.stream().filter(f -> !ofFiles.contains(f)).toList();
    }

    /** The files whose first certificate a certificate of {@code name} issued (the issuer relation, reversed). */
    public List<String> issued(String name) {
        return files.stream().filter(f -> f.issuedBy().contains(name)).map(FileReport::name).toList();
    }

    /** The CA file the client loads that issued the file's first certificate, or null. */
    public String loadedIssuer(FileReport file) {
        return file.issuedBy().stream().filter(load.caFiles()::contains).findFirst().orElse(null);
    }
}
