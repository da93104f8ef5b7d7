package dev.certsd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.testing.ExternalTools;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Launches the packaged app the two ways a user does, under Xvfb, through {@code docs/smoke.sh}, and sees its
 * window (the marker file the app writes for its first frame). Runs after {@code package} (failsafe), so the jar
 * exists; skipped without xvfb-run on a laptop, required in CI.
 */
class GuiSmokeIT {
    private static final Path PROJECT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();

    @Test
    void mvnJavafxRunOpensTheWindowWithJavaFxOnTheModulePath() throws Exception {
        assertWindowShown("javafx-run");
    }

    @Test
    void javaDashJarOpensTheWindowWithJavaFxOnTheClasspath() throws Exception {
        assertWindowShown("jar");
    }

    private static void assertWindowShown(String way) throws Exception {
        ExternalTools.require("xvfb-run", "xvfb");
        ExternalTools.Result r = ExternalTools.run(List.of("bash", "docs/smoke.sh", way), PROJECT, 240);
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stdout().startsWith(way + ": window shown after "), r.stdout());
    }
}
