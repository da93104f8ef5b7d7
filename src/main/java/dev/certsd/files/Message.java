package dev.certsd.files;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * A sentence for people, kept as bundle key and arguments rather than as text, so the journal stays readable
 * when the user switches language and the GUI can render it in its own locale.
 *
 * @param bundle the resource bundle's base name, e.g. {@code dev.certsd.fix.fixes}
 */
public record Message(String bundle, String key, List<String> args) {
    public Message {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    public static Message of(String bundle, String key, Object... args) {
        return new Message(bundle, key, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    public String render(Locale locale) {
        try {
            String pattern = ResourceBundle.getBundle(bundle, locale).getString(key);
            return new MessageFormat(pattern, locale).format(args.toArray());
        } catch (MissingResourceException e) {
            return key + " " + args;
        }
    }
}
