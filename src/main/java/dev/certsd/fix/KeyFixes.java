package dev.certsd.fix;

import dev.certsd.diagnose.FileEntry;
import dev.certsd.diagnose.FileReport;
import dev.certsd.diagnose.Finding;
import dev.certsd.files.ChangeSet;
import dev.certsd.files.Expected;
import dev.certsd.files.FileModes;
import dev.certsd.files.FileOp;
import dev.certsd.files.Message;
import dev.certsd.roots.FileRole;
import dev.certsd.material.CertInfo;
import dev.certsd.material.Content;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Fixes about private keys: their mode, their passphrase, and keys sitting in certificate files. */
final class KeyFixes {
    private KeyFixes() {
    }

    /** KEY_READABLE_BY_OTHERS: chmod 600. */
    static List<Fix> tighten(Finding f, HostFiles h) {
        Optional<FileEntry> e = h.readable(f.file());
        if (e.isEmpty()) {
            return List.of();
        }
        return List.of(Fix.ready(FixKind.TIGHTEN_KEY_MODE, f, h.dir(), ChangeSet.of(
                FixText.of("fix.tighten", f.file()),
                new FileOp.ChangeMode(h.dir().resolve(f.file()), FileModes.KEY, HostFiles.shown(e.get())))));
    }

    /** ENCRYPTED_KEY in a .key file holding just that key: decrypt with the passphrase, write PKCS#8, 0600. */
    static List<Fix> decrypt(Finding f, HostFiles h) {
        Optional<FileReport> r = h.file(f.file());
        Optional<FileEntry> e = h.readable(f.file());
        if (e.isEmpty() || r.isEmpty() || r.get().role() != FileRole.CLIENT_KEY
                || e.get().content().keys().size() != 1 || e.get().content().hasCertificates()) {
            return List.of();
        }
        FileEntry entry = e.get();
        Message text = FixText.of("fix.decrypt", f.file());
        Path path = h.dir().resolve(f.file());
        return List.of(new Fix(FixKind.DECRYPT_KEY, f, h.dir(), text, true, passphrase -> ChangeSet.of(text,
                FileOp.WriteFile.overwrite(path, HostFiles.shown(entry),
                        KeyDecryption.decrypt(entry.bytes(), passphrase, f.file()), FileModes.KEY))));
    }

    /**
     * COMBINED_CERT_AND_KEY and CRT_HOLDS_PRIVATE_KEY: the certificates stay and the key leaves the file (the undo
     * journal keeps the old file). A .crt holding only the key of a client certificate without its key file becomes
     * that key file; holding only some other key, it is removed.
     */
    static List<Fix> split(Finding f, HostFiles h) {
        Optional<FileEntry> e = h.readable(f.file());
        if (e.isEmpty() || !e.get().content().hasKeys()) {
            return List.of();
        }
        FileEntry entry = e.get();
        Path path = h.dir().resolve(f.file());
        Expected shown = HostFiles.shown(entry);
        if (entry.content().hasCertificates()) {
            byte[] stripped = PemText.withoutPrivateKeys(entry.bytes());
            if (Arrays.equals(stripped, entry.bytes())) {
                return List.of(); // the key is not in a PEM block we can cut out (DER, PKCS#12)
            }
            Set<PosixFilePermission> mode = entry.perms() != null ? entry.perms() : FileModes.CERTIFICATE;
            return List.of(Fix.ready(FixKind.SPLIT_KEY, f, h.dir(), ChangeSet.of(FixText.of("fix.split.strip", f.file()),
                    FileOp.WriteFile.overwrite(path, shown, stripped, mode))));
        }
        Optional<String> pairName = certificateWithoutKey(entry.content(), h);
        if (pairName.isPresent()) {
            String keyName = FileRole.base(pairName.get()) + ".key";
            // chmod before the rename: under its .key name it is never readable by others, not even for a moment
            ChangeSet cs = FileModes.KEY.equals(entry.perms())
                    ? ChangeSet.of(FixText.of("fix.split.toPair", f.file(), keyName, pairName.get()),
                            new FileOp.Rename(path, h.dir().resolve(keyName), shown))
                    : ChangeSet.of(FixText.of("fix.split.toPair", f.file(), keyName, pairName.get()),
                            new FileOp.ChangeMode(path, FileModes.KEY, shown),
                            new FileOp.Rename(path, h.dir().resolve(keyName),
                                    Expected.file(entry.bytes(), FileModes.KEY)));
            return List.of(Fix.ready(FixKind.SPLIT_KEY, f, h.dir(), cs));
        }
        return List.of(Fix.ready(FixKind.SPLIT_KEY, f, h.dir(), ChangeSet.of(FixText.of("fix.split.remove", f.file()),
                new FileOp.Delete(path, shown))));
    }

    /** A .cert of the directory whose certificate this key belongs to and which has no .key yet. */
    private static Optional<String> certificateWithoutKey(Content keyFile, HostFiles h) {
        String keyId = keyFile.keys().get(0).publicKeyId();
        if (keyId == null) {
            return Optional.empty();
        }
        return h.certificateWithoutKey(keyId);
    }
}
