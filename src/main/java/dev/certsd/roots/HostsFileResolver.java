package dev.certsd.roots;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves names from a hosts file (and {@code localhost}) without touching the network, so a check of
 * hundreds of directories never waits on DNS. Names only DNS would map to loopback are not seen.
 */
public final class HostsFileResolver implements HostResolver {
    private final Map<String, List<InetAddress>> table;

    private HostsFileResolver(Map<String, List<InetAddress>> table) {
        this.table = table;
    }

    public static HostsFileResolver of(Path hostsFile) {
        Map<String, List<InetAddress>> table = new HashMap<>();
        add(table, "localhost", "127.0.0.1");
        add(table, "localhost", "::1");
        try {
            for (String line : Files.readAllLines(hostsFile, StandardCharsets.UTF_8)) {
                String text = line.replaceAll("#.*", "").trim();
                if (text.isEmpty()) {
                    continue;
                }
                String[] parts = text.split("\\s+");
                for (int i = 1; i < parts.length; i++) {
                    add(table, parts[i], parts[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // An unreadable hosts file leaves localhost only, as a missing one would.
        }
        return new HostsFileResolver(table);
    }

    public static HostsFileResolver system() {
        return of(Path.of("/etc/hosts"));
    }

    @Override
    public List<InetAddress> resolve(String host) {
        return table.getOrDefault(host.toLowerCase(Locale.ROOT), List.of());
    }

    private static void add(Map<String, List<InetAddress>> table, String name, String address) {
        if (!IpLiteral.isLiteral(address)) {
            return;
        }
        try {
            InetAddress a = InetAddress.getByName(address);
            List<InetAddress> list = table.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>());
            if (!list.contains(a)) {
                list.add(a);
            }
        } catch (UnknownHostException e) {
            // not an address after all: skip the line
        }
    }
}
