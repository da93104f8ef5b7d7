package dev.certsd.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.change.ChangeReport;
import dev.certsd.files.Message;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The judge of the Japanese scene-graph tests: what it takes for a bundle text, and what it does not. */
class BundleTextsTest {
    private static final BundleTexts JA = new BundleTexts(Locale.JAPANESE);
    private static final UiText TEXT = new UiText(Locale.JAPANESE);

    @Test
    void aJapaneseTextFilledInIsFromTheBundleButTheEnglishOneIsNot() {
        assertTrue(JA.contains("ファイル"));
        assertFalse(JA.contains("File"));
        assertTrue(JA.contains(Message.of(ChangeReport.BUNDLE, "change.apply.done", "ca.cert の名前を ca.crt に変更")
                .render(Locale.JAPANESE)));
        assertFalse(JA.contains("Done: Rename ca.cert to ca.crt"));
    }

    @Test
    void aFrameOfPunctuationMatchesOnlyWhenEachPieceIsABundleTextItself() {
        assertTrue(JA.contains(TEXT.fmt("root.readAs", TEXT.get("root.sample"), TEXT.get("probe.client.DOCKER"))));
        assertFalse(JA.contains(TEXT.fmt("root.readAs", "Sample", TEXT.get("probe.client.DOCKER"))));
        assertTrue(JA.contains(TEXT.fmt("cert.notAfter.note", TEXT.fmt("cert.daysLeft", 3650))));
        assertFalse(JA.contains(TEXT.fmt("cert.notAfter.note", "3650 days left")));
    }

    @Test
    void eachBranchOfAChoiceIsAText() {
        assertEquals(List.of("x 1 error y", "x {0} errors y"),
                BundleTexts.expandChoices("x {0,choice,1#1 error|1<{0} errors} y"));
        assertTrue(JA.contains(TEXT.fmt("cert.daysLeft", 1)));
        assertTrue(JA.contains(TEXT.fmt("cert.daysLeft", 12)));
    }

    @Test
    void aTextOfSeveralLinesIsJudgedLineByLine() {
        String tip = TEXT.fmt("list.item", TEXT.get("verdict.ignored")) + "\n" + TEXT.fmt("tooltip.hostCounts", 1, 2);
        assertTrue(JA.contains(tip));
        assertFalse(JA.contains(tip + "\nsee the docs"));
        assertFalse(JA.contains(TEXT.fmt("list.item", "an English note")), "a bullet is no licence");
    }

    @Test
    void bareDataIsNotABundleText() {
        assertFalse(JA.contains("/etc/docker/certs.d/registry.example.com"));
        assertFalse(JA.contains("CN=Registry CA,O=Certs.d Test"));
        assertFalse(JA.contains("14"));
    }
}
