package dev.certsd.roots;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses IP address literals without ever asking DNS. */
public final class IpLiteral {
    private static final Pattern V4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern V6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*(%[A-Za-z0-9]+)?");

    private IpLiteral() {
    }

    public static boolean isLiteral(String text) {
        return text != null && (V4.matcher(text).matches() || V6.matcher(text).matches());
    }

    /** The address when the text is an IPv4 or IPv6 literal (no brackets); never resolves names. */
    public static Optional<InetAddress> parse(String text) {
        if (!isLiteral(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
