package dev.certsd.cli;

import dev.certsd.diagnose.Finding;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Names and texts made safe for a terminal: control characters (C0, DEL, C1) and bytes that are not UTF-8 are shown
 * visibly, the way GNU {@code ls} quotes names, so a crafted file name or server message cannot move the cursor,
 * clear the screen or forge an "OK" line. A name that needs it is quoted whole as a shell word ({@code $'a\033[2Jb'},
 * with {@code \n \r \t \a \b \v \f}, {@code \033} for ESC, {@code \NNN} for other controls, {@code \xNN} for a byte
 * that is not UTF-8); any other name is printed as it is. JSON output needs none of this: it escapes by itself.
 *
 * <p>The JVM decodes file names with {@code sun.jnu.encoding}, turning bytes it cannot decode into U+FFFD. Given the
 * {@link Path}, {@link #name(Path)} recovers the real bytes (a path's URI keeps them, percent-encoded) and shows
 * each undecodable one as {@code \xNN}; given only a string, U+FFFD is shown as {@code \uFFFD}, which says that the
 * name held something the JVM could not read rather than guess at bytes.
 */
public final class TerminalText {
    private static final char REPLACEMENT = '\uFFFD';

    private TerminalText() {
    }

    /** A file or directory name, quoted whole when it holds anything a terminal would act on. */
    public static String name(String name) {
        if (name == null || !needsQuoting(name)) {
            return name;
        }
        StringBuilder b = new StringBuilder(name.length() + 8).append("$'");
        name.codePoints().forEach(cp -> escape(cp, b));
        return b.append('\'').toString();
    }

    /** Names, each quoted as {@link #name(String)} does, joined by a comma and a space. */
    public static String names(java.util.List<String> names) {
        return String.join(", ", names.stream().map(TerminalText::name).toList());
    }

    /** A finding to render for a terminal: its file quoted as a name, its arguments as texts. */
    public static Finding finding(Finding f) {
        if (!needsQuoting(f.file()) && f.args().stream().noneMatch(TerminalText::needsQuoting)) {
            return f;
        }
        return new Finding(f.code(), f.severity(), name(f.file()), f.args().stream().map(TerminalText::text).toList());
    }

    /** The last element of {@code path}, with the bytes the JVM could not decode shown as {@code \xNN}. */
    public static String name(Path path) {
        Path file = path.getFileName();
        return name(file == null ? path.toString() : file.toString(), path);
    }

    /** {@code name}, the last element of {@code path} as the JVM decoded it, shown as {@link #name(Path)} does. */
    public static String name(String s, Path path) {
        if (s.indexOf(REPLACEMENT) < 0) {
            return name(s);
        }
        byte[] raw = rawName(path);
        return raw == null ? name(s) : name(raw);
    }

    /**
     * A text that may hold names or a server's words (a finding, a step, an error): each space-separated word that
     * needs it is quoted as {@link #name(String)} quotes names, the rest is left as it is.
     */
    public static String text(String text) {
        if (text == null || !needsQuoting(text)) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        int start = 0;
        while (start <= text.length()) {
            int space = text.indexOf(' ', start);
            int end = space < 0 ? text.length() : space;
            b.append(word(text.substring(start, end)));
            if (space < 0) {
                break;
            }
            b.append(' ');
            start = space + 1;
        }
        return b.toString();
    }

    /** A word of a text, quoted without the punctuation that closes it ({@code $'a\nb.crt':}). */
    private static String word(String w) {
        int end = w.length();
        while (end > 0 && ":,;)".indexOf(w.charAt(end - 1)) >= 0) {
            end--;
        }
        return end == w.length() ? name(w) : name(w.substring(0, end)) + w.substring(end);
    }

    /**
     * A writer that passes everything but control characters: line ends ({@code \n}, and {@code \r\n} written
     * together), tabs and all printable text go through; any other C0 character, DEL or C1 character is written as
     * {@code \\u00} and its two hex digits (still a valid escape inside a JSON string). The last line of defence
     * for text nobody quoted; the line ends of {@code println} go straight to {@code out}.
     */
    public static PrintWriter guard(PrintWriter out, boolean autoFlush) {
        return TerminalGuard.of(out, autoFlush);
    }

    /**
     * The writer under a guard, for text whose writer escapes every control character itself (check's JSON: see
     * JsonEscapes); any other writer as it is.
     */
    static java.io.Writer escapedBy(PrintWriter out) {
        return TerminalGuard.under(out);
    }

    static boolean needsQuoting(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                continue; // printable ASCII: nearly every character of nearly every name
            }
            if (isControl(c) || c == REPLACEMENT || Character.isSurrogate(c) && !validSurrogate(s, i)) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        return false;
    }

    private static boolean validSurrogate(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }

    static boolean isControl(int c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f;
    }

    private static void escape(int cp, StringBuilder b) {
        switch (cp) {
            case '\n' -> b.append("\\n");
            case '\r' -> b.append("\\r");
            case '\t' -> b.append("\\t");
            case 0x07 -> b.append("\\a");
            case '\b' -> b.append("\\b");
            case 0x0b -> b.append("\\v");
            case '\f' -> b.append("\\f");
            case 0x1b -> b.append("\\033");
            case '\'' -> b.append("\\'");
            case '\\' -> b.append("\\\\");
            default -> {
                if (cp < 0x20 || cp == 0x7f) {
                    b.append('\\').append(String.format("%03o", cp));
                } else if (cp >= 0x80 && cp <= 0x9f || cp == REPLACEMENT || Character.isSurrogate((char) cp)
                        && cp <= 0xffff) {
                    b.append(String.format("\\u%04X", cp));
                } else {
                    b.appendCodePoint(cp);
                }
            }
        }
    }

    /** Raw bytes: UTF-8 where they decode, each other byte as {@code \xNN}. */
    static String name(byte[] raw) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(raw);
        CharBuffer chars = CharBuffer.allocate(raw.length + 1);
        StringBuilder b = new StringBuilder(raw.length + 8).append("$'");
        boolean quote = false;
        while (in.hasRemaining()) {
            CoderResult r = decoder.decode(in, chars, true);
            chars.flip();
            String decoded = chars.toString();
            quote |= needsQuoting(decoded);
            decoded.codePoints().forEach(cp -> escape(cp, b));
            chars.clear();
            if (r.isMalformed() || r.isUnmappable()) {
                for (int i = 0; i < r.length(); i++) {
                    b.append(String.format("\\x%02X", in.get() & 0xff));
                }
                quote = true;
                decoder.reset();
            } else if (r.isUnderflow()) {
                break;
            }
        }
        if (!quote) {
            return new String(raw, StandardCharsets.UTF_8);
        }
        return b.append('\'').toString();
    }

    /** The bytes of the path's last element, from its URI (which percent-encodes them), or null. */
    private static byte[] rawName(Path path) {
        try {
            String uri = path.toAbsolutePath().toUri().getRawPath();
            if (uri == null) {
                return null;
            }
            if (uri.endsWith("/") && uri.length() > 1) {
                uri = uri.substring(0, uri.length() - 1); // a directory's URI ends with a slash
            }
            String last = uri.substring(uri.lastIndexOf('/') + 1);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(last.length());
            for (int i = 0; i < last.length(); i++) {
                char c = last.charAt(i);
                if (c == '%' && i + 2 < last.length()) {
                    bytes.write(Integer.parseInt(last, i + 1, i + 3, 16));
                    i += 2;
                } else if (c < 0x80) {
                    bytes.write(c);
                } else {
                    return null; // not a percent-encoded URI: nothing to recover
                }
            }
            return bytes.toByteArray();
        } catch (RuntimeException e) {
            return null; // a file system without such URIs: the name as the JVM decoded it
        }
    }
}
