package dev.certsd.pki;

import dev.certsd.files.Text;

/** Sentences of the PKI engine, from {@code pki.properties} (English) and {@code pki_ja.properties}. */
final class PkiText {
    static final String BUNDLE = "dev.certsd.pki.pki";

    private PkiText() {
    }

    static Text of(String key, Object... args) {
        return Text.of(BUNDLE, key, args);
    }
}
