package dev.certsd.probe;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.security.auth.x500.X500Principal;

/** Collects the facts of one attempt as it goes. */
final class AttemptFacts {
    private static final Pattern ALERT = Pattern.compile("Received fatal alert: (\\w+)");

    private final Attempt.Kind kind;
    private final ClientPair pair;
    private final String curl;
    private final String openssl;
    boolean tcp;
    String phase = "connect";
    String tlsVersion;
    String cipher;
    private List<X509Certificate> chain = List.of();
    private boolean requested;
    private List<X500Principal> issuers = List.of();
    private List<String> keyTypes = List.of();
    private boolean sent;
    private GoVerifier.Result verify;
    String alert;
    String transportError;
    Integer status;
    String registryHeader;
    String title;
    String location;
    Outcome outcome;

    AttemptFacts(Attempt.Kind kind, ClientPair pair, String curl, String openssl) {
        this.kind = kind;
        this.pair = pair;
        this.curl = curl;
        this.openssl = openssl;
    }

    void capture(RecordingKeyManager km, CapturingTrustManager tm) {
        chain = tm.chain();
        requested = km.requested();
        issuers = km.issuers();
        keyTypes = km.keyTypes();
        sent = km.sent();
        verify = tm.verification();
    }

    /** Names how the attempt failed, from what was thrown and what was known by then. */
    void failed(IOException e, boolean certRequested, boolean deadlinePassed, boolean cancelled) {
        String msg = String.valueOf(e.getMessage());
        Matcher alertLine = ALERT.matcher(msg);
        if (cancelled) {
            outcome = Outcome.CANCELLED;
        } else if (deadlinePassed) {
            // the deadline closed the socket: whatever the read or write then threw, time was up
            outcome = Outcome.TIMEOUT;
            transportError = "timeout";
        } else if (e instanceof AttemptRunner.ProxyRefused p) {
            outcome = Outcome.REFUSED;
            transportError = "proxy-" + p.status;
        } else if (alertLine.find()) {
            alert = alertLine.group(1);
            outcome = Outcome.REJECTED_AT_TLS;
        } else if (e instanceof SocketTimeoutException) {
            outcome = Outcome.TIMEOUT;
            transportError = "timeout";
        } else if (e instanceof UnknownHostException) {
            outcome = Outcome.REFUSED;
            transportError = "unresolvable";
        } else if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            outcome = tcp ? Outcome.REJECTED_AT_TLS : Outcome.REFUSED;
            transportError = "refused";
        } else if (e instanceof SSLException && msg.contains("Unsupported or unrecognized SSL message")) {
            outcome = Outcome.NOT_A_REGISTRY;
            transportError = "plain-http";
        } else {
            String lower = msg.toLowerCase(Locale.ROOT);
            transportError = lower.contains("reset") ? "reset" : lower.contains("broken pipe") ? "broken-pipe"
                    : e instanceof EOFException || lower.contains("terminated the handshake") || lower.contains("eof")
                    ? "eof" : "io-error";
            // A server that asked for a certificate and then hangs up rejected it (TLS 1.3 often ends so).
            outcome = certRequested ? Outcome.REJECTED_AT_TLS : Outcome.NOT_A_REGISTRY;
        }
    }

    Attempt build(Duration elapsed, Instant now) {
        Outcome o = outcome;
        if (verify != null && !verify.trusted() && o != Outcome.CANCELLED) {
            o = verify.kind() == GoVerifier.Result.Kind.NAME_MISMATCH ? Outcome.NAME_MISMATCH
                    : Outcome.SERVER_NOT_TRUSTED;
        }
        Rejection why = pair != null && sent && (o == Outcome.REJECTED_AT_TLS || o == Outcome.REJECTED_AT_HTTP)
                ? Rejection.of(pair, issuers.stream().map(X500Principal::getEncoded).toList(), now) : null;
        return new Attempt(kind, pair == null ? null : pair.name(), o, tcp, tlsVersion, cipher,
                chain.stream().map(ServerCert::of).toList(), verify == null ? null : verify.error(), requested,
                issuers.stream().map(p -> p.getName(X500Principal.RFC2253)).toList(),
                issuers.stream().map(X500Principal::getEncoded).toList(), keyTypes,
                sent && pair != null ? pair.leaf().getSubjectX500Principal().getName(X500Principal.RFC2253) : null,
                alert, transportError, phase, status, registryHeader, title, location, elapsed, curl, openssl, why);
    }
}
