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
 * completes, HTTP 400), an open registry, and the broken ones (stalling, silent, plain HTTP, redirecting).
 * Public for the connection-test view's tests and the screenshot's demo registry.
 */
public final class TestTlsServer implements AutoCloseable {
    /** How the server behaves. */
    public enum Mode { REGISTRY, NGINX, OPEN, STALL_HANDSHAKE, NEVER_ANSWER, PLAIN_HTTP, REDIRECT }

    private final ServerSocket socket;
    private final Mode mode;
    private final String protocol;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();
    final List<String> clientSubjects = new CopyOnWriteArrayList<>();
    private volatile String redirectTo;

    private TestTlsServer(ServerSocket socket, Mode mode, String protocol) {
        this.socket = socket;
        this.mode = mode;
        this.protocol = protocol;
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
        if (mode == Mode.STALL_HANDSHAKE || mode == Mode.PLAIN_HTTP) {
            return new TestTlsServer(new ServerSocket(0, 50, lo), mode, protocol);
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
        TrustManager tm = mode == Mode.NGINX ? new Lenient(strict) : strict;
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), new TrustManager[] {tm}, null);
        SSLServerSocket s = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 50, lo);
        s.setEnabledProtocols(new String[] {protocol});
        if (mode == Mode.REGISTRY) {
            s.setNeedClientAuth(true);
        } else if (mode == Mode.NGINX || mode == Mode.REDIRECT) {
            s.setWantClientAuth(true);
        }
        return new TestTlsServer(s, mode, protocol);
    }

    public int port() {
        return socket.getLocalPort();
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
