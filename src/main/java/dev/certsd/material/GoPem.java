package dev.certsd.material;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A faithful port of Go's {@code encoding/pem.Decode}: what a Go client finds in a file is exactly what this
 * finds, including its tolerance of text around blocks and its silent skipping of malformed blocks.
 */
public final class GoPem {
    private static final byte[] PEM_START = "\n-----BEGIN ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PEM_END = "\n-----END ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PEM_END_OF_LINE = "-----".getBytes(StandardCharsets.US_ASCII);

    private GoPem() {
    }

    /** Every block Go's decoder returns, in order. */
    public static List<PemBlock> decodeAll(byte[] data) {
        List<PemBlock> blocks = new ArrayList<>();
        int pos = 0;
        while (pos < data.length) {
            Result r = decode(data, pos);
            if (r == null) {
                break;
            }
            blocks.add(r.block);
            pos = r.rest;
        }
        return blocks;
    }

    private record Result(PemBlock block, int rest) {
    }

    /**
     * Go 1.24.8 / 1.25.2 and later (the fix of CVE-2025-61723): find the first END line, then the last BEGIN line
     * before it, and after a failed block resume behind that END. Older Go searched each BEGIN's END afresh, which
     * is quadratic on a file of BEGIN lines; both find the same blocks. Positions here are absolute, so resuming
     * behind the END never goes backwards where Go's relative slicing would panic.
     */
    private static Result decode(byte[] d, int start) {
        int rest = start;
        while (true) {
            int endIndex = indexOf(d, rest, PEM_END);
            if (endIndex < 0) {
                return null;
            }
            int endTrailerIndex = endIndex + PEM_END.length;
            int beginIndex = lastIndexOf(d, rest, endIndex, PEM_START, 1);
            if (beginIndex < 0 || (beginIndex > rest && d[beginIndex - 1] != '\n')) {
                rest = endTrailerIndex;
                continue;
            }
            int[] line = getLine(d, beginIndex + PEM_START.length - 1);
            int typeStart = line[0];
            int typeEnd = line[1];
            int body = line[2];
            if (!endsWith(d, typeStart, typeEnd, PEM_END_OF_LINE)) {
                rest = endTrailerIndex;
                continue;
            }
            typeEnd -= PEM_END_OF_LINE.length;
            Map<String, String> headers = new LinkedHashMap<>();
            while (true) {
                if (body >= d.length) {
                    return null;
                }
                int[] l = getLine(d, body);
                int colon = indexOfByte(d, l[0], l[1], (byte) ':');
                if (colon < 0) {
                    break;
                }
                headers.put(ascii(d, l[0], colon).trim(), ascii(d, colon + 1, l[1]).trim());
                body = l[2];
            }
            if (!headers.isEmpty() && endIndex < body) {
                rest = endTrailerIndex;
                continue;
            }
            if (!trailerMatches(d, endTrailerIndex, typeStart, typeEnd - typeStart)) {
                rest = endTrailerIndex;
                continue;
            }
            byte[] decoded = endIndex > body ? base64(d, body, endIndex) : new byte[0];
            if (decoded == null) {
                rest = endTrailerIndex;
                continue;
            }
            int[] tail = getLine(d, endIndex + PEM_END.length - 1);
            return new Result(new PemBlock(ascii(d, typeStart, typeEnd), headers, decoded), tail[2]);
        }
    }

    /** The END line names the BEGIN line's type, ends in "-----", and nothing but blanks follow on it. */
    private static boolean trailerMatches(byte[] d, int endTrailerIndex, int typeStart, int typeLen) {
        int trailerLen = typeLen + PEM_END_OF_LINE.length;
        if (d.length - endTrailerIndex < trailerLen
                || !regionEquals(d, endTrailerIndex, d, typeStart, typeLen)
                || !regionEquals(d, endTrailerIndex + typeLen, PEM_END_OF_LINE, 0, PEM_END_OF_LINE.length)) {
            return false;
        }
        int[] after = getLine(d, endTrailerIndex + trailerLen);
        return after[1] == after[0];
    }

    /** Go's getLine: [start, end of the line without trailing spaces/tabs/CR, start of the next line]. */
    private static int[] getLine(byte[] d, int from) {
        int nl = indexOfByte(d, from, d.length, (byte) '\n');
        int next;
        int end;
        if (nl < 0) {
            end = d.length;
            next = d.length;
        } else {
            end = nl;
            next = nl + 1;
        }
        while (end > from && (d[end - 1] == ' ' || d[end - 1] == '\t' || d[end - 1] == '\r')) {
            end--;
        }
        return new int[] {from, end, next};
    }

    private static byte[] base64(byte[] d, int from, int to) {
        byte[] text = new byte[Math.max(0, to - from)];
        int n = 0;
        for (int i = from; i < to; i++) {
            byte b = d[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                text[n++] = b;
            }
        }
        if (n != text.length) {
            text = java.util.Arrays.copyOf(text, n);
        }
        try {
            // Go's StdEncoding is strict: padding required, no stray characters.
            if (text.length % 4 != 0) {
                return null;
            }
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String ascii(byte[] d, int from, int to) {
        return new String(d, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static boolean endsWith(byte[] d, int from, int to, byte[] suffix) {
        return to - from >= suffix.length && regionEquals(d, to - suffix.length, suffix, 0, suffix.length);
    }

    private static boolean regionEquals(byte[] a, int aFrom, byte[] b, int bFrom, int n) {
        if (aFrom < 0 || aFrom + n > a.length || bFrom + n > b.length) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (a[aFrom + i] != b[bFrom + i]) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(byte[] d, int from, byte[] needle) {
        outer:
        for (int i = Math.max(0, from); i <= d.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (d[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The last occurrence of needle[needleFrom..] entirely inside d[from, to), or -1. */
    private static int lastIndexOf(byte[] d, int from, int to, byte[] needle, int needleFrom) {
        int n = needle.length - needleFrom;
        for (int i = to - n; i >= Math.max(0, from); i--) {
            if (regionEquals(d, i, needle, needleFrom, n)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfByte(byte[] d, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (d[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
