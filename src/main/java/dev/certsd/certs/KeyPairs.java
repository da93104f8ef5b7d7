package dev.certsd.certs;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Generates key pairs so that a cancel is honoured at once: the JDK's RSA generator cannot be interrupted (RSA 4096
 * takes seconds), so it runs on a daemon thread of its own and a cancel simply stops waiting for it; the abandoned
 * thread finishes in the background and its key is dropped.
 */
public final class KeyPairs {
    private static final long POLL_MILLIS = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyPairs() {
    }

    /** A new key pair; throws {@link PkiException.Cancelled} within milliseconds of {@code cancel.cancel()}. */
    public static KeyPair generate(KeySpec spec, Cancel cancel) throws PkiException.Cancelled {
        cancel.check();
        CompletableFuture<KeyPair> result = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                result.complete(generateNow(spec));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "certsd-keygen-" + spec.id());
        worker.setDaemon(true);
        worker.start();
        while (true) {
            cancel.check();
            try {
                return result.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // poll the cancel request again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PkiException.Cancelled();
            } catch (ExecutionException e) {
                throw new IllegalStateException("key generation failed: " + e.getCause(), e.getCause());
            }
        }
    }

    private static KeyPair generateNow(KeySpec spec) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(spec.algorithm());
            if (spec.rsa()) {
                g.initialize(spec.bits(), RANDOM);
            } else {
                g.initialize(new ECGenParameterSpec(spec.bits() == 384 ? "secp384r1" : "secp256r1"), RANDOM);
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(spec.label() + " is part of every JDK", e);
        }
    }
}
