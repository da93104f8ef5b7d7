// over 300 lines: one server, a behaviour per peer (registry, nginx, stalling, dripping...) on one TLS set-up
package dev.certsd.probe;

import dev.certsd.testing.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * In-process TLS servers on loopback that behave like the peers a registry client meets: the distribution
 * registry (client certificate required, rejection by TLS alert), nginx with ssl_verify_client (handshake
 * completes, HTTP 400), an open registry, and the broken ones (stalling, silent, plain HTTP, redirecting, and
 * dripping one byte at a time so that no read timeout ever trips). Every client certificate that arrives is
 * recorded ({@link #certificatesReceived()}), whether or not the handshake then completes.
 * Public for the connection-test view's tests and the screenshot's demo registry.
 */
public final class TestTlsServer implements AutoCloseable {
    /** How the server behaves. */
    public enum Mode {
        REGISTRY, NGINX, OPEN, STALL_HANDSHAKE, NEVER_ANSWER, PLAIN_HTTP, REDIRECT,
        /** Completes the handshake, reads the request, then sends an HTTP header one byte per drip interval, forever. */
        DRIP_HTTP,
        /** Answers the ClientHello with a TLS record header announcing 16 KiB, then one byte per drip interval. */
        DRIP_HANDSHAKE
    }

    private final ServerSocket socket;
    private final Mode mode;
    private final String protocol;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();
    final List<String> clientSubjects = new CopyOnWriteArrayList<>();
    private final List<String> received;
    private volatile String redirectTo;
    private volatile long dripMillis = 1000;

    private TestTlsServer(ServerSocket socket, Mode mode, String protocol, List<String> received) {
        this.socket = socket;
        this.mode = mode;
        this.protocol = protocol;
        this.received = received;
        Thread t = new Thread(this::acceptLoop, "test-server-" + mode);
        t.setDaemon(true);
        t.start();
    }

    public static TestTlsServer start(Mode mode, TestPki.Issued serverCert, TestPki.Issued clientCa) throws Exception {
        return start(mode, serverCert, clientCa, "TLSv1.3");
    }

    public static TestTlsServer start(Mode mode, TestPki.Issued serverCert, TestPki.Issued clientCa, String protocol)
            throws Exception {
        InetAddress lo = InetAddress.getLoopbackAddress();
        List<String> received = new CopyOnWriteArrayList<>();
        if (mode == Mode.STALL_HANDSHAKE || mode == Mode.PLAIN_HTTP || mode == Mode.DRIP_HANDSHAKE) {
            return new TestTlsServer(new ServerSocket(0, 50, lo), mode, protocol, received);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("server", serverCert.keys().getPrivate(), new char[0], new X509Certificate[] {serverCert.cert()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
        kmf.init(ks, new char[0]);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("client-ca", clientCa.cert());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        X509TrustManager strict = (X509TrustManager) tmf.getTrustManagers()[0];
        TrustManager tm = new Recording(mode == Mode.NGINX ? new Lenient(strict) : strict, received);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), new TrustManager[] {tm}, null);
        SSLServerSocket s = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 50, lo);
        s.setEnabledProtocols(new String[] {protocol});
        if (mode == Mode.REGISTRY) {
            s.setNeedClientAuth(true);
        } else if (mode == Mode.NGINX || mode == Mode.REDIRECT) {
            s.setWantClientAuth(true);
        }
        return new TestTlsServer(s, mode, protocol, received);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /**
     * The subjects of the client certificates that reached this server, in arrival order: recorded when the
     * client's Certificate message is checked, so a certificate counts even when the handshake fails afterwards.
     */
    public List<String> certificatesReceived() {
        return List.copyOf(received);
    }

    /** How many connections this server has accepted so far: a test waits for a client to be connected. */
    public int connectionsAccepted() {
        return connections.get();
    }

    /** The pause between two bytes of the drip modes (1 s by default). */
    public TestTlsServer dripEvery(java.time.Duration pause) {
        dripMillis = pause.toMillis();
        return this;
    }

    TestTlsServer redirectTo(String url) {
        redirectTo = url;
        return this;
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket c = socket.accept();
                connections.incrementAndGet();
                accepted.add(c);
                Thread t = new Thread(() -> serve(c), "test-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket c) {
        try (c) {
            switch (mode) {
                case STALL_HANDSHAKE -> c.getInputStream().readAllBytes();
                case DRIP_HANDSHAKE -> {
                    c.getInputStream().read(new byte[4096]); // (the start of) the ClientHello
                    // a handshake record of 16 KiB is announced, then its bytes come one at a time
                    c.getOutputStream().write(new byte[] {0x16, 0x03, 0x03, 0x40, 0x00});
                    drip(c.getOutputStream(), new byte[] {0x02});
                }
                case PLAIN_HTTP -> {
                    java.io.PushbackInputStream in = new java.io.PushbackInputStream(c.getInputStream());
                    int first = in.read();
                    if (first == 0x16) {
                        // a TLS ClientHello: an HTTP server answers 400 to a request line it cannot read
                        respond(c.getOutputStream(), 400, "text/plain", "Bad Request", false, null);
                        return;
                    }
                    in.unread(first);
                    readRequest(in);
                    respond(c.getOutputStream(), 200, "application/json", "{}", true, null);
                }
                default -> serveTls((SSLSocket) c);
            }
        } catch (IOException e) {
            // the client hung up or was rejected: that is what these servers are for
        }
    }

    private void serveTls(SSLSocket c) throws IOException {
        c.startHandshake();
        X509Certificate client = null;
        try {
            client = (X509Certificate) c.getSession().getPeerCertificates()[0];
            clientSubjects.add(client.getSubjectX500Principal().getName());
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            clientSubjects.add("");
        }
        readRequest(c.getInputStream());
        switch (mode) {
            case NEVER_ANSWER -> c.getInputStream().read();
            case DRIP_HTTP -> drip(c.getOutputStream(), "HTTP/1.1 200 OK\r\nX-Drip: ".getBytes(StandardCharsets.US_ASCII));
            case NGINX -> {
                if (client == null) {
                    respond(c.getOutputStream(), 400, "text/html", page("400 No required SSL certificate was sent"), false, null);
                } else if (!Lenient.valid(client)) {
                    respond(c.getOutputStream(), 400, "text/html", page("400 The SSL certificate error"), false, null);
                } else {
                    respond(c.getOutputStream(), 200, "application/json", "{}", true, null);
                }
            }
            case OPEN -> respond(c.getOutputStream(), 401, "application/json", "{\"errors\":[]}", true, null);
            case REDIRECT -> respond(c.getOutputStream(), 307, "text/html", "", false, redirectTo);
            default -> respond(c.getOutputStream(), 200, "application/json", "{}", true, null);
        }
    }

    /** Writes {@code start} and then 'a's, one byte per pause, until the client goes away or the server closes. */
    private void drip(OutputStream out, byte[] start) throws IOException {
        out.flush();
        for (long i = 0; !socket.isClosed(); i++) {
            out.write(i < start.length ? start[(int) i] : 'a');
            out.flush();
            try {
                Thread.sleep(dripMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String page(String title) {
        return "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>400 Bad Request</h1></center>\r\n"
                + "<center>" + title.substring(4) + "</center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    }

    private static void readRequest(InputStream in) throws IOException {
        int state = 0;
        int b;
        while ((b = in.read()) != -1) {
            state = (b == '\r' || b == '\n') ? state + 1 : 0;
            if (state == 4) {
                return;
            }
        }
    }

    private static void respond(OutputStream out, int status, String type, String body, boolean registry,
                                String location) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder h = new StringBuilder("HTTP/1.1 " + status + " X\r\nContent-Type: " + type + "\r\nContent-Length: "
                + bytes.length + "\r\nConnection: close\r\n");
        if (registry) {
            h.append("Docker-Distribution-Api-Version: registry/2.0\r\n");
        }
        if (location != null) {
            h.append("Location: ").append(location).append("\r\n");
        }
        out.write(h.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : accepted) {
            s.close();
        }
    }

    /** Notes every client certificate chain that arrives, then lets the server's own check decide. */
    private static final class Recording implements X509TrustManager {
        private final X509TrustManager delegate;
        private final List<String> received;

        Recording(X509TrustManager delegate, List<String> received) {
            this.delegate = delegate;
            this.received = received;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            received.add(chain[0].getSubjectX500Principal().getName());
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkServerTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }

    /** nginx's ssl_verify_client: asks for the client CA, completes the handshake, decides in HTTP. */
    private static final class Lenient implements X509TrustManager {
        private static final java.util.Set<X509Certificate> VALID = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final X509TrustManager strict;

        Lenient(X509TrustManager strict) {
            this.strict = strict;
        }

        static boolean valid(X509Certificate c) {
            return VALID.contains(c);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            try {
                strict.checkClientTrusted(chain, authType);
                VALID.add(chain[0]);
            } catch (CertificateException e) {
                // remembered as invalid: nginx answers 400 later
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            strict.checkServerTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return strict.getAcceptedIssuers();
        }
    }
}
