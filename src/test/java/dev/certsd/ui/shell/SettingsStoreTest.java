package dev.certsd.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void whatIsSavedComesBack() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("config"));
        Settings s = Settings.DEFAULTS.withWindow(10, 20, 900, 600, false).withDividers(0.3, 0.7).withDark(true)
                .withRoots(List.of(CertsRoot.custom(dir.resolve("r"), Client.CONTAINERS)));
        store.save(s);
        assertEquals(s, store.load());
    }

    @Test
    void theChosenLanguageIsRememberedAndAnUnknownOneMeansTheSystems() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        store.save(Settings.DEFAULTS.withLanguage("ja"));
        assertEquals("ja", store.load().language());
        assertEquals(java.util.Locale.JAPANESE, Language.fromTag(store.load().language()).orElseThrow()
                .locale(java.util.Locale.US));
        Files.writeString(store.file(), "{ \"language\": \"tlh\" }");
        assertEquals("", store.load().language());
        assertEquals(java.util.Locale.US, Language.SYSTEM.locale(java.util.Locale.US));
    }

    @Test
    void englishChosenOnAJapaneseSystemIsEnglishInEveryBundleTheWindowShows() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.JAPAN);
            assertEquals("File", new dev.certsd.ui.UiText(java.util.Locale.ENGLISH).get("menu.file"));
            for (String bundle : dev.certsd.ui.BundleTexts.BUNDLES) {
                assertEquals(java.util.Locale.ENGLISH, java.util.ResourceBundle.getBundle(bundle,
                        java.util.Locale.ENGLISH).getLocale(), bundle);
            }
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void aDamagedFileMeansDefaults() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        Files.writeString(store.file(), "{ not json");
        assertEquals(Settings.DEFAULTS, store.load());
    }

    @Test
    void theFirstRunHasNoPositionSoTheWindowIsCentred() {
        assertTrue(Double.isNaN(new SettingsStore(dir).load().x()));
    }

    @Test
    void startupOptionsParse() {
        Startup s = Startup.parse(List.of("--theme", "dark", "--sample", "some/dir"));
        assertEquals(Boolean.TRUE, s.dark());
        assertTrue(s.sample());
        assertEquals(Path.of("some/dir").toAbsolutePath().normalize(), s.open());
        assertThrows(IllegalArgumentException.class, () -> Startup.parse(List.of("--theme", "blue")));
        assertThrows(IllegalArgumentException.class, () -> Startup.parse(List.of("a", "b")));
    }

    @Test
    void configAndDataFollowXdgOnLinuxAndOverridesWin() {
        Path home = Path.of("/home/u");
        AppDirs xdg = AppDirs.of("Linux", home, Map.of("XDG_DATA_HOME", "/d"), null, null);
        assertEquals(Path.of("/home/u/.config/certsd-studio"), xdg.config());
        assertEquals(Path.of("/d/certsd-studio"), xdg.data());
        AppDirs forced = AppDirs.of("Linux", home, Map.of(), "/c", "/x");
        assertEquals(new AppDirs(Path.of("/c"), Path.of("/x")), forced);
    }
}
