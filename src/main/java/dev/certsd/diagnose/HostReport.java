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
        // by the file a finding names: a file's few findings are compared, not every finding hashed whole (a
        // directory of 100,000 copies has as many findings, and as many more about the directory); a file with many
        // findings has them in a set
        java.util.Map<String, java.util.Collection<Finding>> ofFiles = new java.util.HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            List<Finding> own = files.get(i).findings();
            for (int j = 0; j < own.size(); j++) {
                Finding f = own.get(j);
                java.util.Collection<Finding> same = ofFiles.computeIfAbsent(String.valueOf(f.file()),
                        k -> new java.util.ArrayList<>(2));
                same.add(f);
                if (same.size() == FEW && same instanceof List) {
                    ofFiles.put(String.valueOf(f.file()), new java.util.HashSet<>(same));
                }
            }
        }
        List<Finding> out = new java.util.ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (!contains(ofFiles.get(String.valueOf(f.file())), f)) {
                out.add(f);
            }
        }
        return java.util.Collections.unmodifiableList(out);
    }

    /** Up to this many findings of one file are compared one by one. */
    private static final int FEW = 16;

    private static boolean contains(java.util.Collection<Finding> same, Finding f) {
        if (same instanceof List<Finding> few) {
            for (int i = 0; i < few.size(); i++) {
                if (few.get(i) == f || few.get(i).equals(f)) {
                    return true;
                }
            }
            return false;
        }
        return same != null && same.contains(f);
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
