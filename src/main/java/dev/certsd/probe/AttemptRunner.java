package dev.certsd.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * Runs one attempt: TCP (through a proxy when Go would use one), TLS, then GET /v2/ over HTTP/1.1. A null
 * {@code address} means: resolve the host name. The server is verified inside the handshake when the client would
 * verify it ({@link CapturingTrustManager}); each attempt ends by its own deadline and by the run's
 * ({@link Deadline}), whatever the server sends meanwhile.
 */
final class AttemptRunner {
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
        AttemptFacts b = new AttemptFacts(kind, pair, commands.curl(kind, pair), commands.openssl(kind, pair));
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
                b.failed(e, km.requested(), deadline.passed(), cancellation.cancelled());
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
        AttemptFacts b = new AttemptFacts(Attempt.Kind.PLAIN_HTTP, null, commands.curl(Attempt.Kind.PLAIN_HTTP, null), null);
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
            b.failed(e, false, deadline.passed(), cancellation.cancelled());
        } finally {
            deadline.close();
            close(raw);
        }
        return b.build(Duration.between(start, clock.instant()), clock.instant());
    }

    /** {@code until}: the attempt's deadline, which also ends a host-name lookup that hangs. */
    private void connect(Socket raw, AttemptFacts b, long until) throws IOException {
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

    private void exchange(OutputStream out, InputStream in, AttemptFacts b) throws IOException {
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

    private static void close(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing after a failure: nothing more to learn
            }
        }
    }

    /** The HTTP proxy refused the CONNECT. */
    static final class ProxyRefused extends IOException {
        final int status;

        ProxyRefused(int status) {
            super("proxy answered " + status);
            this.status = status;
        }
    }
}
