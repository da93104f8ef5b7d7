package dev.certsd.ui.details;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The pane's value keeps a record's equality though it writes it out: every part counts, and only the parts. */
class DetailsEqualityTest {
    private static Details details(String title, String subtitle, Details.Banner banner, String section,
                                   boolean titleIsData) {
        return new Details(title, subtitle, banner, List.of(new Details.Section(section, List.of())), List.of(),
                titleIsData);
    }

    @Test
    void equalPartsMakeEqualDetailsAndAnyDifferentPartADifferentOne() {
        Details.Banner ok = new Details.Banner(Details.Tone.SUCCESS, "fine");
        Details d = details("ca.crt", "CA", ok, "Certificate", true);
        assertEquals(d, details("ca.crt", "CA", new Details.Banner(Details.Tone.SUCCESS, "fine"), "Certificate", true));
        assertEquals(d.hashCode(), details("ca.crt", "CA", ok, "Certificate", true).hashCode());
        assertNotEquals(d, details("client.cert", "CA", ok, "Certificate", true));
        assertNotEquals(d, details("ca.crt", "client", ok, "Certificate", true));
        assertNotEquals(d, details("ca.crt", "CA", new Details.Banner(Details.Tone.DANGER, "fine"), "Certificate",
                true));
        assertNotEquals(d, details("ca.crt", "CA", null, "Certificate", true));
        assertNotEquals(d, details("ca.crt", "CA", ok, "Key", true));
        assertNotEquals(d, details("ca.crt", "CA", ok, "Certificate", false));
        assertEquals(details(null, null, null, "x", false), details(null, null, null, "x", false));
        assertNotEquals(d, null);
    }
}
