package dev.certsd.probe;

import java.util.Locale;

/** What one attempt came to, in a small fixed vocabulary. */
public enum Outcome {
    ACCEPTED, REJECTED_AT_TLS, REJECTED_AT_HTTP, SERVER_NOT_TRUSTED, NAME_MISMATCH, TIMEOUT, REFUSED, NOT_A_REGISTRY,
    CONFIG_ERROR, CANCELLED;

    /** The JSON id: {@code rejected-at-tls}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
