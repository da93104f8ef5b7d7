package dev.certsd.certs;

import dev.certsd.files.Message;

/**
 * Sentences of the PKI engine ({@code certs}, {@code plan} and {@code pki}), from {@code pki.properties} (English)
 * and {@code pki_ja.properties}. The bundle keeps its first base name, {@code dev.certsd.pki.pki}: the change
 * journals on users' disks name it.
 */
public final class PkiText {
    public static final String BUNDLE = "dev.certsd.pki.pki";

    private PkiText() {
    }

    public static Message of(String key, Object... args) {
        return Message.of(BUNDLE, key, args);
    }
}
