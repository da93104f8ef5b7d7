package dev.certsd.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Japanese bundles say everything the English ones say. */
class BundlesTest {
    @ParameterizedTest
    @ValueSource(strings = {"/dev/certsd/files/files", "/dev/certsd/fix/fixes"})
    void japaneseHasEveryKey(String base) throws IOException {
        assertEquals(keys(base + ".properties"), keys(base + "_ja.properties"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dev/certsd/files/files"})
    void everyProblemCodeHasAMessage(String base) throws IOException {
        TreeSet<String> keys = keys(base + ".properties");
        for (Problem.Code c : Problem.Code.values()) {
            assertEquals(true, keys.contains("problem." + c.name()), c.name());
        }
    }

    private static TreeSet<String> keys(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream(resource)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }
}
