package dev.certsd.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every sentence the window can show in one language, from the bundles the window renders (its own, the findings',
 * the connection test's, the file changes' and the fixes'), to tell whether a text on screen came from them.
 * A placeholder may hold anything (a file name, a client's message); a pattern that is only placeholders and
 * punctuation ({@code {0}（{1}）}) matches only when each placeholder holds a bundle text in turn, so it cannot pass
 * an inline English phrase.
 */
public final class BundleTexts {
    public static final List<String> BUNDLES = List.of(UiText.BUNDLE, "dev.certsd.diagnose.findings",
            "dev.certsd.probe.probe", "dev.certsd.files.files", "dev.certsd.fix.fixes", "dev.certsd.pki.pki",
            "dev.certsd.change.change");
    private static final Object HOLE = new Object();

    private final Set<String> exact = new HashSet<>();
    private final List<Pattern> worded = new ArrayList<>();
    private final List<List<Object>> frames = new ArrayList<>();

    public BundleTexts(Locale locale) {
        for (String name : BUNDLES) {
            ResourceBundle b = ResourceBundle.getBundle(name, locale);
            for (String key : Collections.list(b.getKeys())) {
                exact.add(b.getString(key)); // read with get(): shown as written
                expandChoices(b.getString(key)).forEach(this::add);
            }
        }
    }

    /** A pattern once per branch of each choice in it: "{0,choice,1#1 error|1<{0} errors}" is two patterns. */
    static List<String> expandChoices(String v) {
        int at = v.indexOf(",choice,");
        if (at < 0) {
            return List.of(v);
        }
        int open = v.lastIndexOf('{', at);
        int depth = 0;
        int close = open;
        for (int i = open; i < v.length(); i++) {
            depth += v.charAt(i) == '{' ? 1 : v.charAt(i) == '}' ? -1 : 0;
            if (depth == 0) {
                close = i;
                break;
            }
        }
        String body = v.substring(at + ",choice,".length(), close);
        List<String> branches = new ArrayList<>();
        int start = 0;
        depth = 0;
        for (int i = 0; i <= body.length(); i++) {
            char c = i < body.length() ? body.charAt(i) : '|';
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (c == '|' && depth == 0) {
                String b = body.substring(start, i);
                int sep = b.indexOf('#') >= 0 && (b.indexOf('<') < 0 || b.indexOf('#') < b.indexOf('<'))
                        ? b.indexOf('#') : b.indexOf('<');
                branches.add(b.substring(sep + 1));
                start = i + 1;
            }
        }
        List<String> out = new ArrayList<>();
        for (String b : branches) {
            out.addAll(expandChoices(v.substring(0, open) + b + v.substring(close + 1)));
        }
        return out;
    }

    private void add(String value) {
        List<Object> parts = parse(value);
        if (parts.stream().noneMatch(p -> p == HOLE)) {
            exact.add(String.join("", parts.stream().map(String.class::cast).toList()));
            return;
        }
        boolean letters = parts.stream().filter(p -> p != HOLE).anyMatch(p -> ((String) p).codePoints()
                .anyMatch(Character::isLetter));
        if (letters) {
            StringBuilder re = new StringBuilder();
            for (Object p : parts) {
                re.append(p == HOLE ? "(.*?)" : Pattern.quote((String) p));
            }
            worded.add(Pattern.compile(re.toString(), Pattern.DOTALL));
        } else if (parts.stream().anyMatch(p -> p != HOLE && !((String) p).isBlank())) {
            frames.add(parts);
        }
    }

    /** Whether {@code shown} is a bundle text, filled in; a text of several lines may be one text per line. */
    public boolean contains(String shown) {
        if (matches(shown, 0)) {
            return true;
        }
        if (!shown.contains("\n")) {
            return false;
        }
        return shown.lines().filter(l -> !l.isBlank()).allMatch(l -> matches(l, 0));
    }

    private boolean matches(String s, int depth) {
        if (exact.contains(s) || exact.contains(s.strip())) {
            return true;
        }
        for (Pattern p : worded) {
            if (p.matcher(s).matches()) {
                return true;
            }
        }
        if (depth >= 3) {
            return false;
        }
        for (List<Object> f : frames) {
            if (frame(f, 0, s, 0, depth)) {
                return true;
            }
        }
        return false;
    }

    /** Matches parts[i..] against s[at..]; each hole takes a non-empty piece that is a bundle text itself. */
    private boolean frame(List<Object> parts, int i, String s, int at, int depth) {
        if (i == parts.size()) {
            return at == s.length();
        }
        Object p = parts.get(i);
        if (p != HOLE) {
            String lit = (String) p;
            return s.startsWith(lit, at) && frame(parts, i + 1, s, at + lit.length(), depth);
        }
        for (int end = at + 1; end <= s.length(); end++) {
            if (frame(parts, i + 1, s, end, depth) && matches(s.substring(at, end), depth + 1)) {
                return true;
            }
        }
        return false;
    }

    /** MessageFormat's syntax: '' is a quote, 'x' quotes x, {…} (nested for choices) is a hole; %d and %s too. */
    static List<Object> parse(String v) {
        List<Object> out = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\'') {
                if (i + 1 < v.length() && v.charAt(i + 1) == '\'') {
                    lit.append('\'');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (quoted) {
                lit.append(c);
            } else if (c == '{') {
                int depth = 1;
                while (depth > 0 && ++i < v.length()) {
                    depth += v.charAt(i) == '{' ? 1 : v.charAt(i) == '}' ? -1 : 0;
                }
                flush(lit, out);
                out.add(HOLE);
            } else if (c == '%' && i + 1 < v.length() && (v.charAt(i + 1) == 'd' || v.charAt(i + 1) == 's')) {
                flush(lit, out);
                out.add(HOLE);
                i++;
            } else {
                lit.append(c);
            }
        }
        flush(lit, out);
        return out;
    }

    private static void flush(StringBuilder lit, List<Object> out) {
        if (!lit.isEmpty()) {
            out.add(lit.toString());
            lit.setLength(0);
        }
    }
}
