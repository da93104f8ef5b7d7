package dev.certsd.compare;

import dev.certsd.diagnose.FileEntry;
import dev.certsd.diagnose.FileReport;
import dev.certsd.files.FileModes;
import dev.certsd.material.CertInfo;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * What is compared of one file: its kind, content hash, mode and, for a certificate, its first certificate's
 * subject and validity.
 *
 * @param sha256 hex SHA-256 of the content, null when it could not be read
 * @param mode   octal mode ({@code 0600}), null where the file system has none
 */
public record FileFacts(String name, FileEntry.Kind kind, boolean symlink, String sha256, String mode,
                        String subject, Instant notBefore, Instant notAfter) {

    public static FileFacts of(FileReport f) {
        FileEntry e = f.entry();
        CertInfo first = e.content() != null && !e.content().certificates().isEmpty()
                ? e.content().certificates().get(0) : null;
        return new FileFacts(e.name(), e.kind(), e.symlink(), e.bytes() != null ? sha256(e.bytes()) : null,
                e.perms() != null ? FileModes.octal(e.perms()) : null,
                first != null ? first.subject() : null, first != null ? first.notBefore() : null,
                first != null ? first.notAfter() : null);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Same kind and, where both could be read, the same bytes. */
    boolean sameContent(FileFacts o) {
        return kind == o.kind && java.util.Objects.equals(sha256, o.sha256);
    }
}
