package dev.certsd.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Ansible playbook that installs host directories on the machines: each file with its mode (keys 0600) and
 * owner, in every Docker/podman root of {@code certsd_roots} and every containerd root of
 * {@code certsd_containerd_roots} (there with {@code hosts.toml}). Built from {@code copy} and {@code file}
 * tasks only, so a second run changes nothing. Key contents never reach Ansible's output ({@code no_log}).
 */
public final class AnsibleExport {
    public static final String PLAYBOOK = "certsd-playbook.yml";

    private AnsibleExport() {
    }

    /** Writes the playbook and its files under {@code out}; returns what was written. */
    public static List<Path> write(List<ExportSource> sources, Path out) throws IOException {
        ExportWriter w = new ExportWriter(out);
        List<Object> tasks = new ArrayList<>();
        for (ExportSource s : sources) {
            String files = "files/" + s.hostDir() + "/";
            for (ExportFile f : s.files()) {
                w.write(files + f.name(), f.content(), f.mode());
            }
            ExportFile toml = HostsTomlExport.of(s);
            boolean ownToml = s.files().stream().anyMatch(f -> f.name().equals("hosts.toml"));
            if (!ownToml) {
                w.write(files + toml.name(), toml.content(), toml.mode());
            }
            tasks.add(dirTask(s, "certsd_roots"));
            tasks.add(dirTask(s, "certsd_containerd_roots"));
            for (ExportFile f : s.files()) {
                if (!f.name().equals("hosts.toml")) {
                    tasks.add(copyTask(s, f, "certsd_roots"));
                }
                tasks.add(copyTask(s, f, "certsd_containerd_roots"));
            }
            if (!ownToml) {
                tasks.add(copyTask(s, toml, "certsd_containerd_roots"));
            }
        }
        Map<String, Object> play = new LinkedHashMap<>();
        play.put("name", "Install the registry client certificates (certs.d) written by Certs.d Studio");
        play.put("hosts", "all");
        play.put("become", "{{ certsd_become | default(true) }}");
        play.put("gather_facts", false);
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("certsd_roots", List.of("/etc/docker/certs.d"));
        vars.put("certsd_containerd_roots", List.of("/etc/containerd/certs.d"));
        vars.put("certsd_owner", "root");
        vars.put("certsd_group", "root");
        play.put("vars", vars);
        play.put("tasks", tasks);
        String header = "# Written by Certs.d Studio. Run: ansible-playbook -i INVENTORY " + PLAYBOOK + "\n"
                + "# Roots: -e '{\"certsd_roots\": [...], \"certsd_containerd_roots\": [...]}' ([] leaves one out).\n"
                + "# Keys are installed 0600, certificates and hosts.toml 0644, directories 0755, owned by root.\n";
        w.write(PLAYBOOK, (header + Yaml.write(List.of(play))).getBytes(StandardCharsets.UTF_8),
                dev.certsd.files.FileModes.CERTIFICATE);
        return w.written();
    }

    private static Map<String, Object> dirTask(ExportSource s, String roots) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("path", "{{ item }}/" + s.hostDir());
        file.put("state", "directory");
        file.put("mode", "0755");
        file.put("owner", "{{ certsd_owner }}");
        file.put("group", "{{ certsd_group }}");
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("name", s.hostDir() + " (" + roots + ")");
        task.put("ansible.builtin.file", file);
        task.put("loop", "{{ " + roots + " }}");
        return task;
    }

    private static Map<String, Object> copyTask(ExportSource s, ExportFile f, String roots) {
        Map<String, Object> copy = new LinkedHashMap<>();
        copy.put("src", "files/" + s.hostDir() + "/" + f.name());
        copy.put("dest", "{{ item }}/" + s.hostDir() + "/" + f.name());
        copy.put("mode", f.octalMode());
        copy.put("owner", "{{ certsd_owner }}");
        copy.put("group", "{{ certsd_group }}");
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("name", s.hostDir() + "/" + f.name() + " (" + roots + ")");
        task.put("ansible.builtin.copy", copy);
        task.put("loop", "{{ " + roots + " }}");
        if (f.secret()) {
            task.put("no_log", true);
        }
        return task;
    }
}
