package dev.certsd.ui.wizard;

import dev.certsd.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * A registry on loopback that looks like Harbor: it presents a server certificate and its issuing CA (not the
 * root, as real servers do), and publishes the root at Harbor's {@code /api/v2.0/systeminfo/getcert}.
 */
public final class HarborTestServer implements AutoCloseable {
    public static final TestPki.Issued ROOT = TestPki.cert("O=Harbor Test,CN=Harbor Root CA").keys(TestPki.rsa(1)).ca().build();
    public static final TestPki.Issued ISSUING = TestPki.cert("O=Harbor Test,CN=Harbor Issuing CA").keys(TestPki.rsa(2))
            .issuer(ROOT).ca().build();
    public static final TestPki.Issued SERVER = TestPki.cert("CN=127.0.0.1").keys(TestPki.rsa(3)).issuer(ISSUING)
            .ip("127.0.0.1").serverAuth().build();

    private final SSLServerSocket socket;

    public HarborTestServer() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("server", SERVER.keys().getPrivate(), new char[0],
                new X509Certificate[] {SERVER.cert(), ISSUING.cert()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
        kmf.init(ks, new char[0]);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        socket = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::serve, "harbor-test-server");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** The host directory name, as the wizard's registry field takes it. */
    public String registry() {
        return "127.0.0.1:" + port();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                String path = requestPath(s.getInputStream());
                byte[] body = path.equals("/api/v2.0/systeminfo/getcert")
                        ? ROOT.certPem().getBytes(StandardCharsets.US_ASCII) : null;
                OutputStream out = s.getOutputStream();
                out.write((body == null ? "HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n"
                        + "Docker-Distribution-Api-Version: registry/2.0\r\nConnection: close\r\n\r\n"
                        : "HTTP/1.1 200 OK\r\nContent-Type: application/x-pem-file\r\nContent-Length: " + body.length
                                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (IOException e) {
                // a client that only looked at the certificates hangs up: serve the next one
            }
        }
    }

    private static String requestPath(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            head.write(c);
            if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                break;
            }
        }
        String[] first = head.toString(StandardCharsets.ISO_8859_1).split(" ", 3);
        return first.length > 1 ? first[1] : "";
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
