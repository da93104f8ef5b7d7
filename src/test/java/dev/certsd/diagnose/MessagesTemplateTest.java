package dev.certsd.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** The cut templates give MessageFormat's own text for every finding pattern, in English and Japanese. */
class MessagesTemplateTest {
    private static final List<List<String>> ARGS = List.of(
            List.of(),
            List.of("a.cert"),
            Arrays.asList("ca.crt", null, "{1}", "it's"),
            List.of("reg:5000", "'quoted'", "{0} and {9}", "x", "y", "z", "ü", "多"),
            List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"));

    @Test
    void everyPatternOfBothLanguagesRendersAsMessageFormatDoes() {
        int patterns = 0;
        for (Locale locale : List.of(Locale.ENGLISH, Locale.JAPANESE)) {
            ResourceBundle bundle = ResourceBundle.getBundle("dev.certsd.diagnose.findings", locale);
            for (String key : bundle.keySet()) {
                MessageFormat format = new MessageFormat(bundle.getString(key), locale);
                Messages.Template t = Messages.Template.of(format);
                for (List<String> args : ARGS) {
                    assertEquals(format.format(args.toArray()), t.format(args), key + " " + args);
                }
                patterns++;
            }
        }
        assertTrue(patterns > 100, "patterns " + patterns);
    }

    @Test
    void quotesBracesAndMissingArgumentsAsMessageFormat() {
        for (String pattern : List.of("'{0}' is {0}", "it''s {1}{0}", "{2} only", "no places", "{0}{0}{1}", "'{'{0}'}'")) {
            MessageFormat format = new MessageFormat(pattern, Locale.ENGLISH);
            Messages.Template t = Messages.Template.of(format);
            for (List<String> args : ARGS) {
                assertEquals(format.format(args.toArray()), t.format(args), pattern + " " + args);
            }
        }
    }

    @Test
    void aPatternThatFormatsNumbersKeepsMessageFormat() {
        MessageFormat format = new MessageFormat("{0,number,integer} files", Locale.ENGLISH);
        Messages.Template t = Messages.Template.of(format);
        assertNotNull(t.fallback());
        // a string where a number is wanted: refused exactly as MessageFormat itself refuses it
        assertThrows(IllegalArgumentException.class, () -> format.format(new Object[] {"7"}));
        assertThrows(IllegalArgumentException.class, () -> t.format(List.of("7")));
    }

    /** An argument the bundle translates comes out translated; the others, and unknown values, as they are. */
    @Test
    void translatedArgumentsStillTranslate() {
        Finding f = Finding.of(FindingCode.INSECURE_REGISTRY_CERTSD_IGNORED, Severity.WARNING, null, "reg:5000",
                "LOOPBACK_ADDRESS", "LOOPBACK_ADDRESS");
        String en = new Messages(Locale.ENGLISH).render(f, "reg:5000");
        assertTrue(en.contains("(a loopback address: LOOPBACK_ADDRESS)"), en);
        String ja = new Messages(Locale.JAPANESE).render(f, "reg:5000");
        assertTrue(ja.contains("（ループバックアドレス: LOOPBACK_ADDRESS）"), ja);
        Finding other = Finding.of(FindingCode.INSECURE_REGISTRY_CERTSD_IGNORED, Severity.WARNING, null, "reg:5000",
                "SOMETHING_ELSE", "x");
        assertTrue(new Messages(Locale.ENGLISH).render(other, "reg:5000").contains("(SOMETHING_ELSE: x)"));
    }
}
