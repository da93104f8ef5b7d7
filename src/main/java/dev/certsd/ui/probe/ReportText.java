package dev.certsd.ui.probe;

import dev.certsd.roots.Client;
import dev.certsd.probe.Attempt;
import dev.certsd.probe.GoClientModel;
import dev.certsd.probe.ClientPath;
import dev.certsd.probe.Outcome;
import dev.certsd.probe.Prediction;
import dev.certsd.probe.ProbeMessages;
import dev.certsd.probe.ProbeReport;
import dev.certsd.probe.ServerCert;
import dev.certsd.ui.UiText;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns a probe report into the words of the window: timeline rows, the chain, the two answers. */
final class ReportText {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private final UiText text;
    private final ProbeMessages messages;

    ReportText(UiText text, ProbeMessages messages) {
        this.text = text;
        this.messages = messages;
    }

    String clientName(Client c) {
        return text.get("probe.client." + c.name());
    }

    String outcomeWord(Outcome o) {
        return text.get("probe.outcome." + o.name());
    }

    List<AttemptRow> attempts(ProbeReport r) {
        Optional<Attempt> path = clientPath(r);
        List<AttemptRow> rows = new ArrayList<>();
        for (Attempt a : r.attempts()) {
            String title = messages.kind(a);
            title = title.isEmpty() ? title : title.substring(0, 1).toUpperCase(text.locale()) + title.substring(1);
            boolean docsPick = a.kind() == Attempt.Kind.PAIR && a.pair().equals(r.firstAccepted());
            rows.add(new AttemptRow(a.kind(), a.pair(), a.outcome(), title, outcomeWord(a.outcome()),
                    messages.explain(a), facts(a), a.curl(), a.openssl(), path.isPresent() && path.get() == a, docsPick));
        }
        return rows;
    }

    /** The attempt that is what the client really does (the engine's {@link ClientPath}). */
    static Optional<Attempt> clientPath(ProbeReport r) {
        return ClientPath.of(r).made();
    }

    private List<AttemptRow.Fact> facts(Attempt a) {
        List<AttemptRow.Fact> f = new ArrayList<>();
        if (a.tlsVersion() != null) {
            f.add(new AttemptRow.Fact(a.tlsVersion(), true));
        }
        if (a.kind() != Attempt.Kind.PLAIN_HTTP && a.tcpConnected()) {
            f.add(words(a.sentCertificate() != null ? text.fmt("probe.fact.sent", a.sentCertificate())
                    : text.get("probe.fact.notSent")));
        }
        if (a.alert() != null) {
            f.add(words(text.fmt("probe.fact.alert", a.alert())));
        }
        if (a.httpStatus() != null) {
            f.add(words(text.fmt("probe.fact.http", String.valueOf(a.httpStatus()))));
        }
        if (a.elapsed() != null) {
            f.add(words(text.fmt("probe.fact.elapsed", a.elapsed().toMillis())));
        }
        return f;
    }

    private static AttemptRow.Fact words(String s) {
        return new AttemptRow.Fact(s, false);
    }

    /** The server's chain from the first verified attempt that got one. */
    List<ChainRow> chain(ProbeReport r) {
        return verifiedWithChain(r).map(a -> a.serverChain().stream().map(this::chainRow).toList()).orElse(List.of());
    }

    String chainTrust(ProbeReport r) {
        if (r.skipVerify()) {
            return text.fmt("probe.chain.skipVerify", clientName(r.client()));
        }
        return verifiedWithChain(r).map(a -> a.verifyError() == null
                ? text.fmt("probe.chain.trusted", clientName(r.client()), r.endpoint().host())
                : text.fmt("probe.chain.untrusted", clientName(r.client()), a.verifyError()))
                .orElse(text.get("probe.chain.none"));
    }

    private static Optional<Attempt> verifiedWithChain(ProbeReport r) {
        return r.attempts().stream().filter(a -> a.kind() == Attempt.Kind.BASELINE || a.kind() == Attempt.Kind.PAIR)
                .filter(a -> !a.serverChain().isEmpty()).findFirst();
    }

    private ChainRow chainRow(ServerCert c) {
        return new ChainRow(c.subject(), c.issuer(),
                text.fmt("probe.chain.validity", DATE.format(c.notBefore()), DATE.format(c.notAfter())), c.sha256());
    }

    /** Says why the list of acceptable CAs is empty, or nothing when it is not. */
    String casNote(ProbeReport r) {
        if (!r.acceptableIssuers().isEmpty()) {
            return "";
        }
        if (r.goReason() == GoClientModel.Reason.SERVER_NOT_VERIFIED) {
            return text.get("probe.cas.notReached"); // the client stopped first: whether the server asks is unknown
        }
        boolean asked = r.attempts().stream().anyMatch(Attempt::certificateRequested);
        return text.get(asked ? "probe.cas.emptyList" : "probe.cas.notAsked");
    }

    Answer docs(ProbeReport r) {
        boolean anyPair = r.attempts().stream().anyMatch(a -> a.kind() == Attempt.Kind.PAIR);
        String headline = r.firstAccepted() != null ? text.fmt("probe.docs.first", r.firstAccepted())
                : text.get(anyPair ? "probe.docs.none" : "probe.docs.noPairs");
        return new Answer(text.get("probe.docs.title"), headline, text.get("probe.docs.how"),
                r.firstAccepted() != null);
    }

    Answer client(ProbeReport r) {
        Prediction p = r.prediction();
        String name = clientName(r.client());
        String outcome = clientPath(r).map(a -> outcomeWord(a.outcome())).orElse("");
        String why = clientPath(r).map(a -> text.fmt("probe.client.why", messages.goReason(r.goReason()),
                messages.explain(a))).orElse("");
        String headline = switch (p.reason()) {
            case GO_CHOICE -> text.fmt("probe.client.sends", name, r.goSends(), outcome);
            case NO_CERTIFICATE -> text.fmt("probe.client.sendsNone", name, outcome);
            case INSECURE_HTTPS -> text.fmt("probe.client.insecureHttps", outcome);
            case PLAIN_HTTP -> text.fmt(r.client() == dev.certsd.roots.Client.CONTAINERD
                    ? "probe.client.plainHttp.containerd" : "probe.client.plainHttp", outcome);
            case CONFIG_ERROR -> text.fmt("probe.client.configError", name);
            case HANGS -> text.fmt("probe.client.hangs", name);
        };
        String detail = switch (p.reason()) {
            case GO_CHOICE, NO_CERTIFICATE -> why;
            default -> messages.prediction(r);
        };
        String title = text.fmt("probe.client.title", name);
        if (r.modelledFor() != null) { // the release whose rules the prediction follows
            title = text.fmt("verdict.withModelled", title, text.fmt("verdict.modelledFor", r.modelledFor().id()));
        }
        return new Answer(title, headline, detail, p.success());
    }

    /** A sentence when the docs' answer and the client's differ, else empty. */
    String difference(ProbeReport r) {
        if (!r.docsAndGoDiffer()) {
            return "";
        }
        String name = clientName(r.client());
        String outcome = clientPath(r).map(a -> outcomeWord(a.outcome())).orElse("");
        Prediction.Reason reason = r.prediction().reason();
        if (r.firstAccepted() == null) {
            return text.get("probe.differ.noneNeeded");
        }
        return switch (reason) {
            case GO_CHOICE -> text.fmt("probe.differ.withWhy", text.fmt("probe.differ.pair", r.firstAccepted(), name,
                    r.goSends(), outcome), messages.differ());
            case NO_CERTIFICATE -> text.fmt("probe.differ.withWhy", text.fmt("probe.differ.nothingSent",
                    r.firstAccepted(), name, outcome), messages.differ());
            case INSECURE_HTTPS, PLAIN_HTTP -> text.fmt(r.client() == dev.certsd.roots.Client.CONTAINERD
                    ? "probe.differ.plainHttp.containerd" : "probe.differ.insecure", r.firstAccepted());
            case CONFIG_ERROR, HANGS -> text.fmt("probe.differ.config", r.firstAccepted(), name);
        };
    }

    String finished(ProbeReport r) {
        long millis = r.attempts().stream().filter(a -> a.elapsed() != null).mapToLong(a -> a.elapsed().toMillis())
                .max().orElse(0);
        return text.fmt("probe.status.done", r.attempts().size(), millis);
    }
}
