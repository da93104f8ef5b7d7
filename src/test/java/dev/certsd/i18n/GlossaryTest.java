package dev.certsd.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Japanese bundles and guide keep to docs/glossary.md: one term per concept, Docker's Japanese documentation's.
 * The table's last column lists the variants; none may appear.
 */
class GlossaryTest {
    private static final Path GLOSSARY = Path.of("docs/glossary.md");

    /** The variants, read from the glossary's table (its fourth column), so the page and the test never drift. */
    static List<String> variants() throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(GLOSSARY, StandardCharsets.UTF_8)) {
            String[] cells = line.split("\\|");
            if (cells.length >= 5 && line.startsWith("| ") && !line.startsWith("| concept")) {
                for (String v : cells[4].split(",")) {
                    String t = v.strip();
                    if (!t.isEmpty() && !t.equals("—")) {
                        out.add(t);
                    }
                }
            }
        }
        return out;
    }

    static List<Path> japanese() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of("src/main/resources"))) {
            s.filter(p -> p.getFileName().toString().endsWith("_ja.properties")).sorted().forEach(files::add);
        }
        files.add(Path.of("docs/guide.ja.md"));
        return files;
    }

    @Test
    void theGlossaryNamesTheVariantsItForbids() throws IOException {
        List<String> v = variants();
        assertTrue(v.contains("認証局") && v.contains("クライアントの鍵") && v.contains("サーバ証明書"), v.toString());
    }

    @Test
    void noJapaneseTextUsesAVariantTheGlossaryReplaced() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path p : japanese()) {
            List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                for (String v : variants()) {
                    Matcher m = Pattern.compile(Pattern.quote(v)).matcher(lines.get(i));
                    while (m.find()) {
                        found.add(p + ":" + (i + 1) + ": " + v);
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void theSeedsTermsAreTheOnesUsed() throws IOException {
        String all = String.join("\n", japanese().stream().map(p -> {
            try {
                return Files.readString(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList());
        for (String term : List.of("CA ルート", "CA 証明書", "クライアント証明書", "クライアント鍵", "サーバー証明書")) {
            assertTrue(all.contains(term), term);
        }
    }
}
