package dev.certsd.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * containerd's {@code hosts.toml} for an exported host directory: the CAs and client pairs by their file names,
 * which containerd resolves against the host directory itself, so the same file works in any root.
 */
public final class HostsTomlExport {
    private HostsTomlExport() {
    }

    /** The directory's own hosts.toml when it has one, else one made from its files. */
    public static ExportFile of(ExportSource s) {
        Optional<ExportFile> own = s.files().stream().filter(f -> f.name().equals("hosts.toml")).findFirst();
        return own.orElseGet(() -> new ExportFile("hosts.toml", render(s).getBytes(StandardCharsets.UTF_8), false));
    }

    static String render(ExportSource s) {
        String url = "https://" + s.hostDir();
        List<String> cas = new ArrayList<>();
        List<String> pairs = new ArrayList<>();
        for (ExportFile f : s.files()) {
            if (f.name().endsWith(".crt")) {
                cas.add(quote(f.name()));
            }
        }
        for (String cert : s.pairs()) {
            String key = cert.substring(0, cert.length() - ".cert".length()) + ".key";
            pairs.add("[" + quote(cert) + ", " + quote(key) + "]");
        }
        StringBuilder b = new StringBuilder();
        b.append("# Written by Certs.d Studio for ").append(s.hostDir()).append(": file names are relative to this directory.\n");
        b.append("server = ").append(quote(url)).append("\n\n");
        b.append("[host.").append(quote(url)).append("]\n");
        b.append("  capabilities = [\"pull\", \"resolve\", \"push\"]\n");
        if (!cas.isEmpty()) {
            b.append("  ca = [").append(String.join(", ", cas)).append("]\n");
        }
        if (!pairs.isEmpty()) {
            b.append("  client = [").append(String.join(", ", pairs)).append("]\n");
        }
        return b.toString();
    }

    /** A TOML basic string. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
