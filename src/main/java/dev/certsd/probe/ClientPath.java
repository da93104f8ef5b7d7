package dev.certsd.probe;

import java.util.Optional;

/**
 * What the client really does in a connection test: the attempt that is its path (none when it stops before
 * connecting), the client certificate it sends (null for none) and why. One answer for the window, {@code test}'s
 * text and its JSON. Docker's insecure path reads no certs.d at all, so Go's choice among the pairs does not apply.
 *
 * @param attempt  the attempt the client makes, or null (config error, hang)
 * @param sends    the certificate file the client sends, or null
 * @param goReason why Go picks that pair (or none); null when the client never chooses (insecure path, config error)
 */
public record ClientPath(Prediction.Reason path, Attempt attempt, String sends, GoClientModel.Reason goReason) {

    public static ClientPath of(ProbeReport r) {
        Prediction.Reason reason = r.prediction().reason();
        Attempt attempt = r.attempts().stream().filter(a -> switch (reason) {
            case GO_CHOICE -> a.kind() == Attempt.Kind.PAIR && a.pair().equals(r.goSends());
            case NO_CERTIFICATE -> a.kind() == Attempt.Kind.BASELINE;
            case INSECURE_HTTPS -> a.kind() == Attempt.Kind.INSECURE_HTTPS;
            case PLAIN_HTTP -> a.kind() == Attempt.Kind.PLAIN_HTTP;
            case CONFIG_ERROR, HANGS -> false;
        }).findFirst().orElse(null);
        boolean chooses = reason == Prediction.Reason.GO_CHOICE || reason == Prediction.Reason.NO_CERTIFICATE;
        return new ClientPath(reason, attempt, reason == Prediction.Reason.GO_CHOICE ? r.goSends() : null,
                chooses ? r.goReason() : null);
    }

    /** The attempt, when the client gets as far as connecting. */
    public Optional<Attempt> made() {
        return Optional.ofNullable(attempt);
    }

    /** Whether this is Docker's path for an insecure registry (certs.d never read). */
    public boolean insecure() {
        return path == Prediction.Reason.INSECURE_HTTPS || path == Prediction.Reason.PLAIN_HTTP;
    }
}
