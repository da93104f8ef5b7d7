package dev.certsd.probe;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** One-line explanations of attempts and predictions, from the {@code probe} resource bundle. */
public final class ProbeMessages {
    private final ResourceBundle bundle;
    private final Locale locale;

    public ProbeMessages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("dev.certsd.probe.probe", locale);
    }

    public String kind(Attempt a) {
        return fmt("kind." + a.kind().name(), a.pair());
    }

    /** containerd's own words where its path is not Docker's (plain HTTP by its rules, not as an insecure registry). */
    private String forClient(String key, ProbeReport r) {
        String own = key + ".containerd";
        return r.client() == dev.certsd.roots.Client.CONTAINERD && bundle.containsKey(own) ? own : key;
    }

    public String explain(Attempt a) {
        return switch (a.outcome()) {
            case ACCEPTED -> a.httpStatus() != null && a.httpStatus() == 401 ? fmt("outcome.ACCEPTED.login")
                    : fmt("outcome.ACCEPTED", a.httpStatus());
            case REJECTED_AT_TLS -> {
                String how = a.alert() != null ? a.alert() : transport(a.transportError());
                if (!a.certificateRequested()) {
                    yield fmt("outcome.REJECTED_AT_TLS.other", how);
                }
                if (a.sentCertificate() == null) {
                    yield fmt("outcome.REJECTED_AT_TLS.none", how);
                }
                yield a.rejection() == null ? fmt("outcome.REJECTED_AT_TLS.sent", how, a.sentCertificate())
                        : fmt("outcome.REJECTED_AT_TLS.sentBecause", how, a.sentCertificate(),
                        fmt("rejection." + a.rejection().name()));
            }
            case REJECTED_AT_HTTP -> a.rejection() == null ? fmt("outcome.REJECTED_AT_HTTP", a.httpStatus(), title(a))
                    : fmt("outcome.REJECTED_AT_HTTP.because", a.httpStatus(), title(a),
                    fmt("rejection." + a.rejection().name()));
            case SERVER_NOT_TRUSTED -> fmt("outcome.SERVER_NOT_TRUSTED", a.verifyError());
            case NAME_MISMATCH -> fmt("outcome.NAME_MISMATCH", a.verifyError());
            case TIMEOUT -> fmt("outcome.TIMEOUT", a.phase());
            case REFUSED -> fmt("outcome.REFUSED", transport(a.transportError()));
            case NOT_A_REGISTRY -> {
                if ("plain-http".equals(a.transportError())) {
                    yield fmt("outcome.NOT_A_REGISTRY.plain-http");
                }
                if (a.location() != null) {
                    yield fmt("outcome.NOT_A_REGISTRY.redirect", a.httpStatus(), a.location());
                }
                if (a.kind() == Attempt.Kind.PLAIN_HTTP && a.httpStatus() != null && a.httpStatus() == 400) {
                    yield fmt("outcome.NOT_A_REGISTRY.https-only", a.httpStatus(), title(a));
                }
                yield a.httpStatus() != null ? fmt("outcome.NOT_A_REGISTRY.status", a.httpStatus(), title(a))
                        : fmt("outcome.NOT_A_REGISTRY.closed", transport(a.transportError()));
            }
            case CONFIG_ERROR -> fmt("outcome.CONFIG_ERROR", a.transportError());
            case CANCELLED -> fmt("outcome.CANCELLED");
        };
    }

    public String prediction(ProbeReport r) {
        Prediction p = r.prediction();
        String client = fmt("client." + p.client().id());
        String third = p.reason() == Prediction.Reason.GO_CHOICE ? r.goSends() : fmt("goReason." + r.goReason().name());
        return fmt(forClient("prediction." + p.reason().name(), r), client, p.detail(), third);
    }

    /** Why a Go client sends the pair it sends (or none). */
    public String goReason(GoClientModel.Reason reason) {
        return fmt("goReason." + reason.name());
    }

    public String docsAnswer(ProbeReport r) {
        return fmt("docs.answer", r.firstAccepted() == null ? fmt("docs.none") : fmt("docs.first", r.firstAccepted()));
    }

    public String differ() {
        return fmt("docs.differ");
    }

    /** Why the docs' answer and the client's differ, for the path the client really takes; empty when they agree. */
    public String difference(ProbeReport r) {
        if (!r.docsAndGoDiffer()) {
            return "";
        }
        String client = fmt("client." + r.client().id());
        return switch (r.prediction().reason()) {
            case INSECURE_HTTPS, PLAIN_HTTP -> r.firstAccepted() == null ? "" : fmt(forClient("docs.differ.insecure", r));
            case CONFIG_ERROR, HANGS -> fmt("docs.differ.config", client);
            case GO_CHOICE, NO_CERTIFICATE -> differ();
        };
    }

    /** What the client really does: the attempt it makes, the certificate it sends and why; empty when it stops first. */
    public String clientPath(ProbeReport r) {
        ClientPath p = ClientPath.of(r);
        if (p.attempt() == null) {
            return "";
        }
        String client = fmt("client." + r.client().id());
        String why = p.goReason() != null ? goReason(p.goReason()) : fmt(forClient("path.why." + p.path().name(), r));
        return fmt("path.line", client, kind(p.attempt()), p.attempt().outcome().id(), why);
    }

    private String title(Attempt a) {
        return a.htmlTitle() == null ? "" : " (" + a.htmlTitle() + ")";
    }

    private String transport(String t) {
        String key = "transport." + t;
        return t != null && bundle.containsKey(key) ? bundle.getString(key) : String.valueOf(t);
    }

    private String fmt(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }
}
