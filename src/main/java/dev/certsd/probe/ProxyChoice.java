package dev.certsd.probe;

import dev.certsd.roots.IpLiteral;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Go's {@code http.ProxyFromEnvironment}: HTTPS_PROXY (or https_proxy) for https URLs, HTTP_PROXY for http,
 * except for hosts matched by NO_PROXY and for localhost and loopback addresses, which Go never proxies.
 *
 * @param proxy    the proxy URL in use, or null
 * @param variable the environment variable it came from, or null
 */
public record ProxyChoice(URI proxy, String variable) {
    public static final ProxyChoice NONE = new ProxyChoice(null, null);

    public boolean active() {
        return proxy != null;
    }

    public static ProxyChoice forEndpoint(Endpoint e, Map<String, String> env) {
        if (e.host().equalsIgnoreCase("localhost") || IpLiteral.parse(e.host()).map(a -> a.isLoopbackAddress()).orElse(false)) {
            return NONE;
        }
        String[] names = e.scheme().equals("https") ? new String[] {"HTTPS_PROXY", "https_proxy"}
                : new String[] {"HTTP_PROXY", "http_proxy"};
        Optional<Map.Entry<String, String>> found = Optional.empty();
        for (String n : names) {
            String v = env.get(n);
            if (v != null && !v.isBlank()) {
                found = Optional.of(Map.entry(n, v.trim()));
                break;
            }
        }
        if (found.isEmpty() || noProxy(e, env)) {
            return NONE;
        }
        String value = found.get().getValue();
        URI uri = URI.create(value.contains("://") ? value : "http://" + value);
        return new ProxyChoice(uri, found.get().getKey());
    }

    private static boolean noProxy(Endpoint e, Map<String, String> env) {
        String list = env.getOrDefault("NO_PROXY", env.getOrDefault("no_proxy", ""));
        String host = e.host().toLowerCase(Locale.ROOT);
        for (String raw : list.split(",")) {
            String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*")) {
                return true;
            }
            String entryHost = entry;
            int colon = entry.lastIndexOf(':');
            if (colon > 0 && !entry.contains("]") && entry.indexOf(':') == colon) {
                if (!entry.substring(colon + 1).equals(Integer.toString(e.port()))) {
                    continue;
                }
                entryHost = entry.substring(0, colon);
            }
            if (entryHost.startsWith("*.")) {
                entryHost = entryHost.substring(1);
            }
            if (host.equals(entryHost) || (entryHost.startsWith(".") && host.endsWith(entryHost))
                    || host.endsWith("." + entryHost)) {
                return true;
            }
        }
        return false;
    }
}
