package dev.certsd.ui.shell;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes {@code settings.json} in the config directory. A missing or damaged file means defaults:
 * settings are a convenience, never a reason not to start.
 */
public final class SettingsStore {
    private final Path file;

    public SettingsStore(Path configDir) {
        this.file = configDir.resolve("settings.json");
    }

    public Path file() {
        return file;
    }

    public Settings load() {
        if (!Files.exists(file)) {
            return Settings.DEFAULTS;
        }
        try {
            Map<String, Object> m = JSON.std.mapFrom(Files.readString(file));
            Settings d = Settings.DEFAULTS;
            List<CertsRoot> roots = new ArrayList<>();
            if (m.get("roots") instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Map<?, ?> r && r.get("path") instanceof String p) {
                        Client c = Client.fromId(String.valueOf(r.get("client"))).orElse(Client.DOCKER);
                        roots.add(CertsRoot.custom(Path.of(p), c));
                    }
                }
            }
            return new Settings(num(m, "x", d.x()), num(m, "y", d.y()), num(m, "width", d.width()),
                    num(m, "height", d.height()), bool(m, "maximized", d.maximized()),
                    num(m, "treeDivider", d.treeDivider()), num(m, "findingsDivider", d.findingsDivider()),
                    bool(m, "dark", d.dark()), roots, Language.fromTag(String.valueOf(m.get("language")))
                            .map(Language::tag).orElse(""), hidden(m));
        } catch (IOException | RuntimeException e) {
            return Settings.DEFAULTS;
        }
    }

    /** Writes through a temporary file, so a crash never leaves half a settings file behind. */
    public void save(Settings s) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!Double.isNaN(s.x())) {
            m.put("x", s.x());
            m.put("y", s.y());
        }
        m.put("width", s.width());
        m.put("height", s.height());
        m.put("maximized", s.maximized());
        m.put("treeDivider", s.treeDivider());
        m.put("findingsDivider", s.findingsDivider());
        m.put("dark", s.dark());
        m.put("language", s.language());
        List<Map<String, String>> roots = new ArrayList<>();
        for (CertsRoot r : s.roots()) {
            roots.add(Map.of("path", r.path().toString(), "client", r.client().id()));
        }
        m.put("roots", roots);
        m.put("hiddenRoots", s.hidden());
        Files.createDirectories(file.getParent());
        // through the root-safe layer: staged, synced, renamed in the opened directory, never through a link
        dev.certsd.files.AtomicWriter.write(file, JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(m)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"), true, null);
    }

    private static List<String> hidden(Map<String, Object> m) {
        List<String> out = new ArrayList<>();
        if (m.get("hiddenRoots") instanceof List<?> list) {
            list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(out::add);
        }
        return out;
    }

    private static double num(Map<String, Object> m, String k, double fallback) {
        return m.get(k) instanceof Number n ? n.doubleValue() : fallback;
    }

    private static boolean bool(Map<String, Object> m, String k, boolean fallback) {
        return m.get(k) instanceof Boolean b ? b : fallback;
    }
}
