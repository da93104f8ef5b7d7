package dev.certsd.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.testing.ExternalTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * installer/launcher-script.sh, which replaces jpackage's launcher by a script, on an app image whose runtime's
 * {@code java} prints its arguments: the configuration's class path and options reach the JVM unchanged, through a
 * link as on the PATH and from a directory with a space; the window's cache for the window, the command line's for
 * the rest; a configuration value that a shell would expand is refused.
 */
class LauncherScriptTest {
    private static final String MAIN = "dev.certsd.app.Launcher";
    private static final List<String> CLI_OPTIONS = List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTAdapterCaching");

    @TempDir
    Path tmp;
    private Path image;
    private Path app;

    @BeforeEach
    void image() throws Exception {
        image = tmp.resolve("my image/certsd-studio");
        app = image.resolve("lib/app");
        Files.createDirectories(app);
        Files.createDirectories(image.resolve("bin"));
        Files.writeString(image.resolve("bin/certsd-studio"), "jpackage's launcher");
        Path java = image.resolve("lib/runtime/bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        config("-XX:AOTCache=$APPDIR/certsd-studio.aot");
    }

    private void config(String cacheOption) throws Exception {
        Files.writeString(app.resolve("certsd-studio.cfg"), String.join("\n", "[Application]",
                "app.classpath=$APPDIR/certsd-studio.jar", "app.mainclass=" + MAIN,
                "app.classpath=$APPDIR/lib/picocli-4.7.7.jar", "", "[JavaOptions]", "java-options=" + cacheOption,
                "java-options=-Djpackage.app-version=0.1.0", "java-options=-XX:TieredStopAtLevel=1", ""));
    }

    private ExternalTools.Result write() throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "installer/launcher-script.sh", image.toString(),
                "certsd-studio", MAIN));
        command.addAll(CLI_OPTIONS);
        return ExternalTools.run(command, Path.of("").toAbsolutePath());
    }

    /** The JVM's arguments when the launcher is run through a link, as /usr/bin/certsd-studio runs it. */
    private List<String> jvmArguments(String... args) throws Exception {
        Path link = tmp.resolve("usr-bin/certsd-studio");
        if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, image.resolve("bin/certsd-studio"));
        }
        List<String> command = new ArrayList<>(List.of(link.toString()));
        command.addAll(List.of(args));
        ExternalTools.Result r = ExternalTools.run(command, tmp);
        assertEquals(0, r.exitCode(), r.stderr());
        return r.stdout().lines().toList();
    }

    private List<String> expected(List<String> cache, String... args) {
        String a = app.toString();
        List<String> all = new ArrayList<>(hugePages());
        all.addAll(List.of("-classpath", a + "/certsd-studio.jar:" + a + "/lib/picocli-4.7.7.jar",
                "-Djpackage.app-version=0.1.0", "-XX:TieredStopAtLevel=1",
                "-Djpackage.app-path=" + image.resolve("bin/certsd-studio")));
        all.addAll(cache);
        all.add(MAIN);
        all.addAll(List.of(args));
        return all;
    }

    /** What the script asks of this machine's kernel: huge pages for the heap only in Linux's {@code madvise} mode. */
    private static List<String> hugePages() {
        try {
            return Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled")).contains("[madvise]")
                    ? List.of("-XX:+UseTransparentHugePages") : List.of();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    /** The window's cache, as the script names it. */
    private List<String> windowCache() {
        return List.of("-XX:AOTCache=" + app.resolve("certsd-studio.aot"));
    }

    /** A command line cache ({@code cli}, {@code check}, {@code test}) with the options it was trained with. */
    private List<String> commandCache(String name) {
        List<String> options = new ArrayList<>(List.of("-XX:AOTCache=" + app.resolve("certsd-studio-" + name + ".aot")));
        options.addAll(CLI_OPTIONS);
        return options;
    }

    /** Puts empty command line caches ({@code cli}, {@code check}, {@code test}) beside the window's. */
    private void caches(String... names) throws IOException {
        for (String name : names) {
            Files.writeString(app.resolve("certsd-studio-" + name + ".aot"), "");
        }
    }

    @Test
    void theWindowGetsItsCacheAndTheCommandLineItsOwn() throws Exception {
        caches("cli");
        ExternalTools.Result r = write();
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(Files.readString(image.resolve("bin/certsd-studio")).startsWith("#!/bin/sh\n"));
        List<String> window = windowCache();
        List<String> cli = commandCache("cli");
        assertEquals(expected(window), jvmArguments());
        assertEquals(expected(window, "gui", "/srv/a b"), jvmArguments("gui", "/srv/a b"));
        assertEquals(expected(cli, "check", "--root", "/srv/a b", "$(id)"),
                jvmArguments("check", "--root", "/srv/a b", "$(id)"));
    }

    @Test
    void checkGetsTheCacheTrainedOnChecksWhenThereIsOne() throws Exception {
        caches("cli", "check");
        assertEquals(0, write().exitCode());
        List<String> window = windowCache();
        List<String> cli = commandCache("cli");
        List<String> check = commandCache("check");
        assertEquals(expected(check, "check", "--root", "/srv/a b", "$(id)"),
                jvmArguments("check", "--root", "/srv/a b", "$(id)"));
        assertEquals(expected(cli, "test", "check"), jvmArguments("test", "check"));
        assertEquals(expected(cli, "--check"), jvmArguments("--check"));
        assertEquals(expected(window, "gui", "check"), jvmArguments("gui", "check"));
        assertEquals(expected(window), jvmArguments());
    }

    @Test
    void testGetsTheCacheTrainedOnTestsWhenThereIsOne() throws Exception {
        caches("cli", "check", "test");
        assertEquals(0, write().exitCode());
        List<String> window = windowCache();
        List<String> cli = commandCache("cli");
        List<String> check = commandCache("check");
        List<String> test = commandCache("test");
        assertEquals(expected(test, "test", "--root", "/srv/a b", "--json", "reg:5000"),
                jvmArguments("test", "--root", "/srv/a b", "--json", "reg:5000"));
        assertEquals(expected(check, "check", "test"), jvmArguments("check", "test"));
        assertEquals(expected(cli, "fix", "test"), jvmArguments("fix", "test"));
        assertEquals(expected(cli, "--test"), jvmArguments("--test"));
        assertEquals(expected(window, "gui", "test"), jvmArguments("gui", "test"));
        assertEquals(expected(window), jvmArguments());
    }

    @Test
    void aTestCacheWithoutTheCommandLinesIsNotUsed() throws Exception {
        caches("test");
        assertEquals(0, write().exitCode());
        List<String> window = windowCache();
        assertEquals(expected(window, "test", "x"), jvmArguments("test", "x"));
    }

    @Test
    void withoutTheCommandLinesCacheEverythingUsesTheWindows() throws Exception {
        assertEquals(0, write().exitCode());
        List<String> window = windowCache();
        assertEquals(expected(window, "check"), jvmArguments("check"));
        assertEquals(expected(window), jvmArguments());
    }

    @Test
    void aConfigurationValueTheShellWouldExpandIsRefusedAndTheLauncherKept() throws Exception {
        for (String bad : List.of("-Dx=$(id)", "-Dx=\"quoted\"", "-Dx=`id`", "-Dx=a\\b")) {
            config("-XX:AOTCache=$APPDIR/certsd-studio.aot\njava-options=" + bad);
            ExternalTools.Result r = write();
            assertEquals(1, r.exitCode(), bad);
            assertTrue(r.stderr().contains("cannot put"), r.stderr());
            assertEquals("jpackage's launcher", Files.readString(image.resolve("bin/certsd-studio")), bad);
        }
    }
}
