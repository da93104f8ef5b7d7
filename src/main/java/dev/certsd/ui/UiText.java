package dev.certsd.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The user-visible strings of the window, from the {@code ui} resource bundle (English and Japanese). */
public final class UiText {
    /** The bundle's base name; also what journal entries written by the window name as their bundle. */
    public static final String BUNDLE = "dev.certsd.ui.ui";
    private final ResourceBundle bundle;
    private final Locale locale;

    public UiText(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale);
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key) {
        return bundle.getString(key);
    }

    /** A MessageFormat pattern filled in: write '' for an apostrophe in the bundle. */
    public String fmt(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
