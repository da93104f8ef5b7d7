package dev.certsd.probe;

import dev.certsd.roots.Client;

/**
 * What the chosen client will make of a pull from this registry.
 *
 * @param reason why: CONFIG_ERROR, HANGS, INSECURE_HTTPS, PLAIN_HTTP, GO_CHOICE, NO_CERTIFICATE
 * @param detail the client's error text, the attempt outcome, or the pair sent
 */
public record Prediction(Client client, boolean success, Reason reason, String detail) {
    /** The path the prediction follows. */
    public enum Reason { CONFIG_ERROR, HANGS, INSECURE_HTTPS, PLAIN_HTTP, GO_CHOICE, NO_CERTIFICATE }
}
