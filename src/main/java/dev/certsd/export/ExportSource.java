package dev.certsd.export;

import dev.certsd.diagnose.FileEntry;
import dev.certsd.diagnose.FileReport;
import dev.certsd.diagnose.HostReport;
import dev.certsd.diagnose.Verdict;
import dev.certsd.roots.FileRole;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A host directory to export, as the scan read it: the files the client uses (CA certificates, client pairs,
 * hosts.toml), never a directory whose client would stop on an error.
 */
public record ExportSource(String hostDir, List<ExportFile> files, List<String> pairs) {
    /** What Kubernetes accepts as a Secret key, and a safe file name everywhere. */
    private static final Pattern SAFE_NAME = Pattern.compile("[-._a-zA-Z0-9]+");

    public ExportSource {
        files = List.copyOf(files);
        pairs = List.copyOf(pairs);
    }

    /**
     * The files of a scanned host directory.
     *
     * @throws ExportException when the client stops on the directory (export the fix, not the mix-up), when a
     *                         file it needs cannot be read, or when a name could not be carried safely
     */
    public static ExportSource of(HostReport h) throws ExportException {
        String dir = h.path().getFileName().toString();
        Verdict v = h.verdict();
        if (v.level() == Verdict.Level.CONFIG_ERROR) {
            throw new ExportException("export.configError", dir, String.valueOf(v.clientError()));
        }
        List<ExportFile> files = new ArrayList<>();
        for (FileReport f : h.files()) {
            boolean used = f.role() == FileRole.CA || f.role() == FileRole.CLIENT_CERT
                    || f.role() == FileRole.CLIENT_KEY || f.role() == FileRole.CONFIG;
            if (!used) {
                continue;
            }
            if (f.entry().kind() != FileEntry.Kind.REGULAR || f.entry().bytes() == null) {
                throw new ExportException("export.unreadable", dir, f.name());
            }
            if (!SAFE_NAME.matcher(f.name()).matches() || f.name().startsWith(".")) {
                throw new ExportException("export.name", dir, f.name());
            }
            files.add(new ExportFile(f.name(), f.entry().bytes(), f.role() == FileRole.CLIENT_KEY));
        }
        if (files.isEmpty()) {
            throw new ExportException("export.empty", dir);
        }
        return new ExportSource(dir, files, h.load().pairs());
    }
}
