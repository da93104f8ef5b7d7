package dev.certsd.ui.shell;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the application keeps its settings and generated data, per platform conventions. The system properties
 * {@code certsd.config.dir} and {@code certsd.data.dir} override both, so scripts and smoke tests never touch the
 * user's real settings.
 */
public record AppDirs(Path config, Path data) {
    private static final String NAME = "certsd-studio";

    public static AppDirs ofThisMachine() {
        return of(System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")), System.getenv(),
                System.getProperty("certsd.config.dir"), System.getProperty("certsd.data.dir"));
    }

    static AppDirs of(String osName, Path home, Map<String, String> env, String configOverride, String dataOverride) {
        String os = osName.toLowerCase(Locale.ROOT);
        Path config;
        Path data;
        if (os.startsWith("windows")) {
            config = Path.of(env.getOrDefault("APPDATA", home.resolve("AppData/Roaming").toString()), NAME);
            data = Path.of(env.getOrDefault("LOCALAPPDATA", home.resolve("AppData/Local").toString()), NAME);
        } else if (os.startsWith("mac")) {
            config = home.resolve("Library/Application Support").resolve(NAME);
            data = config;
        } else {
            config = xdg(env, "XDG_CONFIG_HOME", home.resolve(".config")).resolve(NAME);
            data = xdg(env, "XDG_DATA_HOME", home.resolve(".local/share")).resolve(NAME);
        }
        return new AppDirs(configOverride != null ? Path.of(configOverride) : config,
                dataOverride != null ? Path.of(dataOverride) : data);
    }

    private static Path xdg(Map<String, String> env, String name, Path fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : Path.of(v);
    }
}
