package dev.certsd.fix;

import dev.certsd.diagnose.FileEntry;
import dev.certsd.diagnose.FileReport;
import dev.certsd.diagnose.HostReport;
import dev.certsd.files.Expected;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** A host report seen from the fixes' side: files as the scan read them, and names still free. */
final class HostFiles {
    private final HostReport report;
    // built on first use (one finding of a large directory stays linear), by one thread while others may ask
    private volatile java.util.Map<String, FileReport> byName;
    private volatile java.util.Map<String, String> certsByKey;


    HostFiles(HostReport report) {
        this.report = report;
    }

    Path dir() {
        return report.path().toAbsolutePath().normalize();
    }

    HostReport report() {
        return report;
    }

    Optional<FileReport> file(String name) {
        java.util.Map<String, FileReport> m = byName;
        if (m == null) {
            synchronized (this) {
                if (byName == null) {
                    java.util.Map<String, FileReport> index = new java.util.HashMap<>();
                    report.files().forEach(f -> index.putIfAbsent(f.name(), f));
                    byName = index;
                }
                m = byName;
            }
        }
        return Optional.ofNullable(m.get(name));
    }

    /**
     * The entry when the scan read it whole as a regular file. Links are left alone: a fix would replace the link,
     * not the file it points to, and that is not what the user sees.
     */
    Optional<FileEntry> readable(String name) {
        return file(name).map(FileReport::entry)
                .filter(e -> e.kind() == FileEntry.Kind.REGULAR && !e.symlink() && e.bytes() != null);
    }

    /**
     * The first client certificate (in directory order) whose certificate holds the key with this identity and
     * which has no .key yet; indexed once, so the orphan keys of a large directory are not each a walk over it.
     */
    Optional<String> certificateWithoutKey(String keyId) {
        java.util.Map<String, String> m = certsByKey;
        if (m == null) {
            synchronized (this) {
                if (certsByKey == null) {
                    certsByKey = certificatesByKey();
                }
                m = certsByKey;
            }
        }
        return Optional.ofNullable(m.get(keyId));
    }

    private java.util.Map<String, String> certificatesByKey() {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (FileReport r : report.files()) {
            if (r.role() != dev.certsd.roots.FileRole.CLIENT_CERT || r.entry().content() == null) {
                continue;
            }
            java.util.List<dev.certsd.material.CertInfo> certs = r.entry().content().goCertificates();
            if (certs.isEmpty() || certs.get(0).publicKeyId() == null || m.containsKey(certs.get(0).publicKeyId())
                    || taken(dev.certsd.roots.FileRole.base(r.name()) + ".key")) {
                continue;
            }
            m.put(certs.get(0).publicKeyId(), r.name());
        }
        return m;
    }

    /** The file as it was shown: its exact bytes and mode. */
    static Expected shown(FileEntry e) {
        return Expected.file(e.bytes(), e.perms());
    }

    boolean taken(String name) {
        return file(name).isPresent() || Files.exists(dir().resolve(name), LinkOption.NOFOLLOW_LINKS);
    }

    /** {@code base + ext}, or {@code base-2 + ext}, {@code base-3 + ext}... whichever is free. */
    String freeName(String base, String ext) {
        String name = base + ext;
        for (int i = 2; taken(name); i++) {
            name = base + "-" + i + ext;
        }
        return name;
    }

    /** Go's order of names (os.ReadDir): by their UTF-8 bytes. */
    static int goOrder(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
