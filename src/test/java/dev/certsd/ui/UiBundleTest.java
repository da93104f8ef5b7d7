package dev.certsd.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.diagnose.Badge;
import dev.certsd.diagnose.Severity;
import dev.certsd.roots.Client;
import dev.certsd.roots.FileRole;
import dev.certsd.roots.RootKind;
import dev.certsd.material.Content;
import dev.certsd.material.KeyInfo;
import dev.certsd.ui.workspace.BadgeLook;
import dev.certsd.ui.workspace.RootModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every string the window shows exists in English and Japanese (the icons: IconOutlinesTest). */
class UiBundleTest {
    @Test
    void englishAndJapaneseHaveTheSameKeys() throws IOException {
        assertEquals(keys("ui.properties"), keys("ui_ja.properties"));
    }

    @Test
    void everyKeyTheCodeNamesLiterallyExists() throws IOException {
        Set<String> keys = keys("ui.properties");
        Pattern literal = Pattern.compile("(?:text\\.(?:get|fmt)|row|item|toggle)\\(\"([a-zA-Z.]+)\"");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/certsd/ui"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).endsWith(".") && !keys.contains(m.group(1))) {
                        missing.add(f.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), missing.toString());
    }

    @Test
    void everyEnumShownInTheWindowHasItsWords() throws IOException {
        Set<String> keys = keys("ui.properties");
        List<String> wanted = new ArrayList<>();
        for (Badge b : Badge.values()) {
            wanted.add(BadgeLook.of(b).textKey());
        }
        for (RootKind k : RootKind.values()) {
            wanted.add("root.kind." + k.name());
        }
        for (Client c : Client.values()) {
            wanted.add("client." + c.name());
            wanted.add("probe.client." + c.name());
        }
        for (dev.certsd.probe.Outcome o : dev.certsd.probe.Outcome.values()) {
            wanted.add("probe.outcome." + o.name());
        }
        for (FileRole r : FileRole.values()) {
            wanted.add("role.explain." + r.name());
        }
        for (Content.Format f : Content.Format.values()) {
            wanted.add("format." + f.name());
        }
        for (KeyInfo.Encoding e : KeyInfo.Encoding.values()) {
            wanted.add("key.encoding." + e.name());
        }
        for (Severity s : Severity.values()) {
            wanted.add("severity." + s.id());
            wanted.add("findings.filter." + s.id());
        }
        for (RootModel.Problem p : RootModel.Problem.values()) {
            wanted.add("root.problem." + p.name());
            wanted.add("root.problem.explain." + p.name());
        }
        wanted.removeAll(keys);
        assertTrue(wanted.isEmpty(), "missing: " + wanted);
    }

    @Test
    void japaneseIsActuallyJapanese() {
        UiText ja = new UiText(Locale.JAPANESE);
        assertEquals("クライアント証明書", ja.get("badge.client-cert"));
        assertEquals("エラー 3", ja.fmt("count.errors", 3));
        assertEquals("3 errors", new UiText(Locale.ENGLISH).fmt("count.errors", 3));
    }

    private static Set<String> keys(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = UiBundleTest.class.getResourceAsStream("/dev/certsd/ui/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }
}
