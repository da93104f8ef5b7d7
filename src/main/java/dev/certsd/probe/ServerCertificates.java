package dev.certsd.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * What a server shows before anyone trusts it, for the CA import: the chain it presents (one handshake without
 * verification and without client certificate), and a file it publishes over that unverified connection (Harbor's
 * CA at {@code /api/v2.0/systeminfo/getcert}). Nothing here is trusted: the caller shows fingerprints and the user
 * picks.
 */
public final class ServerCertificates {
    /** A CA bundle is a few kilobytes; anything near this is not one. */
    private static final int MAX_BODY = 1024 * 1024;

    private ServerCertificates() {
    }

    /** One connection without verification: the attempt, whose {@code serverChain()} is what the server presented. */
    public static Attempt presented(Endpoint endpoint, ProbeOptions options, Cancellation cancellation) {
        InetAddress fixed = options.resolve().get(endpoint.host());
        ProxyChoice proxy = ProxyChoice.forEndpoint(endpoint, options.env());
        Commands commands = new Commands(endpoint, List.of(), false, fixed == null ? null : fixed.getHostAddress(),
                false);
        return new AttemptRunner(endpoint, fixed, proxy, options.timeouts(), options.clock(), cancellation,
                options.timeouts().overallDeadline()).tls(Attempt.Kind.INSECURE_HTTPS, null, null, commands);
    }

    /**
     * A GET over HTTPS without verification.
     *
     * @param status the HTTP status
     * @param body   the body (at most 1 MiB)
     * @param chain  the chain the server presented on this connection
     */
    public record Fetched(int status, byte[] body, List<X509Certificate> chain) {
        public Fetched {
            body = body.clone();
            chain = List.copyOf(chain);
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }

    /** The server did not finish its answer in time; {@code limit} is the bound that ended it. */
    public static final class TimedOut extends IOException {
        private final transient Duration limit;

        TimedOut(Duration limit) {
            super("no complete answer within " + limit.toMillis() + " ms");
            this.limit = limit;
        }

        public Duration limit() {
            return limit;
        }
    }

    /**
     * Fetches {@code url} (an https endpoint with its path), all of it within the attempt's and the overall timeout;
     * an IOException says why it could not ({@link TimedOut} when time was up).
     */
    public static Fetched fetch(Endpoint url, ProbeOptions options, Cancellation cancellation) throws IOException {
        InetAddress fixed = options.resolve().get(url.host());
        ProxyChoice proxy = ProxyChoice.forEndpoint(url, options.env());
        CapturingTrustManager tm = new CapturingTrustManager();
        Timeouts timeouts = options.timeouts();
        Socket raw = new Socket();
        long until = timeouts.attemptDeadline(timeouts.overallDeadline());
        Deadline deadline = Deadline.at(until, raw);
        try (raw) {
            return fetch(url, options, cancellation, fixed, proxy, tm, raw, until);
        } catch (IOException e) {
            if ((deadline.passed() || e instanceof Lookup.TimedOut) && !cancellation.cancelled()) {
                throw new TimedOut(timeouts.attempt().compareTo(timeouts.overall()) < 0 ? timeouts.attempt()
                        : timeouts.overall());
            }
            throw e;
        } finally {
            deadline.close();
        }
    }

    private static Fetched fetch(Endpoint url, ProbeOptions options, Cancellation cancellation, InetAddress fixed,
                                 ProxyChoice proxy, CapturingTrustManager tm, Socket raw, long until)
            throws IOException {
        try {
            raw.setTcpNoDelay(true); // as Go does; see AttemptRunner.connect
            cancellation.register(raw);
            if (proxy.active()) {
                int port = proxy.proxy().getPort() > 0 ? proxy.proxy().getPort() : 80;
                raw.connect(new InetSocketAddress(Lookup.byName(proxy.proxy().getHost(), until), port),
                        options.timeouts().connectMillis());
                raw.setSoTimeout(options.timeouts().readMillis());
                String target = (url.host().contains(":") ? "[" + url.host() + "]" : url.host()) + ":" + url.port();
                raw.getOutputStream().write(("CONNECT " + target + " HTTP/1.1\r\nHost: " + target + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                int status = HttpResponse.read(raw.getInputStream()).status();
                if (status != 200) {
                    throw new IOException("the proxy " + proxy.proxy() + " answered " + status + " to CONNECT");
                }
            } else {
                InetAddress target = fixed != null ? fixed : Lookup.byName(url.host(), until);
                raw.connect(new InetSocketAddress(target, url.port()), options.timeouts().connectMillis());
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {tm}, null);
            try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(raw, url.host(), url.port(), true)) {
                SSLParameters params = s.getSSLParameters();
                params.setServerNames(dev.certsd.roots.IpLiteral.isLiteral(url.host()) ? List.of()
                        : List.of(new SNIHostName(url.host())));
                s.setSSLParameters(params);
                s.setSoTimeout(options.timeouts().handshakeMillis());
                s.startHandshake();
                s.setSoTimeout(options.timeouts().readMillis());
                String request = "GET " + url.path() + " HTTP/1.1\r\nHost: " + url.authority()
                        + "\r\nUser-Agent: certsd-studio\r\nAccept: */*\r\nConnection: close\r\n\r\n";
                s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                InputStream in = s.getInputStream();
                HttpResponse r = HttpResponse.read(in);
                return new Fetched(r.status(), body(r, in), tm.chain());
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS is not available: " + e.getMessage(), e);
        }
    }

    private static byte[] body(HttpResponse r, InputStream in) throws IOException {
        try {
            return bodyOrBadNumber(r, in);
        } catch (NumberFormatException e) {
            throw new IOException("a malformed length in the answer: " + e.getMessage(), e);
        }
    }

    private static byte[] bodyOrBadNumber(HttpResponse r, InputStream in) throws IOException {
        if ("chunked".equalsIgnoreCase(r.header("Transfer-Encoding"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (true) {
                String line = line(in).strip();
                int semicolon = line.indexOf(';');
                int size = Integer.parseInt(semicolon < 0 ? line : line.substring(0, semicolon), 16);
                if (size == 0) {
                    return out.toByteArray();
                }
                if (out.size() + size > MAX_BODY) {
                    throw new IOException("the answer is larger than " + MAX_BODY + " bytes");
                }
                out.write(in.readNBytes(size));
                line(in);
            }
        }
        String length = r.header("Content-Length");
        return in.readNBytes(length != null ? Math.min(MAX_BODY, Integer.parseInt(length.strip())) : MAX_BODY);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (b.size() > 1024) {
                throw new IOException("chunk header too long");
            }
            b.write(c);
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }
}
