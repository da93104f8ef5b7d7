package dev.certsd.ui.shell;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The window's language: the system's (the default), or one chosen in View › Language, remembered in the settings.
 * The clients' own texts (a configError, a quoted Go message) stay as the client wrote them in every language.
 */
public enum Language {
    SYSTEM(""),
    ENGLISH("en"),
    JAPANESE("ja");

    /** The system's locale as the JVM started with it, before a chosen language became the default. */
    private static final Locale SYSTEM_LOCALE = Locale.getDefault();

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** What the settings file keeps: empty for the system's language. */
    public String tag() {
        return tag;
    }

    public static Optional<Language> fromTag(String tag) {
        return Arrays.stream(values()).filter(l -> l.tag.equals(tag)).findFirst();
    }

    /** The locale the window uses with this choice on a system whose own locale is {@code system}. */
    public Locale locale(Locale system) {
        return switch (this) {
            case SYSTEM -> system;
            case ENGLISH -> Locale.ENGLISH;
            case JAPANESE -> Locale.JAPANESE;
        };
    }

    /** The locale the window uses with this choice on this machine. */
    public Locale locale() {
        return locale(SYSTEM_LOCALE);
    }

    /** The language the bundles have for a locale: Japanese for Japanese, English for every other. */
    public static Language fromLocale(Locale l) {
        return l.getLanguage().equals("ja") ? JAPANESE : ENGLISH;
    }

    /** The bundle key of its name in the menu. */
    public String textKey() {
        return "language." + name();
    }
}
