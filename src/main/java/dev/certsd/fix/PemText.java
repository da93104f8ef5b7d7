package dev.certsd.fix;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Writes PEM the way openssl does (64-character lines, LF) and edits PEM files block by block, leaving every other
 * byte of the file as it was.
 */
final class PemText {
    private static final Pattern PRIVATE_KEY_BLOCK = Pattern.compile(
            "-----BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY)-----.*?-----END \\1-----[ \\t]*(?:\\r?\\n)?", Pattern.DOTALL);

    private PemText() {
    }

    static String block(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** The file without its private key blocks (bytes kept as they were: Latin-1 maps every byte to one char). */
    static byte[] withoutPrivateKeys(byte[] file) {
        String text = new String(file, StandardCharsets.ISO_8859_1);
        return PRIVATE_KEY_BLOCK.matcher(text).replaceAll("").getBytes(StandardCharsets.ISO_8859_1);
    }

    static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
