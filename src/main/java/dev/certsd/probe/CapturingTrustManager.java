package dev.certsd.probe;

import java.net.Socket;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts any server chain and keeps it: the verdict on it is Go's ({@link GoVerifier}), not JSSE's, so the
 * probe can still learn how the server treats the client certificate.
 */
final class CapturingTrustManager extends X509ExtendedTrustManager {
    private volatile List<X509Certificate> chain = List.of();

    List<X509Certificate> chain() {
        return chain;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] c, String authType, Socket socket) {
        chain = List.of(c);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] c, String authType, SSLEngine engine) {
        chain = List.of(c);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] c, String authType) {
        chain = List.of(c);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] c, String authType, Socket socket) {
        throw new UnsupportedOperationException("client side only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] c, String authType, SSLEngine engine) {
        throw new UnsupportedOperationException("client side only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] c, String authType) {
        throw new UnsupportedOperationException("client side only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
