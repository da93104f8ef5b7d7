package dev.certsd.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.testing.AsNobody;
import dev.certsd.testing.ExternalTools;
import dev.certsd.testing.RootOnly;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The root-owned wrapper polkit runs: it refuses a prepared directory that is not the asking user's before any Java
 * starts, and otherwise runs exactly the fixed command, with an empty environment. The installed app is stood in
 * for by a "java" that prints what it was given.
 */
class ApplyWrapperTest {
    private static final Path WRAPPER = Path.of("installer/linux/certsd-apply-prepared");

    @TempDir
    Path tmp;
    private Path wrapper;
    private Path ran;

    @BeforeEach
    void installIntoATempApp() throws Exception {
        Path app = tmp.resolve("app");
        Path java = Files.createDirectories(app.resolve("lib/runtime/bin")).resolve("java");
        ran = tmp.resolve("ran");
        Files.writeString(java, "#!/bin/sh\n{ for a in \"$@\"; do echo \"arg $a\"; done; env | sort | sed 's/^/env /'; }"
                + " > " + ran + "\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        String text = Files.readString(WRAPPER);
        assertTrue(text.contains("\nAPP=/opt/certsd-studio\n"), "the wrapper runs the .deb's app");
        wrapper = Files.writeString(tmp.resolve("certsd-apply-prepared"),
                text.replace("\nAPP=/opt/certsd-studio\n", "\nAPP=" + app + "\n"));
    }

    private ExternalTools.Result run(String uid, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("env", "PKEXEC_UID=" + uid, "JAVA_TOOL_OPTIONS=-Dinjected=1",
                "sh", wrapper.toString()));
        cmd.addAll(List.of(args));
        return ExternalTools.run(cmd, tmp);
    }

    @Test
    void aPreparedDirectoryOwnedByAnotherUserIsRefused() throws Exception {
        RootOnly.require("a directory of another user's");
        Path prepared = Files.createDirectory(tmp.resolve("prepared")); // root's
        ExternalTools.Result r = run(Integer.toString(AsNobody.UID), prepared.toString());
        assertEquals(1, r.exitCode(), r.stderr());
        assertEquals("certsd-apply-prepared: " + prepared + " belongs to uid 0, not to uid 65534 who asked;"
                + " nothing was changed.\n", r.stderr());
        assertFalse(Files.exists(ran), "no Java was started");
    }

    @Test
    void aLinkAMissingDirectoryAndExtraArgumentsAreRefused() throws Exception {
        Path prepared = Files.createDirectory(tmp.resolve("prepared"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), prepared);
        String uid = Long.toString(((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue());
        assertTrue(run(uid, link.toString()).stderr().contains(link + " is a symbolic link"));
        assertTrue(run(uid, tmp.resolve("none").toString()).stderr().contains("is not a directory"));
        assertTrue(run(uid, prepared.toString(), "--roots-file").stderr().contains("exactly one prepared directory"));
        assertTrue(run(uid, "prepared").stderr().contains("prepared is not an absolute path"));
        assertTrue(run("0; rm -rf /", prepared.toString()).stderr().contains("is not a number"));
        assertFalse(Files.exists(ran), "no Java was started");
    }

    @Test
    void theUsersOwnDirectoryRunsTheFixedCommandWithAnEmptyEnvironment() throws Exception {
        RootOnly.require("a directory of another user's");
        Path prepared = Files.createDirectory(tmp.resolve("prepared"));
        Files.setAttribute(prepared, "unix:uid", AsNobody.UID);
        ExternalTools.Result r = run(Integer.toString(AsNobody.UID), prepared.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        List<String> lines = Files.readAllLines(ran);
        List<String> args = lines.stream().filter(l -> l.startsWith("arg ")).map(l -> l.substring(4)).toList();
        assertEquals(List.of("--add-opens=java.base/sun.nio.fs=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-cp",
                tmp.resolve("app") + "/lib/app/certsd-studio.jar", "dev.certsd.app.Launcher", "apply-prepared", "--",
                prepared.toString()), args);
        List<String> env = lines.stream().filter(l -> l.startsWith("env ")).map(l -> l.substring(4))
                .filter(l -> !l.startsWith("PWD=") && !l.startsWith("SHLVL=") && !l.startsWith("_=")).toList();
        assertEquals(List.of("LANG=C.UTF-8", "PATH=/usr/sbin:/usr/bin:/sbin:/bin", "PKEXEC_UID=65534"), env);
    }
}
