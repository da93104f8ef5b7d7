package dev.certsd.probe;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.security.auth.x500.X500Principal;

/**
 * Runs one attempt: TCP (through a proxy when Go would use one), TLS, then GET /v2/ over HTTP/1.1. A null
 * {@code address} means: resolve the host name. The server is verified inside the handshake when the client would
 * verify it ({@link CapturingTrustManager}); each attempt ends by its own deadline and by the run's
 * ({@link Deadline}), whatever the server sends meanwhile.
 */
final class AttemptRunner {
    private static final Pattern ALERT = Pattern.compile("Received fatal alert: (\\w+)");

    private final Endpoint endpoint;
    private final InetAddress address;
    private final ProxyChoice proxy;
    private final Timeouts timeouts;
    private final Clock clock;
    private final Cancellation cancellation;
    private final long overallDeadline;

    /** {@code overallDeadline}: when the whole run must be over, a {@link System#nanoTime()} instant. */
    AttemptRunner(Endpoint endpoint, InetAddress address, ProxyChoice proxy, Timeouts timeouts, Clock clock,
                  Cancellation cancellation, long overallDeadline) {
        this.endpoint = endpoint;
        this.address = address;
        this.proxy = proxy;
        this.timeouts = timeouts;
        this.clock = clock;
        this.cancellation = cancellation;
        this.overallDeadline = overallDeadline;
    }

    /**
     * A TLS attempt; {@code verifier} null means no verification (Docker's insecure registries, containerd's
     * skip_verify): then the pair is sent whatever the server's certificate, as those clients do.
     */
    Attempt tls(Attempt.Kind kind, ClientPair pair, GoVerifier verifier, Commands commands) {
        Instant start = clock.instant();
        Builder b = new Builder(kind, pair, commands.curl(kind, pair), commands.openssl(kind, pair));
        RecordingKeyManager km = new RecordingKeyManager(pair);
        CapturingTrustManager tm = new CapturingTrustManager(verifier, endpoint.host(), clock);
        Socket raw = new Socket();
        long until = timeouts.attemptDeadline(overallDeadline);
        Deadline deadline = Deadline.at(until, raw);
        try {
            connect(raw, b, until);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(new KeyManager[] {km}, new TrustManager[] {tm}, null);
            SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(raw, endpoint.host(), endpoint.port(), true);
            cancellation.register(s);
            SSLParameters params = s.getSSLParameters();
            params.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            params.setServerNames(dev.certsd.roots.IpLiteral.isLiteral(endpoint.host()) ? List.of()
                    : List.of(new SNIHostName(endpoint.host())));
            s.setSSLParameters(params);
            b.phase = "handshake";
            s.setSoTimeout(timeouts.handshakeMillis());
            s.startHandshake();
            b.tlsVersion = s.getSession().getProtocol();
            b.cipher = s.getSession().getCipherSuite();
            b.capture(km, tm);
            b.phase = "request";
            s.setSoTimeout(timeouts.readMillis());
            exchange(s.getOutputStream(), s.getInputStream(), b);
        } catch (IOException e) {
            b.capture(km, tm);
            if (tm.rejected()) {
                // Go stops at the server's Certificate message: the attempt ends unverified, nothing was sent
                b.outcome = tm.verification().kind() == GoVerifier.Result.Kind.NAME_MISMATCH ? Outcome.NAME_MISMATCH
                        : Outcome.SERVER_NOT_TRUSTED;
            } else {
                classify(e, b, km.requested(), deadline.passed());
            }
        } catch (GeneralSecurityException e) {
            b.outcome = Outcome.CONFIG_ERROR;
            b.transportError = e.getClass().getSimpleName();
        } finally {
            deadline.close();
            close(raw);
        }
        return b.build(Duration.between(start, clock.instant()), clock.instant());
    }

    /** Plain HTTP, as Docker falls back to for an insecure registry. */
    Attempt plainHttp(Commands commands) {
        Instant start = clock.instant();
        Builder b = new Builder(Attempt.Kind.PLAIN_HTTP, null, commands.curl(Attempt.Kind.PLAIN_HTTP, null), null);
        Socket raw = new Socket();
        long until = timeouts.attemptDeadline(overallDeadline);
        Deadline deadline = Deadline.at(until, raw);
        try {
            connect(raw, b, until);
            b.phase = "request";
            raw.setSoTimeout(timeouts.readMillis());
            exchange(raw.getOutputStream(), raw.getInputStream(), b);
            if (b.outcome == Outcome.REJECTED_AT_HTTP) {
                // Without TLS there is no client certificate to reject: this is an HTTPS port refusing plain HTTP
                // (Go's "Client sent an HTTP request to an HTTPS server.", nginx's "400 The plain HTTP request was
                // sent to HTTPS port").
                b.outcome = Outcome.NOT_A_REGISTRY;
            }
        } catch (IOException e) {
            classify(e, b, false, deadline.passed());
        } finally {
            deadline.close();
            close(raw);
        }
        return b.build(Duration.between(start, clock.instant()), clock.instant());
    }

    /** {@code until}: the attempt's deadline, which also ends a host-name lookup that hangs. */
    private void connect(Socket raw, Builder b, long until) throws IOException {
        // As Go's net package (and curl) do: without it, Nagle's algorithm holds the request written after the
        // handshake until the server's delayed ACK, about 40 ms per attempt on Linux.
        raw.setTcpNoDelay(true);
        cancellation.register(raw);
        b.phase = "connect";
        if (proxy.active()) {
            int port = proxy.proxy().getPort() > 0 ? proxy.proxy().getPort() : 80;
            raw.connect(new InetSocketAddress(Lookup.byName(proxy.proxy().getHost(), until), port),
                    timeouts.connectMillis());
            b.tcp = true;
            b.phase = "proxy";
            raw.setSoTimeout(timeouts.readMillis());
            String connect = "CONNECT " + endpoint.host() + ":" + endpoint.port() + " HTTP/1.1\r\nHost: "
                    + endpoint.host() + ":" + endpoint.port() + "\r\n\r\n";
            raw.getOutputStream().write(connect.getBytes(StandardCharsets.US_ASCII));
            HttpResponse r = HttpResponse.read(raw.getInputStream());
            if (r.status() != 200) {
                throw new ProxyRefused(r.status());
            }
        } else {
            InetAddress target = address != null ? address : Lookup.byName(endpoint.host(), until);
            raw.connect(new InetSocketAddress(target, endpoint.port()), timeouts.connectMillis());
            b.tcp = true;
        }
    }

    private void exchange(OutputStream out, InputStream in, Builder b) throws IOException {
        String request = "GET " + endpoint.path() + " HTTP/1.1\r\nHost: " + endpoint.authority()
                + "\r\nUser-Agent: certsd-studio\r\nAccept: */*\r\nConnection: close\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        b.phase = "response";
        HttpResponse r = HttpResponse.read(in);
        b.phase = "done";
        b.status = r.status();
        b.registryHeader = r.header("Docker-Distribution-Api-Version");
        b.title = r.htmlTitle();
        b.location = r.header("Location");
        b.outcome = httpOutcome(r);
    }

    private static Outcome httpOutcome(HttpResponse r) {
        int s = r.status();
        boolean registry = r.header("Docker-Distribution-Api-Version") != null;
        if (s >= 200 && s < 300) {
            return Outcome.ACCEPTED;
        }
        if (s == 401) {
            return registry ? Outcome.ACCEPTED : Outcome.NOT_A_REGISTRY;
        }
        if (s == 400 || s == 403 || s == 495 || s == 496) {
            return Outcome.REJECTED_AT_HTTP;
        }
        return Outcome.NOT_A_REGISTRY;
    }

    private void classify(IOException e, Builder b, boolean certRequested, boolean deadlinePassed) {
        String msg = String.valueOf(e.getMessage());
        Matcher alert = ALERT.matcher(msg);
        if (cancellation.cancelled()) {
            b.outcome = Outcome.CANCELLED;
        } else if (deadlinePassed) {
            // the deadline closed the socket: whatever the read or write then threw, time was up
            b.outcome = Outcome.TIMEOUT;
            b.transportError = "timeout";
        } else if (e instanceof ProxyRefused p) {
            b.outcome = Outcome.REFUSED;
            b.transportError = "proxy-" + p.status;
        } else if (alert.find()) {
            b.alert = alert.group(1);
            b.outcome = Outcome.REJECTED_AT_TLS;
        } else if (e instanceof SocketTimeoutException) {
            b.outcome = Outcome.TIMEOUT;
            b.transportError = "timeout";
        } else if (e instanceof UnknownHostException) {
            b.outcome = Outcome.REFUSED;
            b.transportError = "unresolvable";
        } else if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            b.outcome = b.tcp ? Outcome.REJECTED_AT_TLS : Outcome.REFUSED;
            b.transportError = "refused";
        } else if (e instanceof SSLException && msg.contains("Unsupported or unrecognized SSL message")) {
            b.outcome = Outcome.NOT_A_REGISTRY;
            b.transportError = "plain-http";
        } else {
            String lower = msg.toLowerCase(Locale.ROOT);
            b.transportError = lower.contains("reset") ? "reset" : lower.contains("broken pipe") ? "broken-pipe"
                    : e instanceof EOFException || lower.contains("terminated the handshake") || lower.contains("eof")
                    ? "eof" : "io-error";
            // A server that asked for a certificate and then hangs up rejected it (TLS 1.3 often ends so).
            b.outcome = certRequested ? Outcome.REJECTED_AT_TLS : Outcome.NOT_A_REGISTRY;
        }
    }

    private static void close(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing after a failure: nothing more to learn
            }
        }
    }

    private static final class ProxyRefused extends IOException {
        private final int status;

        ProxyRefused(int status) {
            super("proxy answered " + status);
            this.status = status;
        }
    }

    /** Collects the facts of one attempt as it goes. */
    private static final class Builder {
        private final Attempt.Kind kind;
        private final ClientPair pair;
        private final String curl;
        private final String openssl;
        private boolean tcp;
        private String phase = "connect";
        private String tlsVersion;
        private String cipher;
        private List<X509Certificate> chain = List.of();
        private boolean requested;
        private List<X500Principal> issuers = List.of();
        private List<String> keyTypes = List.of();
        private boolean sent;
        private GoVerifier.Result verify;
        private String alert;
        private String transportError;
        private Integer status;
        private String registryHeader;
        private String title;
        private String location;
        private Outcome outcome;

        Builder(Attempt.Kind kind, ClientPair pair, String curl, String openssl) {
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

        Attempt build(Duration elapsed, java.time.Instant now) {
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
}
