package dev.certsd.fix;

import dev.certsd.files.Text;

/** Sentences of the fixes, from {@code fixes.properties}. */
final class FixText {
    static final String BUNDLE = "dev.certsd.fix.fixes";

    private FixText() {
    }

    static Text of(String key, Object... args) {
        return Text.of(BUNDLE, key, args);
    }
}
