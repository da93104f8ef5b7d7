package dev.certsd.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.cli.CompareCommandTestAccess;
import dev.certsd.remote.SshSettings;
import dev.certsd.sample.SampleRoot;
import dev.certsd.ui.UiText;
import dev.certsd.ui.work.Background;
import dev.certsd.ui.work.QueuedBackground;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compare view's state without a window: both sides read, their rows, a cancel, a refusal. */
class CompareViewModelTest {
    private static final UiText TEXT = new UiText(Locale.ENGLISH);
    @TempDir
    Path dir;

    private CompareViewModel model(Background background) {
        return new CompareViewModel(background, TEXT, new SshSettings(dir.resolve("ssh"), Duration.ofSeconds(5),
                Set.of()));
    }

    @Test
    void aSideLeftEmptyIsAskedForAndNothingRuns() {
        CompareViewModel m = model(Background.sameThread());
        m.leftProperty().set("  ");
        m.rightProperty().set(dir.toString());
        m.compare();
        assertEquals("Name both sides.", m.statusProperty().get());
        assertFalse(m.runningProperty().get());
        assertNull(m.resultProperty().get());
    }

    @Test
    void twoRootsGiveAVerdictRowPerDirectoryAndARowPerFileThatDiffers() throws Exception {
        Path a = new SampleRoot(Clock.systemUTC()).generate(dir.resolve("a"));
        Path b = CompareCommandTestAccess.copy(a, dir.resolve("b"));
        Files.delete(b.resolve(SampleRoot.HEALTHY).resolve("ca.crt"));
        CompareViewModel m = model(Background.sameThread());
        m.leftProperty().set(a.toString());
        m.rightProperty().set(" " + b + " ");
        m.compare();

        assertFalse(m.runningProperty().get());
        assertNotNull(m.resultProperty().get());
        List<CompareRow> verdicts = m.rows().stream().filter(CompareRow::verdictRow).toList();
        assertEquals(SampleRoot.HOST_DIRS.size(), verdicts.size(), verdicts.toString());
        assertTrue(m.rows().stream().anyMatch(r -> r.file().equals("ca.crt") && r.change().equals("only in A")),
                m.rows().toString());
        assertTrue(verdicts.stream().anyMatch(r -> r.change().equals("the same")), verdicts.toString());
        assertTrue(m.statusProperty().get().startsWith(SampleRoot.HOST_DIRS.size() + " host directories compared"),
                m.statusProperty().get());
    }

    @Test
    void theRowsAreReadOnlyForTheView() throws Exception {
        CompareViewModel m = model(Background.sameThread());
        assertThrows(UnsupportedOperationException.class,
                () -> m.rows().add(new CompareRow("d", "", "", "", "", true)));
    }

    @Test
    void aRootAgainstAHostDirectoryIsRefusedWithItsMessage() throws Exception {
        Path a = new SampleRoot(Clock.systemUTC()).generate(dir.resolve("a"));
        CompareViewModel m = model(Background.sameThread());
        m.leftProperty().set(a.toString());
        m.rightProperty().set(a.resolve(SampleRoot.HEALTHY).toString());
        m.compare();
        assertFalse(m.runningProperty().get());
        assertNull(m.resultProperty().get());
        assertTrue(m.rows().isEmpty());
        assertFalse(m.statusProperty().get().isBlank());
    }

    @Test
    void aCancelledComparisonIsNeverShown() throws Exception {
        Path a = new SampleRoot(Clock.systemUTC()).generate(dir.resolve("a"));
        QueuedBackground background = new QueuedBackground();
        CompareViewModel m = model(background);
        m.leftProperty().set(a.toString());
        m.rightProperty().set(a.toString());
        m.compare();
        assertTrue(m.runningProperty().get());
        m.cancel();
        assertFalse(m.runningProperty().get());
        assertEquals("Cancelled.", m.statusProperty().get());
        // the comparison ends on its worker; what it found is dropped
        assertTrue(background.drainAll(Duration.ofSeconds(30)));
        assertNull(m.resultProperty().get());
        assertTrue(m.rows().isEmpty());
        assertEquals("Cancelled.", m.statusProperty().get());
    }
}
