package dev.certsd.pki;

import dev.certsd.files.Message;

/** Sentences of the PKI engine, from {@code pki.properties} (English) and {@code pki_ja.properties}. */
final class PkiText {
    static final String BUNDLE = "dev.certsd.pki.pki";

    private PkiText() {
    }

    static Message of(String key, Object... args) {
        return Message.of(BUNDLE, key, args);
    }
}
