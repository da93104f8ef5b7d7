package dev.certsd.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every resource bundle exists in English and Japanese with the same keys and the same placeholders. */
class BundlesTest {
    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}|%s");

    static Stream<Path> englishBundles() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".properties") && !p.getFileName().toString().contains("_"))
                    .sorted().toList();
            assertFalse(list.isEmpty(), "no bundles found under " + RESOURCES.toAbsolutePath());
            return list.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("englishBundles")
    void japaneseBundleHasExactlyTheSameKeysAndPlaceholders(Path english) throws IOException {
        Path japanese = english.resolveSibling(english.getFileName().toString().replace(".properties", "_ja.properties"));
        assertTrue(Files.exists(japanese), "missing " + japanese);
        Properties en = load(english);
        Properties ja = load(japanese);
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(ja.stringPropertyNames()),
                "keys of " + english.getFileName() + " and " + japanese.getFileName());
        for (String key : en.stringPropertyNames()) {
            assertEquals(placeholders(en.getProperty(key)), placeholders(ja.getProperty(key)), key);
            assertFalse(ja.getProperty(key).isBlank(), key);
        }
    }

    private static Set<String> placeholders(String s) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(s);
        while (m.find()) {
            out.add(m.group(1) != null ? "{" + m.group(1) + "}" : "%s");
        }
        return out;
    }

    private static Properties load(Path p) throws IOException {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            props.load(r);
        }
        return props;
    }
}
