package dev.certsd.roots;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Docker's insecure-registry decision: for such a registry Docker never reads certs.d. 127.0.0.0/8 and ::1/128
 * are always insecure; {@code insecure-registries} in daemon.json adds CIDRs and host names; a name is resolved
 * and its addresses matched against the ranges.
 */
public final class InsecureRegistries {
    private static final String IPV6_LOOPBACK = "::1/128";
    private static final List<String> ALWAYS = List.of("127.0.0.0/8", IPV6_LOOPBACK);

    private final List<Cidr> cidrs;
    private final Set<String> names;
    private final HostResolver resolver;

    /** Why Docker treats a registry as insecure. */
    public record Reason(Kind kind, String detail) {
        public enum Kind { LOOPBACK_ADDRESS, RESOLVES_TO_LOOPBACK, DAEMON_JSON_NAME, DAEMON_JSON_RANGE, DOCKER_HUB }
    }

    private record Cidr(BigInteger network, int bits, int length, String text) {
        boolean contains(InetAddress a) {
            byte[] b = a.getAddress();
            if (b.length * 8 != length) {
                return false;
            }
            BigInteger mask = BigInteger.ONE.shiftLeft(length).subtract(BigInteger.ONE)
                    .xor(BigInteger.ONE.shiftLeft(length - bits).subtract(BigInteger.ONE));
            return new BigInteger(1, b).and(mask).equals(network.and(mask));
        }
    }

    private InsecureRegistries(List<Cidr> cidrs, Set<String> names, HostResolver resolver) {
        this.cidrs = cidrs;
        this.names = names;
        this.resolver = resolver;
    }

    /** Docker's built-in ranges only. */
    public static InsecureRegistries defaults(HostResolver resolver) {
        return of(List.of(), resolver);
    }

    /** Built-in ranges plus the given {@code insecure-registries} entries. */
    public static InsecureRegistries of(List<String> entries, HostResolver resolver) {
        List<Cidr> cidrs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String e : ALWAYS) {
            cidrs.add(cidr(e).orElseThrow());
        }
        for (String raw : entries) {
            String e = raw.trim();
            String lower = e.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                e = e.substring(e.indexOf("://") + 3);
            }
            Optional<Cidr> c = cidr(e);
            if (c.isPresent()) {
                cidrs.add(c.get());
            } else if (!e.isEmpty()) {
                names.add(e);
            }
        }
        return new InsecureRegistries(cidrs, names, resolver);
    }

    /**
     * Reads {@code insecure-registries} from a daemon.json; a missing file means defaults.
     *
     * @throws IOException when the file exists but cannot be read or is not JSON
     */
    public static InsecureRegistries fromDaemonJson(Path daemonJson, HostResolver resolver) throws IOException {
        if (!Files.exists(daemonJson)) {
            return defaults(resolver);
        }
        Object parsed = JSON.std.anyFrom(Files.readString(daemonJson));
        List<String> entries = new ArrayList<>();
        if (parsed instanceof Map<?, ?> map && map.get("insecure-registries") instanceof List<?> list) {
            for (Object o : list) {
                if (o != null) {
                    entries.add(o.toString());
                }
            }
        }
        return of(entries, resolver);
    }

    /** Why the newest Docker would treat the registry of this directory as insecure, if it would. */
    public Optional<Reason> reasonFor(HostDir dir) {
        return reasonFor(dir, ClientVersion.newest(Client.DOCKER));
    }

    /**
     * Why that release of Docker would treat the registry of this directory as insecure, if it would: {@code ::1}
     * is built in only since Docker 28 (moby commit 6a1d8a9); before, only 127.0.0.0/8 is.
     */
    public Optional<Reason> reasonFor(HostDir dir, ClientVersion docker) {
        boolean v6Loopback = docker.atLeast(28, 0, 0);
        if (dir.host() == null) {
            return Optional.empty();
        }
        String registry = dir.registry();
        if (registry.equals("docker.io") || registry.equals("index.docker.io")) {
            return Optional.of(new Reason(Reason.Kind.DOCKER_HUB, registry));
        }
        if (names.contains(registry)) {
            return Optional.of(new Reason(Reason.Kind.DAEMON_JSON_NAME, registry));
        }
        Optional<InetAddress> literal = IpLiteral.parse(dir.host());
        List<InetAddress> addresses = literal.map(List::of).orElseGet(() -> resolver.resolve(dir.host()));
        for (InetAddress a : addresses) {
            for (Cidr c : cidrs) {
                if (!v6Loopback && c.text().equals(IPV6_LOOPBACK)) {
                    continue;
                }
                if (c.contains(a)) {
                    boolean builtIn = ALWAYS.contains(c.text());
                    if (builtIn) {
                        return Optional.of(literal.isPresent()
                                ? new Reason(Reason.Kind.LOOPBACK_ADDRESS, a.getHostAddress())
                                : new Reason(Reason.Kind.RESOLVES_TO_LOOPBACK, a.getHostAddress()));
                    }
                    return Optional.of(new Reason(Reason.Kind.DAEMON_JSON_RANGE, c.text()));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Cidr> cidr(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        Optional<InetAddress> a = IpLiteral.parse(text.substring(0, slash));
        if (a.isEmpty()) {
            return Optional.empty();
        }
        try {
            int bits = Integer.parseInt(text.substring(slash + 1));
            int length = a.get().getAddress().length * 8;
            if (bits < 0 || bits > length) {
                return Optional.empty();
            }
            return Optional.of(new Cidr(new BigInteger(1, a.get().getAddress()), bits, length, text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
