package dev.certsd.i18n;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.diagnose.FindingCode;
import dev.certsd.fix.Fixes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The user guide, in both languages, explains every finding, names every fix and shows only images that exist. */
class GuideTest {
    @ParameterizedTest
    @ValueSource(strings = {"docs/guide.md", "docs/guide.ja.md"})
    void everyFindingAndFixIsInTheGuide(String guide) throws IOException {
        String text = Files.readString(Path.of(guide));
        for (FindingCode code : FindingCode.values()) {
            assertTrue(text.contains("| `" + code.name() + "` |"), guide + " lacks " + code);
        }
        for (FindingCode code : Fixes.FIXABLE) {
            assertTrue(text.contains("`fix " + code.name() + "`"), guide + " lacks the fix of " + code);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"docs/guide.md", "docs/guide.ja.md", "README.md"})
    void everyImageExists(String doc) throws IOException {
        Path file = Path.of(doc);
        Matcher m = Pattern.compile("!\\[[^\\]]*\\]\\(([^)]+)\\)").matcher(Files.readString(file));
        while (m.find()) {
            Path image = file.toAbsolutePath().getParent().resolve(m.group(1)).normalize();
            assertTrue(Files.exists(image), doc + " shows a missing image " + m.group(1));
        }
    }
}
