package dev.certsd.diagnose;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders findings for people, from the {@code findings} resource bundle. {0} is the file (or the host
 * directory); the finding's arguments follow. An argument with a bundle entry {@code CODE.argN.VALUE} is
 * shown through it, so enumerated reasons are translated too.
 */
public final class Messages {
    private final ResourceBundle bundle;
    private final Locale locale;
    /** Each code's pattern, made into a template once: a root of many files renders the same few patterns many times. */
    private final Map<String, Template> templates = new ConcurrentHashMap<>();
    private final Map<String, Set<Integer>> translatedArgs = new ConcurrentHashMap<>();

    public Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("dev.certsd.diagnose.findings", locale);
    }

    public String render(Finding f, String hostDirName) {
        String code = f.code().name();
        List<String> args = new ArrayList<>(f.args().size() + 1);
        args.add(f.file() != null ? f.file() : hostDirName);
        Set<Integer> translated = translatedArgs.computeIfAbsent(code, this::translatedArgs);
        for (int i = 0; i < f.args().size(); i++) {
            String value = f.args().get(i);
            if (!translated.contains(i + 1)) {
                args.add(value); // no word of this argument is translated: no key to look up
                continue;
            }
            String key = code + ".arg" + (i + 1) + "." + value;
            args.add(bundle.containsKey(key) ? bundle.getString(key) : value);
        }
        Template t = templates.computeIfAbsent(code, this::template);
        return t == null ? code + " " + args : t.format(args);
    }

    /**
     * The argument places (1-based) of a code for which the bundle translates some values ({@code CODE.argN.value}
     * keys): an argument elsewhere is shown as it is, without a key made and looked up for each finding.
     */
    private Set<Integer> translatedArgs(String code) {
        String prefix = code + ".arg";
        Set<Integer> places = new java.util.HashSet<>();
        for (String key : bundle.keySet()) {
            int dot = key.startsWith(prefix) ? key.indexOf('.', prefix.length()) : -1;
            if (dot > prefix.length()) {
                try {
                    places.add(Integer.parseInt(key.substring(prefix.length(), dot)));
                } catch (NumberFormatException e) {
                    // not an argument's key
                }
            }
        }
        return Set.copyOf(places);
    }

    private Template template(String code) {
        try {
            return Template.of(new MessageFormat(bundle.getString(code), locale));
        } catch (MissingResourceException e) {
            return null;
        }
    }

    /**
     * A pattern as literal pieces and argument places, cut by MessageFormat itself: it formats the pattern once with
     * markers for arguments, and the pieces between the markers are its literal text (quotes already resolved). For
     * arguments that are strings (every finding's are) filling the places gives MessageFormat's own result, without
     * its parse state, lock and StringBuffer on every call; a pattern that formats its arguments (numbers, choices)
     * keeps the MessageFormat.
     */
    record Template(String[] literals, int[] places, MessageFormat fallback) {
        private static final int MARKED = 16;
        private static final char MARK = '\u0000';

        static Template of(MessageFormat format) {
            Object[] markers = new Object[MARKED];
            for (int i = 0; i < MARKED; i++) {
                markers[i] = MARK + Integer.toString(i) + MARK;
            }
            String marked;
            try {
                marked = format.format(markers);
            } catch (IllegalArgumentException e) { // a number or choice format: it wants numbers, not markers
                return new Template(null, null, format);
            }
            List<String> literals = new ArrayList<>();
            List<Integer> places = new ArrayList<>();
            int from = 0;
            for (int at = marked.indexOf(MARK); at >= 0; at = marked.indexOf(MARK, from)) {
                int end = marked.indexOf(MARK, at + 1);
                literals.add(marked.substring(from, at));
                places.add(Integer.parseInt(marked, at + 1, end, 10));
                from = end + 1;
            }
            literals.add(marked.substring(from));
            if (format.getFormatsByArgumentIndex().length > MARKED) {
                return new Template(null, null, format);
            }
            return new Template(literals.toArray(String[]::new), places.stream().mapToInt(Integer::intValue).toArray(),
                    null);
        }

        String format(List<String> args) {
            if (fallback != null) {
                synchronized (fallback) { // a MessageFormat is not safe for threads
                    return fallback.format(args.toArray());
                }
            }
            int size = 0;
            for (String literal : literals) {
                size += literal.length();
            }
            for (int i = 0; i < args.size(); i++) { // indexed: C1 (which runs a check) allocates every iterator
                String a = args.get(i);
                size += a == null ? 4 : a.length();
            }
            StringBuilder b = new StringBuilder(size + 16); // the text's size: no growing copies
            for (int i = 0; i < places.length; i++) {
                b.append(literals[i]);
                int place = places[i];
                if (place < args.size()) {
                    b.append(args.get(place)); // null is written "null", as MessageFormat does
                } else {
                    b.append('{').append(place).append('}');
                }
            }
            return b.append(literals[places.length]).toString();
        }
    }
}
