package dev.certsd.fix;

import dev.certsd.diagnose.FileEntry;
import dev.certsd.diagnose.Finding;
import dev.certsd.diagnose.FindingCode;
import dev.certsd.files.ChangeSet;
import dev.certsd.files.Expected;
import dev.certsd.files.FileOp;
import dev.certsd.roots.FileRole;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Fixes that rename: a file whose extension gives it the wrong role, a host directory, the order of pairs. */
final class NameFixes {
    /** Prefixes are repeated until the pair sorts first; a bound keeps a pathological directory from looping. */
    private static final int MAX_PREFIX = 16;

    private NameFixes() {
    }

    /** CA_SAVED_AS_CERT: {@code ca.cert} becomes {@code ca.crt}. */
    static List<Fix> caToCrt(Finding f, HostFiles h) {
        Optional<FileEntry> e = h.readable(f.file());
        if (e.isEmpty()) {
            return List.of();
        }
        String target = h.freeName(FileRole.base(f.file()), ".crt");
        return List.of(Fix.ready(FixKind.RENAME_TO_CRT, f, h.dir(), ChangeSet.of(
                FixText.of("fix.renameToCrt", f.file(), target),
                new FileOp.Rename(h.dir().resolve(f.file()), h.dir().resolve(target), HostFiles.shown(e.get())))));
    }

    /** CLIENT_CERT_SAVED_AS_CRT: {@code client.crt} becomes {@code client.cert}, next to its key. */
    static List<Fix> clientToCert(Finding f, HostFiles h) {
        Optional<FileEntry> e = h.readable(f.file());
        String target = f.args().get(0) + ".cert";
        if (e.isEmpty() || h.taken(target)) {
            return List.of(); // the pairing name is fixed by the key's name: no other name would do
        }
        return List.of(Fix.ready(FixKind.RENAME_TO_CERT, f, h.dir(), ChangeSet.of(
                FixText.of("fix.renameToCert", f.file(), target),
                new FileOp.Rename(h.dir().resolve(f.file()), h.dir().resolve(target), HostFiles.shown(e.get())))));
    }

    /**
     * IGNORED_CERTIFICATE_FILE: the file gets the name the client reads it by, as the finding advises
     * ({@code client.pem} holding the certificate of {@code client.key} becomes {@code client.cert}).
     */
    static List<Fix> ignoredToRead(Finding f, HostFiles h) {
        return rename(f, f.file(), f.args().get(0), h);
    }

    /**
     * ORPHAN_KEY: when an ignored file of the directory holds the key's certificate (the scan advises renaming it to
     * the very name the key lacks), that rename pairs them: client authentication keeps working.
     */
    static List<Fix> partnerForOrphanKey(Finding f, HostFiles h) {
        String certName = f.args().get(0);
        return h.report().findings().stream()
                .filter(x -> x.code() == FindingCode.IGNORED_CERTIFICATE_FILE && x.args().get(0).equals(certName))
                .findFirst().map(x -> rename(f, x.file(), certName, h)).orElse(List.of());
    }

    private static List<Fix> rename(Finding f, String from, String to, HostFiles h) {
        Optional<FileEntry> e = h.readable(from);
        if (e.isEmpty() || h.taken(to)) {
            return List.of();
        }
        return List.of(Fix.ready(FixKind.RENAME, f, h.dir(), ChangeSet.of(FixText.of("fix.rename", from, to),
                new FileOp.Rename(h.dir().resolve(from), h.dir().resolve(to), HostFiles.shown(e.get())))));
    }

    /** DEFAULT_PORT_IN_DIR_NAME: {@code host:443} becomes {@code host}, unless that directory exists (never merged). */
    static List<Fix> hostDir(Finding f, HostFiles h) {
        Path target = h.dir().resolveSibling(f.args().get(1));
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        return List.of(Fix.ready(FixKind.RENAME_HOST_DIR, f, h.dir(), ChangeSet.of(
                FixText.of("fix.renameHostDir", h.dir().getFileName(), target.getFileName()),
                new FileOp.Rename(h.dir(), target, Expected.directory(null)))));
    }

    /**
     * EXPIRED_PAIR_SENT_FIRST: a Go client sends the first matching pair in name order and never retries, so the
     * valid pair is renamed with a prefix ({@code 0-}, {@code 0-0-}...) that sorts it before every other pair.
     */
    static List<Fix> reorder(Finding f, HostFiles h) {
        String cert = f.args().get(1);
        String key = FileRole.base(cert) + ".key";
        Optional<FileEntry> c = h.readable(cert);
        Optional<FileEntry> k = h.readable(key);
        if (c.isEmpty() || k.isEmpty()) {
            return List.of();
        }
        List<String> others = h.report().files().stream().map(r -> r.name())
                .filter(n -> n.endsWith(".cert") && !n.equals(cert)).toList();
        String prefix = "0-";
        for (int i = 0; i < MAX_PREFIX; i++, prefix += "0-") {
            String newCert = prefix + cert;
            String newKey = prefix + key;
            if (others.stream().allMatch(o -> HostFiles.goOrder(newCert, o) < 0) && !h.taken(newCert) && !h.taken(newKey)) {
                return List.of(Fix.ready(FixKind.REORDER_PAIRS, f, h.dir(), ChangeSet.of(
                        FixText.of("fix.reorder", cert, key, newCert, newKey, f.args().get(0)),
                        new FileOp.Rename(h.dir().resolve(cert), h.dir().resolve(newCert), HostFiles.shown(c.get())),
                        new FileOp.Rename(h.dir().resolve(key), h.dir().resolve(newKey), HostFiles.shown(k.get())))));
            }
        }
        return List.of();
    }
}
