package dev.certsd.material;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises what a file holds, trying PEM (as Go decodes it), then DER structures, then PKCS#7 and PKCS#12,
 * then bare Base64, and names each problem specifically ({@link PemContent} reads PEM, {@link DerContent} DER).
 * Never throws on any input.
 */
public final class ContentReader {
    private static final byte[] BEGIN = "-----BEGIN ".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern BASE64_TEXT = Pattern.compile("[A-Za-z0-9+/=\\s]+");

    private ContentReader() {
    }

    public static Content read(byte[] data) {
        try {
            return classify(data);
        } catch (RuntimeException | StackOverflowError e) {
            // Hostile input must never escape as an exception: report it as junk.
            return new ContentBuilder(Content.Format.BINARY).issue(ContentIssue.BINARY_JUNK).build();
        }
    }

    private static Content classify(byte[] d) {
        if (isBlank(d)) {
            return new ContentBuilder(Content.Format.EMPTY).issue(ContentIssue.EMPTY_FILE).build();
        }
        if (d.length >= 2 && ((d[0] == (byte) 0xFF && d[1] == (byte) 0xFE) || (d[0] == (byte) 0xFE && d[1] == (byte) 0xFF))) {
            return new ContentBuilder(Content.Format.TEXT).issue(ContentIssue.UTF16_ENCODED).build();
        }
        if (GoPem.indexOf(d, 0, BEGIN) >= 0) {
            return PemContent.read(d);
        }
        if (d[0] == 0x30) {
            return DerContent.read(d, Content.Format.DER);
        }
        if (d.length >= 4 && (d[0] & 0xFF) == 0xFE && (d[1] & 0xFF) == 0xED && (d[2] & 0xFF) == 0xFE
                && (d[3] & 0xFF) == 0xED) {
            return new ContentBuilder(Content.Format.JAVA_KEYSTORE).issue(ContentIssue.JAVA_KEYSTORE).build();
        }
        if (!looksLikeText(d)) {
            return new ContentBuilder(Content.Format.BINARY).issue(ContentIssue.BINARY_JUNK).build();
        }
        return text(new String(d, StandardCharsets.UTF_8));
    }

    private static Content text(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        if (s.startsWith("PuTTY-User-Key-File")) {
            return new ContentBuilder(Content.Format.TEXT).issue(ContentIssue.PUTTY_KEY).build();
        }
        if (lower.contains("<html") || lower.contains("<!doctype html")) {
            return new ContentBuilder(Content.Format.TEXT).issue(ContentIssue.HTML_PAGE).build();
        }
        String compact = s.strip();
        if (compact.length() >= 64 && BASE64_TEXT.matcher(compact).matches()) {
            try {
                byte[] decoded = Base64.getMimeDecoder().decode(compact);
                if (decoded.length > 0 && decoded[0] == 0x30) {
                    Content inner = DerContent.read(decoded, Content.Format.TEXT);
                    List<ContentIssue> issues = new ArrayList<>(inner.issues());
                    // The file is text, not binary DER: only the missing header lines are its problem.
                    issues.removeAll(List.of(ContentIssue.DER_CERTIFICATE, ContentIssue.DER_KEY));
                    issues.add(0, ContentIssue.BASE64_WITHOUT_HEADERS);
                    return new Content(Content.Format.TEXT, inner.certificates(), List.of(), inner.keys(), issues, null);
                }
            } catch (IllegalArgumentException e) {
                // not Base64 after all
            }
        }
        return new ContentBuilder(Content.Format.TEXT).issue(ContentIssue.TEXT_NOT_PEM).build();
    }

    private static boolean isBlank(byte[] d) {
        for (byte b : d) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeText(byte[] d) {
        int n = Math.min(d.length, 4096);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int c = d[i] & 0xFF;
            if (c == 0) {
                return false;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                control++;
            }
        }
        return control * 20 < n;
    }
}
