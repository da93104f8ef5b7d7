package dev.certsd.probe;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.NamedParameterSpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Loads and initialises what the first handshake needs (JSSE, the key-share generators, the signature engines) on
 * a background thread, so that a fresh JVM does it while it is still reading the host directory instead of after.
 * Touches no network and no file; failures are ignored (the probe then simply pays for them itself).
 * On a 2-core machine it takes about 0.1 s off a cold {@code test} run (docs/performance.md).
 */
public final class Warmup {
    private Warmup() {
    }

    /** Starts the warm-up on a daemon thread and returns at once. */
    public static void start() {
        Thread t = new Thread(Warmup::run, "certsd-probe-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    static void run() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new NoTrust()}, null);
            try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket()) {
                s.getSSLParameters();
            }
            KeyPairGenerator x = KeyPairGenerator.getInstance("XDH");
            x.initialize(NamedParameterSpec.X25519);
            x.generateKeyPair();
            KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(new ECGenParameterSpec("secp256r1"));
            ec.generateKeyPair();
            Signature.getInstance("RSASSA-PSS");
            Signature.getInstance("SHA256withECDSA");
        } catch (GeneralSecurityException | java.io.IOException | RuntimeException ignored) {
            // only a head start: the probe reports its own errors
        }
    }

    /** Trusts nothing: the warm-up's context never connects, and must not load the JDK's own trust store. */
    private static final class NoTrust implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("warm-up only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("warm-up only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
