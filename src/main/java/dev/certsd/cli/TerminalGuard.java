package dev.certsd.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The guard of {@link TerminalText#guard}: a writer that passes everything but control characters, and the same
 * rule for pieces of a long output made on other threads and written as bytes ({@link #guardedUtf8}).
 */
final class TerminalGuard {
    private TerminalGuard() {
    }

    static PrintWriter of(PrintWriter out, boolean autoFlush) {
        return out instanceof Guard ? out : new Guard(out, autoFlush);
    }

    /** The writer under a guard; any other writer as it is. */
    static Writer under(PrintWriter out) {
        return out instanceof Guard guard ? guard.inner() : out;
    }

    /** The writer. */
    private static final class Guard extends PrintWriter {
        Guard(Writer out, boolean autoFlush) {
            super(out, autoFlush);
        }

        Writer inner() {
            return out;
        }

        @Override
        public void write(int c) {
            if (TerminalText.isControl(c) && c != '\n' && c != '\t') {
                super.write(guardEscape((char) c), 0, 6);
            } else {
                super.write(c);
            }
        }

        @Override
        public void write(String s, int off, int len) {
            // copied a piece at a time, then scanned as an array (cheaper than charAt in C1 code)
            char[] chars = new char[Math.min(len, 8192)];
            for (int done = 0; done < len; ) {
                int n = Math.min(chars.length, len - done);
                if (n > 1 && done + n < len && s.charAt(off + done + n - 1) == '\r') {
                    n--; // a line end \r\n is kept together, as guardedUtf8 sees it
                }
                s.getChars(off + done, off + done + n, chars, 0);
                write(chars, 0, n);
                done += n;
            }
        }

        @Override
        public void write(char[] buf, int off, int len) {
            int plain = off;
            int end = off + len;
            for (int i = plainUpTo(buf, off, end); i < end; i = plainUpTo(buf, plain, end)) {
                super.write(buf, plain, i - plain);
                super.write(guardEscape(buf[i]), 0, 6);
                plain = i + 1;
            }
            super.write(buf, plain, end - plain);
        }
    }

    /**
     * Where the guard's first escape falls in {@code buf[from..end)}, or {@code end}: printable text, line ends
     * ({@code \r} only when {@code \n} follows it in the same run) and tabs pass.
     */
    private static int plainUpTo(char[] buf, int from, int end) {
        for (int i = from; i < end; i++) {
            char c = buf[i];
            if (!(c >= 0x20 && (c < 0x7f || c > 0x9f) || c == '\n' || c == '\t'
                    || c == '\r' && i + 1 < end && buf[i + 1] == '\n')) {
                return i;
            }
        }
        return end;
    }

    private static String guardEscape(char c) {
        return String.format("\\u%04X", (int) c);
    }

    /**
     * The UTF-8 bytes a guard over a {@link TerminalOut} writes for {@code s} written whole: for pieces of a long
     * output made on every core and written as bytes ({@link #utf8Under}).
     */
    static byte[] guardedUtf8(String s) {
        char[] buf = s.toCharArray();
        int end = buf.length;
        int i = plainUpTo(buf, 0, end);
        if (i == end) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        StringBuilder b = new StringBuilder(end + 16);
        int plain = 0;
        for (; i < end; i = plainUpTo(buf, plain, end)) {
            b.append(buf, plain, i - plain).append(guardEscape(buf[i]));
            plain = i + 1;
        }
        return b.append(buf, plain, end - plain).toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The UTF-8 stream under a guard over a {@link TerminalOut} (flush {@code out} before writing to it), for bytes
     * made by {@link #guardedUtf8}; null for any other writer.
     */
    static java.io.OutputStream utf8Under(PrintWriter out) {
        return out instanceof Guard g && g.inner() instanceof TerminalOut t ? t.utf8Bytes() : null;
    }
}
