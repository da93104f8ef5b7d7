package dev.certsd.roots;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Go's quoting, as the Go tool writes build settings: {@code strconv.Unquote} and {@code cmd/internal/quoted.Split}. */
final class GoQuoted {
    private GoQuoted() {
    }

    /** A double-quoted Go string literal's value; empty when it is not one. */
    static Optional<String> unquote(String q) {
        if (q.length() < 2 || q.charAt(0) != '"' || q.charAt(q.length() - 1) != '"') {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(q.length());
        int end = q.length() - 1;
        for (int i = 1; i < end; i++) {
            char c = q.charAt(i);
            if (c == '"' || c == '\n') {
                return Optional.empty();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            i = escape(q, i + 1, end, out);
            if (i < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(out.toString());
    }

    /** Appends the escape whose letter is at {@code at} (before {@code end}); the index of its last char, or -1. */
    private static int escape(String q, int at, int end, StringBuilder out) {
        if (at >= end) {
            return -1;
        }
        char e = q.charAt(at);
        int hex = switch (e) {
            case 'x' -> 2;
            case 'u' -> 4;
            case 'U' -> 8;
            default -> 0;
        };
        if (hex > 0) {
            if (at + hex >= end || !q.substring(at + 1, at + 1 + hex).chars().allMatch(GoQuoted::isHex)) {
                return -1;
            }
            int cp = (int) Long.parseLong(q.substring(at + 1, at + 1 + hex), 16);
            if (e == 'x' ? cp >= 0x80 : cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE
                    || !Character.isValidCodePoint(cp)) {
                return -1; // a raw byte of no character, or a code point Go refuses: the program is asked
            }
            out.appendCodePoint(cp);
            return at + hex;
        }
        String simple = switch (e) {
            case 'a' -> "\u0007";
            case 'b' -> "\b";
            case 'f' -> "\f";
            case 'n' -> "\n";
            case 'r' -> "\r";
            case 't' -> "\t";
            case 'v' -> "\u000b";
            case '\\' -> "\\";
            case '"' -> "\"";
            default -> null;
        };
        if (simple == null) {
            return -1; // octal escapes and others: strconv.Quote never writes them
        }
        out.append(simple);
        return at;
    }

    private static boolean isHex(int c) {
        return Character.digit(c, 16) >= 0;
    }

    /**
     * The fields of a flag string as the Go tool splits {@code -ldflags}: separated by spaces, tabs and line breaks; a
     * field that starts with a quote ({@code '} or {@code "}) runs to the next same quote, without escapes. Empty
     * when a quote is not closed (the Go tool refuses such flags).
     */
    static Optional<List<String>> split(String s) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (true) {
            while (i < n && " \t\n\r".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            if (i >= n) {
                return Optional.of(fields);
            }
            char quote = s.charAt(i);
            if (quote == '\'' || quote == '"') {
                int close = s.indexOf(quote, i + 1);
                if (close < 0) {
                    return Optional.empty();
                }
                fields.add(s.substring(i + 1, close));
                i = close + 1;
                continue;
            }
            int start = i;
            while (i < n && " \t\n\r".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            fields.add(s.substring(start, i));
        }
    }
}
