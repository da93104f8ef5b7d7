package dev.certsd.probe.peers;

import dev.certsd.probe.Attempt;
import dev.certsd.probe.ProbeReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a probe found, the same whether it ran in this JVM ({@link ProbeReport}) or as the {@code test} command in
 * its own process ({@code --json}), so one assertion serves both.
 *
 * @param attempts baseline first, then each pair in load order
 * @param raw      the facts in words, for assertion messages
 */
public record ProbeFacts(List<AttemptFacts> attempts, List<String> acceptableIssuers, String firstAccepted,
                         String goSends, boolean success, boolean docsAndGoDiffer, String raw) {

    /** One attempt; {@code pair} null for the baseline, {@code outcome} the JSON id (rejected-at-tls). */
    public record AttemptFacts(String pair, String outcome, String tlsVersion, boolean certificateRequested,
                               String sentCertificate, Integer httpStatus, String registryApiVersion,
                               String htmlTitle, String alert, String transportError) {
    }

    public static ProbeFacts of(ProbeReport r) {
        List<AttemptFacts> out = new ArrayList<>();
        for (Attempt a : r.attempts()) {
            out.add(new AttemptFacts(a.pair(), a.outcome().id(), a.tlsVersion(), a.certificateRequested(),
                    a.sentCertificate(), a.httpStatus(), a.registryHeader(), a.htmlTitle(), a.alert(),
                    a.transportError()));
        }
        return new ProbeFacts(out, r.acceptableIssuers(), r.firstAccepted(), r.goSends(), r.prediction().success(),
                r.docsAndGoDiffer(), "attempts=" + out + ", firstAccepted=" + r.firstAccepted() + ", goSends="
                + r.goSends() + ", prediction=" + r.prediction());
    }

    @SuppressWarnings("unchecked")
    public static ProbeFacts ofJson(Map<String, Object> doc, String raw) {
        List<AttemptFacts> out = new ArrayList<>();
        for (Map<String, Object> a : (List<Map<String, Object>>) doc.get("attempts")) {
            Number status = (Number) a.get("httpStatus");
            out.add(new AttemptFacts((String) a.get("pair"), (String) a.get("outcome"), (String) a.get("tlsVersion"),
                    Boolean.TRUE.equals(a.get("certificateRequested")), (String) a.get("sentCertificate"),
                    status == null ? null : status.intValue(), (String) a.get("registryApiVersion"),
                    (String) a.get("htmlTitle"), (String) a.get("alert"), (String) a.get("transportError")));
        }
        Map<String, Object> prediction = (Map<String, Object>) doc.get("prediction");
        return new ProbeFacts(out, (List<String>) doc.get("acceptableIssuers"), (String) doc.get("firstAccepted"),
                (String) doc.get("goSends"), "success".equals(prediction.get("outcome")),
                Boolean.TRUE.equals(doc.get("docsAndGoDiffer")), raw);
    }

    /** The attempt of {@code pair} ({@code a-expired.cert}), or the baseline for null. */
    public AttemptFacts attempt(String pair) {
        return attempts.stream().filter(a -> pair == null ? a.pair() == null : pair.equals(a.pair())).findFirst()
                .orElseThrow(() -> new AssertionError("no attempt for " + pair + " in " + raw));
    }

    /** The outcome id of {@code pair}'s attempt (baseline for null). */
    public String outcome(String pair) {
        return attempt(pair).outcome();
    }
}
