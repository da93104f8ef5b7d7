package dev.certsd.probe;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Loads and initialises what the first handshake needs (JSSE, the key-share generators, the signature engines) on
 * a background thread, so that a fresh JVM does it while it is still reading the host directory instead of after.
 * Touches no network and no file; failures are ignored (the probe then simply pays for them itself).
 * On a 2-core machine it takes about 0.1 s off a cold {@code test} run, and its arithmetic (the RSA signature's, the
 * X25519 agreement's, AES-GCM's) a further 0.03-0.05 s (docs/performance.md).
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
            // the signature's arithmetic first: its loops are the hottest, and compiled the sooner they are queued
            // (ordered as a handshake needs them, the key shares first, it measured no better)
            rsaArithmetic();
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new NoTrust()}, null);
            try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket()) {
                s.getSSLParameters();
            }
            sessionArithmetic();
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
     * The arithmetic of an RSA-2048 private-key operation as the JDK does it for a CertificateVerify signature
     * ({@code RSACore.crtCrypt}): the blinding pair (a 2,048-bit modular inverse and a power by the public exponent),
     * the two 1,024-bit CRT powers, the recombination and the check, on numbers of no use (the "primes" are not
     * prime; nothing here is a key). Each handshake runs these loops, and a fresh JVM runs them in the interpreter
     * until they are compiled: done here, the compiling starts while the directory is read, instead of while ten
     * handshakes run the blinding's inverse interpreted (docs/performance.md). Returns the check's bit length.
     */
    static int rsaArithmetic() {
        Random r = new Random(1);
        BigInteger p = new BigInteger(1024, r).setBit(1023).setBit(0);
        BigInteger q = new BigInteger(1024, r).setBit(1023).setBit(0);
        BigInteger n = p.multiply(q);
        BigInteger e = BigInteger.valueOf(65537);
        BigInteger u = new BigInteger(2048, r).mod(n);
        BigInteger v = u.modInverse(n); // these numbers are coprime (WarmupTest)
        u = u.modPow(e, n);
        BigInteger c = new BigInteger(2040, r).multiply(u).mod(n);
        BigInteger m1 = c.modPow(new BigInteger(1023, r), p);
        BigInteger m2 = c.modPow(new BigInteger(1023, r), q);
        BigInteger h = m1.subtract(m2);
        if (h.signum() < 0) {
            h = h.add(p);
        }
        h = h.multiply(new BigInteger(1023, r)).mod(p);
        BigInteger m = h.multiply(q).add(m2).multiply(v).mod(n);
        return m.modPow(e, n).bitLength();
    }

    /**
     * What every handshake does after its key shares, on keys and bytes of no use: an X25519 agreement (the key share
     * a server picks) and AES-GCM over a few kilobytes (the records). Compiled early for the same reason.
     */
    static int sessionArithmetic() throws GeneralSecurityException {
        KeyPairGenerator x = KeyPairGenerator.getInstance("XDH");
        x.initialize(NamedParameterSpec.X25519);
        KeyPair mine = x.generateKeyPair();
        KeyAgreement agreement = KeyAgreement.getInstance("XDH");
        agreement.init(mine.getPrivate());
        agreement.doPhase(x.generateKeyPair().getPublic(), true);
        byte[] secret = agreement.generateSecret();
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(secret, "AES"), new GCMParameterSpec(128, new byte[12]));
        return gcm.doFinal(new byte[4096]).length;
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
