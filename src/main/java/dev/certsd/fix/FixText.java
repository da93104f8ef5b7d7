package dev.certsd.fix;

import dev.certsd.files.Message;

/** Sentences of the fixes, from {@code fixes.properties}. */
final class FixText {
    static final String BUNDLE = "dev.certsd.fix.fixes";

    private FixText() {
    }

    static Message of(String key, Object... args) {
        return Message.of(BUNDLE, key, args);
    }
}
