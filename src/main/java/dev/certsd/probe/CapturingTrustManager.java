package dev.certsd.probe;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Keeps the server's chain and, when the client verifies the server, judges it inside the handshake as Go does:
 * crypto/tls verifies the chain and the name as soon as the server's Certificate message arrives, before it is
 * asked for (TLS 1.2) or sends (TLS 1.3) its own certificate. A chain Go rejects ({@link GoVerifier}, not JSSE's
 * rules) ends the handshake here, so no client certificate ever reaches a server the client does not trust.
 * Without a verifier (Docker's insecure path, containerd's {@code skip_verify}) it accepts any chain, as those
 * clients do.
 */
final class CapturingTrustManager extends X509ExtendedTrustManager {
    private final GoVerifier verifier;
    private final String host;
    private final Clock clock;
    private volatile List<X509Certificate> chain = List.of();
    private volatile GoVerifier.Result verification;

    /** Accepts any chain (the client does not verify). */
    CapturingTrustManager() {
        this(null, null, null);
    }

    /** Verifies as Go would for {@code host}; {@code verifier} null means the client does not verify. */
    CapturingTrustManager(GoVerifier verifier, String host, Clock clock) {
        this.verifier = verifier;
        this.host = host;
        this.clock = clock;
    }

    List<X509Certificate> chain() {
        return chain;
    }

    /** Go's verdict on the chain, or null when the client does not verify or no chain arrived. */
    GoVerifier.Result verification() {
        return verification;
    }

    /** Go's verdict was a rejection: the handshake ended before any client certificate was sent. */
    boolean rejected() {
        GoVerifier.Result v = verification;
        return v != null && !v.trusted();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] c, String authType, Socket socket) throws CertificateException {
        check(c);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] c, String authType, SSLEngine engine) throws CertificateException {
        check(c);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] c, String authType) throws CertificateException {
        check(c);
    }

    private void check(X509Certificate[] c) throws CertificateException {
        chain = List.of(c);
        if (verifier == null) {
            return;
        }
        GoVerifier.Result v = verifier.verify(chain, host, clock.instant());
        verification = v;
        if (!v.trusted()) {
            throw new NotVerified(v.error());
        }
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

    /** Go's verification failed; JSSE sends the server an alert and ends the handshake. */
    static final class NotVerified extends CertificateException {
        NotVerified(String goError) {
            super(goError);
        }
    }
}
