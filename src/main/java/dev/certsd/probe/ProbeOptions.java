package dev.certsd.probe;

import dev.certsd.roots.Client;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How to probe.
 *
 * @param endpoint        overrides the endpoint derived from the directory name, or null
 * @param resolve         host names to connect to a fixed address instead of resolving them (curl's --resolve)
 * @param env             the environment the proxy variables and SSL_CERT_FILE/DIR are read from
 * @param customRootsOnly trust the directory's CAs only, as old Docker and Docker on Windows did
 * @param systemRoots     the system roots (loaded once, lazily)
 */
public record ProbeOptions(Client client, Timeouts timeouts, Endpoint endpoint, Map<String, InetAddress> resolve,
                           Map<String, String> env, boolean customRootsOnly, Clock clock,
                           Supplier<List<X509Certificate>> systemRoots) {
    public ProbeOptions {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(timeouts, "timeouts");
        resolve = Map.copyOf(resolve);
        env = Map.copyOf(env);
    }

    /** Defaults: 5 s timeouts, this process's environment, Go's system roots. */
    public static ProbeOptions defaults(Client client) {
        Map<String, String> env = System.getenv();
        return new ProbeOptions(client, Timeouts.DEFAULT, null, Map.of(), env, false, Clock.systemUTC(),
                memoize(() -> SystemRoots.load(env)));
    }

    public ProbeOptions withTimeouts(Timeouts t) {
        return new ProbeOptions(client, t, endpoint, resolve, env, customRootsOnly, clock, systemRoots);
    }

    public ProbeOptions withEndpoint(Endpoint e) {
        return new ProbeOptions(client, timeouts, e, resolve, env, customRootsOnly, clock, systemRoots);
    }

    public ProbeOptions withResolve(Map<String, InetAddress> r) {
        return new ProbeOptions(client, timeouts, endpoint, r, env, customRootsOnly, clock, systemRoots);
    }

    public ProbeOptions withEnv(Map<String, String> e) {
        return new ProbeOptions(client, timeouts, endpoint, resolve, e, customRootsOnly, clock, systemRoots);
    }

    public ProbeOptions withSystemRoots(Supplier<List<X509Certificate>> roots) {
        return new ProbeOptions(client, timeouts, endpoint, resolve, env, customRootsOnly, clock, memoize(roots));
    }

    public ProbeOptions withCustomRootsOnly(boolean only) {
        return new ProbeOptions(client, timeouts, endpoint, resolve, env, only, clock, systemRoots);
    }

    static <T> Supplier<T> memoize(Supplier<T> s) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = s.get();
                }
                return value;
            }
        };
    }
}
