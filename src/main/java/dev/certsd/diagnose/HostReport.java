package dev.certsd.diagnose;

import dev.certsd.roots.HostDir;
import java.nio.file.Path;
import java.util.List;

/**
 * One registry host directory as a client sees it.
 *
 * @param certsdUsed whether the client reads this directory at all (Docker skips insecure registries)
 * @param load       what the client loads and the error it stops with
 * @param files      every entry, in the client's load order (byte order of names)
 * @param findings   every finding of the directory and its files
 * @param verdict    the client's verdict with its level, computed once from the above
 */
public record HostReport(Path path, HostDir hostDir, boolean certsdUsed, ClientLoad load, List<FileReport> files,
                         List<Finding> findings, Verdict verdict) {
    public HostReport {
        files = List.copyOf(files);
        findings = List.copyOf(findings);
        if (verdict == null) {
            verdict = Verdict.of(certsdUsed, load, findings);
        }
    }

    /** A report whose verdict follows from the load and the findings. */
    public HostReport(Path path, HostDir hostDir, boolean certsdUsed, ClientLoad load, List<FileReport> files,
                      List<Finding> findings) {
        this(path, hostDir, certsdUsed, load, files, findings, null);
    }

    /** The client's error text before any network I/O, or null (also when the client never reads the directory). */
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
