package dev.certsd.installer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.testing.ExternalTools;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * installer/ModernClassFiles.java on the picocli jar the app ships: every Java 5 class file becomes a Java 8 one with
 * the same bytecode, everything else in the jar is byte for byte the same, and the command line run on the rewritten
 * jar (verified by this JVM as it loads it) prints what it prints on the original. Needs a JDK 24+ for the class
 * file API (CERTSD_JDK, default /usr/lib/jvm/temurin-25-jdk-amd64, as installer/build.sh): without one the
 * installer ships picocli as it is, and this test is skipped.
 */
class ModernClassFilesTest {
    @TempDir
    Path tmp;

    @Test
    void picocliBecomesJava8ClassFilesAndTheCommandLineSaysTheSame() throws Exception {
        Path jdk = Path.of(System.getenv().getOrDefault("CERTSD_JDK", "/usr/lib/jvm/temurin-25-jdk-amd64"));
        Assumptions.assumeTrue(Files.isExecutable(jdk.resolve("bin/java")),
                "no JDK 24+ at " + jdk + " (CERTSD_JDK): installer/build.sh takes the same test and then ships"
                        + " picocli's class files as they are, so there is nothing of this to run here");
        Path original = Path.of(CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path modern = tmp.resolve(original.getFileName());
        Files.copy(original, modern);

        ExternalTools.Result r = run(List.of(jdk.resolve("bin/java").toString(), "installer/ModernClassFiles.java",
                modern.toString()));
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("made version 52"), r.stdout());

        Map<String, byte[]> before = entries(original);
        Map<String, byte[]> after = entries(modern);
        assertEquals(List.copyOf(before.keySet()), List.copyOf(after.keySet()));
        int rewritten = 0;
        for (Map.Entry<String, byte[]> e : before.entrySet()) {
            byte[] old = e.getValue();
            byte[] now = after.get(e.getKey());
            if (e.getKey().endsWith(".class") && major(old) < 50) {
                assertEquals(52, major(now), e.getKey());
                rewritten++;
            } else {
                assertArrayEquals(old, now, e.getKey());
            }
        }
        assertTrue(rewritten > 100, "picocli's Java 5 classes: " + rewritten);

        // run again: nothing left to rewrite, the jar stays as it is
        byte[] jar = Files.readAllBytes(modern);
        assertEquals(0, run(List.of(jdk.resolve("bin/java").toString(), "installer/ModernClassFiles.java",
                modern.toString())).exitCode());
        assertArrayEquals(jar, Files.readAllBytes(modern));

        for (List<String> args : List.of(List.of("check", "--help"), List.of("--version"), List.of("test", "--help"))) {
            ExternalTools.Result asShipped = cli(original, modern, args);
            ExternalTools.Result asIs = cli(original, original, args);
            assertEquals(asIs.exitCode(), asShipped.exitCode(), asShipped.stderr());
            assertEquals(asIs.stdout(), asShipped.stdout());
            assertFalse(asShipped.stderr().contains("VerifyError"), asShipped.stderr());
        }
    }

    /** The command line in a JVM of this test's Java, with {@code picocli} in place of the original jar. */
    private ExternalTools.Result cli(Path original, Path picocli, List<String> args) throws Exception {
        List<String> path = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            path.add(Path.of(entry).toAbsolutePath().equals(original.toAbsolutePath()) ? picocli.toString() : entry);
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, path), "dev.certsd.app.Launcher"));
        command.addAll(args);
        return ExternalTools.run(command, tmp);
    }

    private static ExternalTools.Result run(List<String> command) throws Exception {
        return ExternalTools.run(command, Path.of("").toAbsolutePath(), 120);
    }

    private static Map<String, byte[]> entries(Path jar) throws Exception {
        Map<String, byte[]> all = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                all.put(e.getName(), zip.getInputStream(e).readAllBytes());
            }
        }
        return all;
    }

    private static int major(byte[] classFile) {
        assertTrue(Arrays.equals(Arrays.copyOf(classFile, 4), new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA,
                (byte) 0xBE}));
        return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
    }
}
