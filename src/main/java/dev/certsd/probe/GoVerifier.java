package dev.certsd.probe;

import dev.certsd.roots.IpLiteral;
import java.net.InetAddress;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javax.security.auth.x500.X500Principal;

/**
 * Go's server certificate verification (crypto/x509 Verify as crypto/tls calls it): the leaf's validity, then the
 * host name (SANs only, IP SANs for IPs), then a chain to a root in the pool. Any certificate in the pool is an
 * anchor, whatever its CA flag; intermediates must be CAs. Errors carry Go's own texts.
 */
public final class GoVerifier {
    private final List<X509Certificate> customRoots;
    private final Supplier<List<X509Certificate>> systemRoots;
    private final boolean mergeSystemRoots;

    /** The verification result; {@code error} is Go's text, or null when trusted. */
    public record Result(Kind kind, String error) {
        public enum Kind { TRUSTED, NAME_MISMATCH, NOT_TRUSTED }

        public boolean trusted() {
            return kind == Kind.TRUSTED;
        }
    }

    public GoVerifier(List<X509Certificate> customRoots, Supplier<List<X509Certificate>> systemRoots,
                      boolean mergeSystemRoots) {
        this.customRoots = List.copyOf(customRoots);
        this.systemRoots = systemRoots;
        this.mergeSystemRoots = mergeSystemRoots;
    }

    public Result verify(List<X509Certificate> chain, String host, Instant now) {
        if (chain.isEmpty()) {
            return new Result(Result.Kind.NOT_TRUSTED, "tls: server sent no certificates");
        }
        X509Certificate leaf = chain.get(0);
        Optional<String> validity = validity(leaf, now);
        if (validity.isPresent()) {
            return new Result(Result.Kind.NOT_TRUSTED, validity.get());
        }
        Optional<String> name = hostnameError(leaf, host);
        if (name.isPresent()) {
            return new Result(Result.Kind.NAME_MISMATCH, name.get());
        }
        if (leaf.getSigAlgName().toUpperCase(Locale.ROOT).startsWith("SHA1") && !inPool(leaf, customRoots)) {
            return new Result(Result.Kind.NOT_TRUSTED, "x509: cannot verify signature: insecure algorithm "
                    + goSigName(leaf) + " (temporarily override with GODEBUG=x509sha1=1)");
        }
        List<X509Certificate> intermediates = chain.subList(1, chain.size());
        if (chains(leaf, intermediates, customRoots, now, 0)) {
            return new Result(Result.Kind.TRUSTED, null);
        }
        if (mergeSystemRoots && chains(leaf, intermediates, systemRoots.get(), now, 0)) {
            return new Result(Result.Kind.TRUSTED, null);
        }
        if (!serverAuthAllowed(leaf)) {
            return new Result(Result.Kind.NOT_TRUSTED, "x509: certificate specifies an incompatible key usage");
        }
        return new Result(Result.Kind.NOT_TRUSTED, "x509: certificate signed by unknown authority");
    }

    private boolean chains(X509Certificate cert, List<X509Certificate> intermediates, List<X509Certificate> roots,
                           Instant now, int depth) {
        if (depth > 10) {
            return false;
        }
        if (depth == 0 && inPool(cert, roots)) {
            return serverAuthAllowed(cert);
        }
        byte[] issuer = cert.getIssuerX500Principal().getEncoded();
        for (X509Certificate root : roots) {
            if (Arrays.equals(root.getSubjectX500Principal().getEncoded(), issuer) && signs(root, cert)
                    && validity(root, now).isEmpty()) {
                return depth > 0 || serverAuthAllowed(cert);
            }
        }
        for (X509Certificate mid : intermediates) {
            if (mid != cert && Arrays.equals(mid.getSubjectX500Principal().getEncoded(), issuer) && signs(mid, cert)
                    && mid.getBasicConstraints() >= 0 && validity(mid, now).isEmpty()
                    && chains(mid, intermediates, roots, now, depth + 1)) {
                return depth > 0 || serverAuthAllowed(cert);
            }
        }
        return false;
    }

    private static boolean inPool(X509Certificate c, List<X509Certificate> pool) {
        for (X509Certificate p : pool) {
            if (p.equals(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean signs(X509Certificate issuer, X509Certificate cert) {
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean serverAuthAllowed(X509Certificate c) {
        try {
            List<String> eku = c.getExtendedKeyUsage();
            return eku == null || eku.contains("1.3.6.1.5.5.7.3.1") || eku.contains("2.5.29.37.0");
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    private static Optional<String> validity(X509Certificate c, Instant now) {
        Instant from = c.getNotBefore().toInstant();
        Instant to = c.getNotAfter().toInstant();
        DateTimeFormatter f = DateTimeFormatter.ISO_INSTANT;
        if (now.isAfter(to)) {
            return Optional.of("x509: certificate has expired or is not yet valid: current time " + f.format(now)
                    + " is after " + f.format(to));
        }
        if (now.isBefore(from)) {
            return Optional.of("x509: certificate has expired or is not yet valid: current time " + f.format(now)
                    + " is before " + f.format(from));
        }
        return Optional.empty();
    }

    /** Go's VerifyHostname and HostnameError texts. */
    static Optional<String> hostnameError(X509Certificate c, String host) {
        List<String> dns = new ArrayList<>();
        List<InetAddress> ips = new ArrayList<>();
        boolean hasSan = false;
        try {
            Collection<List<?>> sans = c.getSubjectAlternativeNames();
            if (sans != null) {
                hasSan = true;
                for (List<?> san : sans) {
                    int type = (Integer) san.get(0);
                    if (type == 2) {
                        dns.add((String) san.get(1));
                    } else if (type == 7) {
                        IpLiteral.parse((String) san.get(1)).ifPresent(ips::add);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            hasSan = false;
        }
        Optional<InetAddress> ip = IpLiteral.parse(host);
        if (ip.isPresent()) {
            if (ips.contains(ip.get())) {
                return Optional.empty();
            }
        } else {
            String wanted = host.toLowerCase(Locale.ROOT);
            for (String name : dns) {
                if (matches(name.toLowerCase(Locale.ROOT), wanted)) {
                    return Optional.empty();
                }
            }
        }
        String cn = commonName(c.getSubjectX500Principal());
        if (!hasSan && cn != null && matches(cn.toLowerCase(Locale.ROOT), host.toLowerCase(Locale.ROOT))) {
            return Optional.of("x509: certificate relies on legacy Common Name field, use SANs instead");
        }
        String valid;
        if (ip.isPresent()) {
            if (ips.isEmpty()) {
                return Optional.of("x509: cannot validate certificate for " + host + " because it doesn't contain any IP SANs");
            }
            valid = String.join(", ", ips.stream().map(InetAddress::getHostAddress).toList());
        } else {
            valid = String.join(", ", dns);
        }
        if (valid.isEmpty()) {
            return Optional.of("x509: certificate is not valid for any names, but wanted to match " + host);
        }
        return Optional.of("x509: certificate is valid for " + valid + ", not " + host);
    }

    private static boolean matches(String pattern, String host) {
        if (pattern.isEmpty() || host.isEmpty()) {
            return false;
        }
        String[] p = pattern.split("\\.", -1);
        String[] h = host.split("\\.", -1);
        if (p.length != h.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (i == 0 && p[i].equals("*")) {
                continue;
            }
            if (!p[i].equals(h[i])) {
                return false;
            }
        }
        return true;
    }

    private static String commonName(X500Principal p) {
        for (String rdn : p.getName(X500Principal.RFC2253).split("(?<!\\\\),")) {
            if (rdn.startsWith("CN=")) {
                return rdn.substring(3);
            }
        }
        return null;
    }

    private static String goSigName(X509Certificate c) {
        String s = c.getSigAlgName().toUpperCase(Locale.ROOT);
        return s.contains("ECDSA") ? "ECDSA-SHA1" : "SHA1-RSA";
    }
}
