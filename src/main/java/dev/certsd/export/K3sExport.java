package dev.certsd.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The k3s/RKE2 {@code registries.yaml} snippet for host directories, with the files it points at. k3s takes one
 * CA file and one client pair per registry: the first CA and the first pair in load order (the pair Go sends when
 * the server names no CAs), each said in a comment when there were more.
 */
public final class K3sExport {
    public static final String FILE = "registries.yaml";
    /** Where the snippet expects the files on the nodes. */
    public static final String NODE_DIR = "/etc/rancher/k3s/certs.d";

    private K3sExport() {
    }

    public static List<Path> write(List<ExportSource> sources, Path out) throws IOException {
        ExportWriter w = new ExportWriter(out);
        Map<String, Object> configs = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (ExportSource s : sources) {
            String dir = NODE_DIR + "/" + s.hostDir() + "/";
            Map<String, Object> tls = new LinkedHashMap<>();
            List<ExportFile> cas = s.files().stream().filter(f -> f.name().endsWith(".crt")).toList();
            if (!cas.isEmpty()) {
                tls.put("ca_file", dir + cas.get(0).name());
                if (cas.size() > 1) {
                    notes.add(s.hostDir() + ": k3s takes one ca_file; " + (cas.size() - 1) + " more CA file(s) left out");
                }
            }
            if (!s.pairs().isEmpty()) {
                String cert = s.pairs().get(0);
                tls.put("cert_file", dir + cert);
                tls.put("key_file", dir + cert.substring(0, cert.length() - ".cert".length()) + ".key");
                if (s.pairs().size() > 1) {
                    notes.add(s.hostDir() + ": k3s takes one client pair; " + cert + " (first in load order) was taken");
                }
            }
            configs.put(s.hostDir(), Map.of("tls", tls));
            for (ExportFile f : s.files()) {
                if (!f.name().equals("hosts.toml")) {
                    w.write("files/" + s.hostDir() + "/" + f.name(), f.content(), f.mode());
                }
            }
        }
        StringBuilder header = new StringBuilder("# Written by Certs.d Studio: merge into /etc/rancher/k3s/registries.yaml\n"
                + "# (RKE2: /etc/rancher/rke2/registries.yaml) and copy files/<host>/ to " + NODE_DIR + "/<host>/\n"
                + "# (keys 0600); then restart k3s (or rke2-server / rke2-agent).\n");
        notes.forEach(n -> header.append("# ").append(n).append('\n'));
        w.write(FILE, (header + Yaml.write(Map.of("configs", configs))).getBytes(StandardCharsets.UTF_8),
                dev.certsd.files.FileModes.CERTIFICATE);
        return w.written();
    }
}
