package dev.certsd.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a {@code java -jar} run starts a second JVM, and which class archive that JVM may load. */
class RelaunchTest {
    @TempDir
    Path dir;

    private Path archiveBeside(Path jar) {
        return jar.resolveSibling("lib").resolve(Relaunch.ARCHIVE_PREFIX + System.getProperty("java.vm.version") + ".jsa");
    }

    @Test
    void onlyAJvmStartedWithNothingButDashJarOfThisJarRelaunches() throws Exception {
        Path jar = Files.writeString(dir.resolve("certsd-studio.jar"), "jar");
        Path other = Files.writeString(dir.resolve("wrapper.jar"), "jar");
        assertTrue(Relaunch.plainJar(new String[] {"-jar", jar.toString(), "check"}, jar));
        assertTrue(Relaunch.plainJar(new String[] {"-jar", dir.resolve("./certsd-studio.jar").toString()}, jar));
        assertFalse(Relaunch.plainJar(new String[] {"-jar", other.toString(), "check"}, jar), "another jar runs ours");
        assertFalse(Relaunch.plainJar(new String[] {"-Xmx1g", "-jar", jar.toString(), "check"}, jar));
        assertFalse(Relaunch.plainJar(new String[] {"-cp", jar.toString(), "dev.certsd.app.Launcher"}, jar));
        assertFalse(Relaunch.plainJar(new String[] {"-jar"}, jar));
        // this test's JVM was started with options of its own (surefire's), so it never relaunches
        assertTrue(Relaunch.command(new String[] {"check"}).isEmpty());
    }

    @Test
    void hugePagesAreAskedForOnlyWhereTheKernelGivesThemOnRequest() throws Exception {
        Path mode = dir.resolve("enabled");
        assertFalse(Relaunch.hugePagesOnRequest(mode), "no such file (not Linux)");
        Files.writeString(mode, "always madvise [never]\n");
        assertFalse(Relaunch.hugePagesOnRequest(mode), "never: the JVM would warn");
        Files.writeString(mode, "[always] madvise never\n");
        assertFalse(Relaunch.hugePagesOnRequest(mode), "always: given without asking");
        Files.writeString(mode, "always [madvise] never\n");
        assertTrue(Relaunch.hugePagesOnRequest(mode));
    }

    @Test
    void argumentsThatWouldNotReachTheSecondJvmUnchangedKeepTheCommandHere() {
        String[] japanese = {"check", "--root", "/tmp/c\u00e9/\u65e5\u672c"};
        String[] ascii = {"check", "--root", "/tmp/plain"};
        assertTrue(Relaunch.passesUnchanged(japanese, StandardCharsets.UTF_8));
        assertTrue(Relaunch.passesUnchanged(ascii, StandardCharsets.US_ASCII), "the C locale, plain names");
        assertFalse(Relaunch.passesUnchanged(japanese, StandardCharsets.US_ASCII), "would come out as ?");
        assertFalse(Relaunch.passesUnchanged(new String[] {"check", "--root", "/tmp/c\uFFFD"}, StandardCharsets.UTF_8),
                "a byte the JVM could not decode");
        assertTrue(Relaunch.passesUnchanged(new String[] {"/tmp/c\u00e9"}, StandardCharsets.ISO_8859_1));
    }

    @Test
    void theArchiveIsUsedOnlyWhenTheJarsOwnerAloneCanWriteIt() throws Exception {
        Path jar = Files.writeString(dir.resolve("certsd-studio.jar"), "jar");
        Files.createDirectories(dir.resolve("lib"));
        Path archive = archiveBeside(jar);
        assertNull(Relaunch.archive(jar), "none");
        Files.writeString(archive, "archive");
        Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(archive, Relaunch.archive(jar));
        Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("rw-rw-r--"));
        assertNull(Relaunch.archive(jar), "writable by its group");
        Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("rw-r--rw-"));
        assertNull(Relaunch.archive(jar), "writable by anyone");
        Files.delete(archive);
        Path elsewhere = Files.writeString(dir.resolve("elsewhere.jsa"), "archive");
        Files.createSymbolicLink(archive, elsewhere);
        assertNull(Relaunch.archive(jar), "a symbolic link is not followed");
    }

    @Test
    void anArchiveOfAnotherOwnerIsNotLoaded() throws Exception {
        dev.certsd.testing.RootOnly.require("changing a file's owner"); // skips on a laptop, fails in CI if not root
        Path jar = Files.writeString(dir.resolve("certsd-studio.jar"), "jar");
        Files.createDirectories(dir.resolve("lib"));
        Path archive = Files.writeString(archiveBeside(jar), "archive");
        Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setOwner(archive, dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        assertNull(Relaunch.archive(jar), "another user's archive in a root run");
    }
}
