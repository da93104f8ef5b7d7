package dev.certsd.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.certsd.testing.RootOnly;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's one way to run the helper as administrator: the polkit wrapper where the package installed it, else this
 * JVM with the root-safe layer's options; a helper that outlives the limit is killed with what it started. A script
 * stands in for pkexec (no test can answer the prompt).
 */
class PkexecRunnerTest {
    @TempDir
    Path tmp;

    private PreparedChange prepared() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("certsd-prepared-1"));
        return new PreparedChange(dir, dir.resolve("apply.sh"), "", List.of());
    }

    private Path fakePkexec(String body) throws Exception {
        Path p = Files.writeString(tmp.resolve("pkexec"), "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    @Test
    void theInstalledWrapperIsWhatPkexecRuns() throws Exception {
        Path wrapper = tmp.resolve("certsd-apply-prepared");
        PkexecRunner r = new PkexecRunner(Optional.of(Path.of("/usr/bin/pkexec")),
                d -> HelperCommand.forPreparedDirectory(d, Optional.of(wrapper)), PkexecRunner.LIMIT);
        PreparedChange p = prepared();
        assertEquals(List.of("/usr/bin/pkexec", wrapper.toString(), p.directory().toString()), r.command(p));
    }

    @Test
    void withoutTheWrapperThisJvmRunsTheHelperWithTheRootSafeOptions() throws Exception {
        PkexecRunner r = new PkexecRunner(Optional.of(Path.of("/usr/bin/pkexec")),
                d -> HelperCommand.forPreparedDirectory(d, Optional.empty()), PkexecRunner.LIMIT);
        PreparedChange p = prepared();
        List<String> argv = r.command(p);
        assertEquals(List.of("/usr/bin/pkexec", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/sun.nio.fs=ALL-UNNAMED", "-cp"), argv.subList(0, 4));
        assertEquals(List.of("dev.certsd.app.Launcher", "apply-prepared", p.directory().toString()),
                argv.subList(5, 8));
    }

    @Test
    void theWrapperCountsOnlyWhenRootOwnsItAndThePolicyIsInstalled() throws Exception {
        RootOnly.require("a root-owned wrapper");
        Path wrapper = Files.writeString(tmp.resolve("wrapper"), "#!/bin/sh\n");
        Path policy = Files.writeString(tmp.resolve("dev.certsd.studio.policy"), "<policyconfig/>");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(Optional.of(wrapper), HelperCommand.installedWrapper(wrapper, policy));
        assertEquals(Optional.empty(), HelperCommand.installedWrapper(wrapper, tmp.resolve("none.policy")));
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertEquals(Optional.empty(), HelperCommand.installedWrapper(wrapper, policy), "others may write it");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setAttribute(wrapper, "unix:uid", 65534);
        assertEquals(Optional.empty(), HelperCommand.installedWrapper(wrapper, policy), "not root's");
    }

    @Test
    void theHelpersExitCodeAndWordsComeBack() throws Exception {
        PkexecRunner r = new PkexecRunner(Optional.of(fakePkexec("echo \"ran $*\"; exit 126")), d -> List.of("helper",
                d.toString()), PkexecRunner.LIMIT);
        PreparedChange p = prepared();
        PrivilegedRunner.Result res = r.run(p);
        assertEquals(new PrivilegedRunner.Result(126, "ran helper " + p.directory(), false), res);
        assertTrue(r.available());
        assertFalse(new PkexecRunner(Optional.empty(), d -> List.of(), PkexecRunner.LIMIT).available());
    }

    @Test
    void aHelperPastTheLimitIsKilledWithWhatItStarted() throws Exception {
        Path pid = tmp.resolve("child.pid");
        PkexecRunner r = new PkexecRunner(Optional.of(fakePkexec("sleep 300 & echo $! > " + pid + "; wait")),
                d -> List.of(), Duration.ofMillis(1000));
        PrivilegedRunner.Result res = r.run(prepared());
        assertTrue(res.timedOut());
        assertEquals(-1, res.exitCode());
        long child = Long.parseLong(Files.readString(pid).strip());
        Optional<ProcessHandle> h = ProcessHandle.of(child);
        if (h.isPresent()) {
            h.get().onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "the helper's child was killed");
    }
}
