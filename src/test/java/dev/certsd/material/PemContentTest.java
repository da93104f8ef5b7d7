package dev.certsd.material;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The byte count of BEGIN markers that decides whether a PEM file has broken blocks says what the text searches said. */
class PemContentTest {
    private static final String[] PIECES = {"-----BEGIN ", "-----", "CERTIFICATE", "X", "\n", "\r\n", "-----END ",
        "-----BEGIN -----BEGIN X-----", "-", " ", "\u00e9", "MIIB"};

    private static int count(Matcher m) {
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void theMarkerCountIsTheLiteralSearchAndNeverBelowTheLineSearch() {
        Pattern literal = Pattern.compile("-----BEGIN ");
        Pattern line = Pattern.compile("-----BEGIN ([^\\r\\n]*?)-----");
        Random random = new Random(16);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                sb.append(PIECES[random.nextInt(PIECES.length)]);
            }
            byte[] d = sb.toString().getBytes(StandardCharsets.UTF_8);
            String text = new String(d, StandardCharsets.ISO_8859_1);
            int markers = PemContent.beginMarkers(d);
            assertEquals(count(literal.matcher(text)), markers, text);
            assertTrue(count(line.matcher(text)) <= markers, text);
        }
    }
}
