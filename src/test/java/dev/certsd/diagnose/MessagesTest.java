package dev.certsd.diagnose;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MessagesTest {
    @Test
    void everyCodeRendersInEnglishAndJapanese() {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
            Messages m = new Messages(locale);
            for (FindingCode code : FindingCode.values()) {
                String text = m.render(new Finding(code, Severity.ERROR, "client.cert",
                        List.of("a1", "a2", "a3", "a4")), "reg:5000");
                assertFalse(text.startsWith(code.name()), locale + " has no message for " + code);
                assertFalse(text.matches(".*\\{\\d}.*"), code + " left a placeholder: " + text);
                assertTrue(text.length() > 20, code + ": " + text);
            }
        }
    }

    @Test
    void enumeratedArgumentsAreTranslated() {
        Finding f = Finding.of(FindingCode.INSECURE_REGISTRY_CERTSD_IGNORED, Severity.WARNING, null, "localhost:5000",
                "RESOLVES_TO_LOOPBACK", "127.0.0.1");
        assertTrue(new Messages(Locale.ENGLISH).render(f, "localhost:5000").contains("the name resolves to loopback"));
        assertTrue(new Messages(Locale.JAPANESE).render(f, "localhost:5000").contains("名前がループバックに解決される"));
    }
}
