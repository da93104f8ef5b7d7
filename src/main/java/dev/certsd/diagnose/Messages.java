package dev.certsd.diagnose;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Renders findings for people, from the {@code findings} resource bundle. {0} is the file (or the host
 * directory); the finding's arguments follow. An argument with a bundle entry {@code CODE.argN.VALUE} is
 * shown through it, so enumerated reasons are translated too.
 */
public final class Messages {
    private final ResourceBundle bundle;
    private final Locale locale;
    /** Each code's pattern, parsed once: a root of many files renders the same few patterns many times. */
    private final Map<String, MessageFormat> formats = new HashMap<>();

    public Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("dev.certsd.diagnose.findings", locale);
    }

    public String render(Finding f, String hostDirName) {
        String code = f.code().name();
        List<Object> args = new ArrayList<>();
        args.add(f.file() != null ? f.file() : hostDirName);
        for (int i = 0; i < f.args().size(); i++) {
            String value = f.args().get(i);
            String key = code + ".arg" + (i + 1) + "." + value;
            args.add(bundle.containsKey(key) ? bundle.getString(key) : value);
        }
        synchronized (formats) { // a MessageFormat is not safe for threads
            MessageFormat format = formats.get(code);
            if (format == null) {
                try {
                    format = new MessageFormat(bundle.getString(code), locale);
                } catch (MissingResourceException e) {
                    return code + " " + args;
                }
                formats.put(code, format);
            }
            return format.format(args.toArray());
        }
    }
}
