package dev.certsd.fleet;

import dev.certsd.remote.SshTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The machines of an inventory file: an Ansible inventory in INI or YAML form (hosts, groups, children,
 * {@code ansible_host}, {@code ansible_port}, {@code ansible_user} from host, group and {@code all} vars), or a
 * plain list of {@code [user@]host[:port]}, one a line (which is an INI inventory of ungrouped hosts).
 */
public final class Inventory {
    private static final Pattern RANGE = Pattern.compile("\\[(\\d+):(\\d+)]");
    private static final long MAX_BYTES = 4L * 1024 * 1024;

    private Inventory() {
    }

    /** A line (or a key) of the file that cannot be used, with where it is. */
    public static final class InventoryException extends IOException {
        public InventoryException(Path file, String where, String what) {
            super(text("inventory.bad", file, where, what));
        }
    }

    static String text(String key, Object... args) {
        return new java.text.MessageFormat(java.util.ResourceBundle.getBundle("dev.certsd.fleet.fleet",
                Locale.getDefault()).getString(key), Locale.getDefault()).format(args);
    }

    public static List<InventoryEntry> read(Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new InventoryException(file, "", text("inventory.tooLarge", MAX_BYTES));
        }
        String content = Files.readString(file, StandardCharsets.UTF_8);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<InventoryEntry> entries = name.endsWith(".yml") || name.endsWith(".yaml") || content.startsWith("---")
                ? yaml(file, content) : ini(file, content);
        if (entries.isEmpty()) {
            throw new InventoryException(file, "", text("inventory.empty"));
        }
        return entries;
    }

    // ---- INI -------------------------------------------------------------------------------------------------

    private static List<InventoryEntry> ini(Path file, String content) throws InventoryException {
        Map<String, Map<String, String>> hostVars = new LinkedHashMap<>();
        Map<String, List<String>> groupHosts = new LinkedHashMap<>();
        Map<String, Map<String, String>> groupVars = new LinkedHashMap<>();
        Map<String, List<String>> children = new LinkedHashMap<>();
        String section = "ungrouped";
        String kind = "hosts";
        String[] lines = content.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            String where = text("inventory.line", i + 1);
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                String header = line.substring(1, line.length() - 1).strip();
                int colon = header.indexOf(':');
                section = colon < 0 ? header : header.substring(0, colon);
                kind = colon < 0 ? "hosts" : header.substring(colon + 1);
                if (!kind.equals("hosts") && !kind.equals("vars") && !kind.equals("children")) {
                    throw new InventoryException(file, where, text("inventory.section", line));
                }
                continue;
            }
            switch (kind) {
                case "vars" -> {
                    int eq = line.indexOf('=');
                    if (eq <= 0) {
                        throw new InventoryException(file, where, text("inventory.var", line));
                    }
                    groupVars.computeIfAbsent(section, k -> new LinkedHashMap<>())
                            .put(line.substring(0, eq).strip(), unquote(line.substring(eq + 1).strip()));
                }
                case "children" -> children.computeIfAbsent(section, k -> new ArrayList<>()).add(line);
                default -> hostLine(file, where, line, section, hostVars, groupHosts);
            }
        }
        List<InventoryEntry> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> h : hostVars.entrySet()) {
            Map<String, String> vars = new LinkedHashMap<>(groupVars.getOrDefault("all", Map.of()));
            for (String group : groupsOf(h.getKey(), groupHosts, children)) {
                vars.putAll(groupVars.getOrDefault(group, Map.of()));
            }
            vars.putAll(h.getValue());
            out.add(entry(file, text("inventory.host", h.getKey()), h.getKey(), vars));
        }
        return out;
    }

    /** A host line, {@code name [key=value ...]}; a name with a range ({@code web[1:3]}) stands for several hosts. */
    private static void hostLine(Path file, String where, String line, String section,
                                 Map<String, Map<String, String>> hostVars, Map<String, List<String>> groupHosts)
            throws InventoryException {
        String[] tokens = line.split("\\s+");
        Map<String, String> vars = new LinkedHashMap<>();
        for (int t = 1; t < tokens.length; t++) {
            int eq = tokens[t].indexOf('=');
            if (tokens[t].startsWith("#")) {
                break;
            }
            if (eq <= 0) {
                throw new InventoryException(file, where, text("inventory.var", tokens[t]));
            }
            vars.put(tokens[t].substring(0, eq), unquote(tokens[t].substring(eq + 1)));
        }
        for (String host : expand(file, where, tokens[0])) {
            hostVars.computeIfAbsent(host, k -> new LinkedHashMap<>()).putAll(vars);
            groupHosts.computeIfAbsent(section, k -> new ArrayList<>()).add(host);
        }
    }

    /** The groups a host is in, parents before children, so a child's vars win. */
    private static List<String> groupsOf(String host, Map<String, List<String>> groupHosts,
                                         Map<String, List<String>> children) {
        Set<String> direct = new LinkedHashSet<>();
        groupHosts.forEach((g, hosts) -> {
            if (hosts.contains(host)) {
                direct.add(g);
            }
        });
        List<String> ordered = new ArrayList<>();
        for (String g : direct) {
            addWithParents(g, children, ordered, new LinkedHashSet<>());
        }
        return ordered;
    }

    private static void addWithParents(String group, Map<String, List<String>> children, List<String> out,
                                       Set<String> seen) {
        if (!seen.add(group)) {
            return;
        }
        children.forEach((parent, kids) -> {
            if (kids.contains(group)) {
                addWithParents(parent, children, out, seen);
            }
        });
        if (!out.contains(group)) {
            out.add(group);
        }
    }

    /** {@code node[01:20].example.com} as Ansible expands it. */
    private static List<String> expand(Path file, String where, String pattern) throws InventoryException {
        Matcher m = RANGE.matcher(pattern);
        if (!m.find()) {
            return List.of(pattern);
        }
        int from = Integer.parseInt(m.group(1));
        int to = Integer.parseInt(m.group(2));
        if (to < from || to - from > 10_000) {
            throw new InventoryException(file, where, text("inventory.range", pattern));
        }
        int width = m.group(1).length();
        List<String> out = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            String num = m.group(1).startsWith("0") ? String.format("%0" + width + "d", n) : Integer.toString(n);
            out.addAll(expand(file, where, pattern.substring(0, m.start()) + num + pattern.substring(m.end())));
        }
        return out;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    // ---- YAML ------------------------------------------------------------------------------------------------

    private static List<InventoryEntry> yaml(Path file, String content) throws InventoryException {
        Object doc;
        try {
            doc = new YAMLMapper().readValue(content, Object.class);
        } catch (JacksonException e) {
            throw new InventoryException(file, "", e.getOriginalMessage());
        }
        if (!(doc instanceof Map<?, ?> groups)) {
            throw new InventoryException(file, "", text("inventory.yamlTop"));
        }
        Map<String, Map<String, String>> hosts = new LinkedHashMap<>();
        for (Map.Entry<?, ?> g : groups.entrySet()) {
            group(file, String.valueOf(g.getKey()), g.getValue(), Map.of(), hosts);
        }
        List<InventoryEntry> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> h : hosts.entrySet()) {
            out.add(entry(file, text("inventory.host", h.getKey()), h.getKey(), h.getValue()));
        }
        return out;
    }

    private static void group(Path file, String name, Object body, Map<String, String> inherited,
                              Map<String, Map<String, String>> hosts) throws InventoryException {
        if (body == null) {
            return;
        }
        if (!(body instanceof Map<?, ?> g)) {
            throw new InventoryException(file, text("inventory.group", name), text("inventory.yamlGroup"));
        }
        Map<String, String> vars = new LinkedHashMap<>(inherited);
        vars.putAll(strings(g.get("vars")));
        if (g.get("hosts") instanceof Map<?, ?> hs) {
            for (Map.Entry<?, ?> h : hs.entrySet()) {
                for (String host : expand(file, text("inventory.group", name), String.valueOf(h.getKey()))) {
                    Map<String, String> v = new LinkedHashMap<>(vars);
                    v.putAll(hosts.getOrDefault(host, Map.of()));
                    v.putAll(strings(h.getValue()));
                    hosts.put(host, v);
                }
            }
        } else if (g.get("hosts") != null) {
            throw new InventoryException(file, text("inventory.group", name), text("inventory.yamlGroup"));
        }
        if (g.get("children") instanceof Map<?, ?> kids) {
            for (Map.Entry<?, ?> k : kids.entrySet()) {
                group(file, String.valueOf(k.getKey()), k.getValue(), vars, hosts);
            }
        }
    }

    private static Map<String, String> strings(Object o) {
        Map<String, String> out = new LinkedHashMap<>();
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        }
        return out;
    }

    // ---- both ------------------------------------------------------------------------------------------------

    private static InventoryEntry entry(Path file, String where, String name, Map<String, String> vars)
            throws InventoryException {
        SshTarget named = SshTarget.parse(name).orElseThrow(() ->
                new InventoryException(file, where, text("inventory.target", name)));
        String host = first(vars, "ansible_host", "ansible_ssh_host");
        String port = first(vars, "ansible_port", "ansible_ssh_port");
        String user = first(vars, "ansible_user", "ansible_ssh_user");
        int p = named.port();
        if (port != null) {
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                p = -1;
            }
            if (p <= 0 || p > 65535) {
                throw new InventoryException(file, where, text("inventory.port", port));
            }
        }
        String h = host != null ? host : named.host();
        if (host != null && SshTarget.parse(host).filter(t -> t.user() == null && t.port() == 0).isEmpty()) {
            throw new InventoryException(file, where, text("inventory.target", host));
        }
        return new InventoryEntry(name, new SshTarget(user != null ? user : named.user(), h, p));
    }

    private static String first(Map<String, String> vars, String... keys) {
        for (String k : keys) {
            String v = vars.get(k);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
