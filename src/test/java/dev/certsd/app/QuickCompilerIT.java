package dev.certsd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.testing.ExternalTools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, run as the README runs it ({@code java -jar}), asks its JVM for C1 only (QuickCompiler), and
 * leaves a JVM alone that was given its own compiler choice or {@code -Dcertsd.c2=on}. What the JVM itself reports
 * decides ({@code -XX:+PrintCompilation} names each method C2 was refused by the directive), not what our code believes.
 */
class QuickCompilerIT {
    private static final Path PROJECT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private static final String C2_EXCLUDED = "made not compilable on level 4";

    @Test
    void aPlainJavaDashJarRunCompilesWithC1Only() throws Exception {
        String out = run();
        assertTrue(out.contains(C2_EXCLUDED) && out.contains("excluded by CompileCommand"), out);
    }

    @Test
    void aJvmStartedWithItsOwnChoiceOrTheOptOutIsLeftAsItIs() throws Exception {
        assertFalse(run("-XX:TieredStopAtLevel=1").contains(C2_EXCLUDED));
        assertFalse(run("-Dcertsd.c2=on").contains(C2_EXCLUDED));
    }

    private static String run(String... jvmOptions) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+PrintCompilation"));
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-jar", PROJECT.resolve("target/certsd-studio.jar").toString(), "--version"));
        ExternalTools.Result r = ExternalTools.run(cmd, PROJECT, 60);
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        return r.stdout();
    }
}
