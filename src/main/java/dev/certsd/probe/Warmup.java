package dev.certsd.probe;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.util.Random;
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
        bigIntegers();
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

    /**
     * The arithmetic of half an RSA-2048 private-key operation (a 1,024-bit modular power, as each CRT half is), on
     * numbers of no use: each handshake's CertificateVerify signature runs these loops, and a fresh JVM runs them in
     * the interpreter until they are compiled. Done here, the compiling starts while the directory is read instead of
     * while ten handshakes wait for it (with the quick way for {@code test}, docs/performance.md).
     */
    static int bigIntegers() {
        Random r = new Random(1);
        BigInteger odd = new BigInteger(1024, r).setBit(1023).setBit(0);
        return new BigInteger(1000, r).modPow(new BigInteger(1024, r), odd).bitLength();
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
