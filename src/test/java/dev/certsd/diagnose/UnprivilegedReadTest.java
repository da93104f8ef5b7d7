package dev.certsd.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.certsd.testing.TestPki;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Permission denied never happens to root, and everything here runs as root: so the command line runs in a child
 * JVM as nobody (uid 65534) over a root-owned tree, through {@code setpriv}.
 */
class UnprivilegedReadTest {
    private static final String NOBODY = "65534";

    @Test
    @SuppressWarnings("unchecked")
    void aKeyAndAHostDirectoryNobodyCannotReadAreNamedAsSuch(@TempDir Path tmp) throws Exception {
        Path setpriv = requireRootAndSetpriv();
        chmod(tmp, "rwxr-xr-x");
        Path root = mkdir(tmp.resolve("certs.d"), "rwxr-xr-x");
        Path host = mkdir(root.resolve("reg.example.com:5000"), "rwxr-xr-x");
        TestPki.Issued client = TestPki.cert("CN=unprivileged client").clientAuth().build();
        chmod(TestPki.write(host, "client.cert", client.certPem()), "rw-r--r--");
        chmod(TestPki.write(host, "client.key", client.keyPem()), "rw-------");
        Path locked = mkdir(root.resolve("locked.example.com"), "rwx------");
        chmod(TestPki.write(locked, "ca.crt", TestPki.cert("CN=locked CA").ca().build().certPem()), "rw-r--r--");
        String classpath = copyClasspath(mkdir(tmp.resolve("classpath"), "rwxr-xr-x"));
        Path out = tmp.resolve("stdout.json");
        Path err = tmp.resolve("stderr.txt");

        // keep the machine's own daemon.json out of the verdict
        Process p = checkAsNobody(setpriv, classpath, tmp, out, err, "--root", root.toString(), "--json",
                "--daemon-json", tmp.resolve("no-daemon.json").toString());

        String stderr = Files.readString(err);
        assertFalse(stderr.contains("Exception") || stderr.contains("\tat "), "stack trace on stderr:\n" + stderr);
        assertEquals(1, p.exitValue(), "exit code 1: a host directory has an error; stderr:\n" + stderr);
        Map<String, Object> doc = JSON.std.mapFrom(Files.readString(out));
        List<Map<String, Object>> hosts = (List<Map<String, Object>>) doc.get("hosts");
        Map<String, Object> unreadableKey = finding(hosts, "reg.example.com:5000", "UNREADABLE_FILE");
        assertEquals("client.key", unreadableKey.get("file"));
        assertEquals("error", unreadableKey.get("severity"));
        assertEquals("open " + host.resolve("client.key") + ": permission denied", configError(hosts, "reg.example.com:5000"),
                "the verdict quotes the client's own text");
        assertEquals("open " + locked + ": permission denied", configError(hosts, "locked.example.com"));
        Map<String, Object> unreadableDir = finding(hosts, "locked.example.com", "UNREADABLE_DIRECTORY");
        assertEquals(null, unreadableDir.get("file"));
        assertTrue(String.valueOf(unreadableDir.get("message")).contains("permission denied"),
                String.valueOf(unreadableDir.get("message")));
        assertEquals("config-error", level(hosts, "locked.example.com"), "Docker fails the pull");

        // podman/skopeo (containers/image) skip a directory they may not read without a word (SetupCertificates)
        checkAsNobody(setpriv, classpath, tmp, out, err, "--root", root.toString(), "--json", "--client", "containers",
                "locked.example.com");
        List<Map<String, Object>> skipped = (List<Map<String, Object>>) JSON.std.mapFrom(Files.readString(out)).get("hosts");
        assertEquals("ignored", level(skipped, "locked.example.com"), Files.readString(err));
        Map<String, Object> verdict = (Map<String, Object>) skipped.get(0).get("verdict");
        assertEquals("UNREADABLE_SKIPPED", verdict.get("ignoredBy"));
        assertEquals(null, configError(skipped, "locked.example.com"));
    }

    /** Runs {@code check ARGS} as nobody on the copied class path, output to {@code out} and {@code err}; ended. */
    private static Process checkAsNobody(Path setpriv, String classpath, Path tmp, Path out, Path err, String... args)
            throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(setpriv.toString(), "--reuid=" + NOBODY,
                "--regid=" + NOBODY, "--clear-groups", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classpath,
                "dev.certsd.app.Launcher", "check"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        Stream.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS").forEach(pb.environment()::remove);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("check as nobody did not finish within 120 s");
        }
        return p;
    }

    @SuppressWarnings("unchecked")
    private static Object level(List<Map<String, Object>> hosts, String dir) {
        Map<String, Object> h = hosts.stream().filter(x -> dir.equals(x.get("dir"))).findFirst().orElseThrow();
        return ((Map<String, Object>) h.get("verdict")).get("level");
    }

    private static Object configError(List<Map<String, Object>> hosts, String dir) {
        return hosts.stream().filter(h -> dir.equals(h.get("dir"))).findFirst().orElseThrow().get("configError");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> finding(List<Map<String, Object>> hosts, String dir, String code) {
        Map<String, Object> host = hosts.stream().filter(h -> dir.equals(h.get("dir"))).findFirst().orElse(null);
        assertNotNull(host, "no host " + dir + " in " + hosts);
        List<Map<String, Object>> findings = (List<Map<String, Object>>) host.get("findings");
        return findings.stream().filter(f -> code.equals(f.get("code"))).findFirst()
                .orElseGet(() -> fail("no " + code + " in " + dir + ": " + findings));
    }

    /** Skips with the reason, unless CI=true: there the test must run, so a missing precondition fails. */
    private static Path requireRootAndSetpriv() throws IOException {
        String why = null;
        Optional<Path> setpriv = onPath("setpriv");
        if (!Files.isDirectory(Path.of("/proc/self"))) {
            why = "no /proc: not Linux";
        } else if (!Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"))) {
            why = "not running as root: cannot build a root-owned tree that nobody may not read";
        } else if (setpriv.isEmpty()) {
            why = "setpriv (util-linux) is not installed: cannot run the check as nobody";
        }
        if (why != null) {
            if ("true".equals(System.getenv("CI"))) {
                fail(why + " (CI=true: this test must run here)");
            }
            Assumptions.abort(why);
        }
        return setpriv.get();
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin:/bin";
        return Stream.of(path.split(File.pathSeparator)).filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, program)).filter(Files::isExecutable).findFirst();
    }

    /** The test's classpath lives under /root, which nobody cannot enter: copy it where nobody can read it. */
    private static String copyClasspath(Path into) throws IOException {
        List<String> entries = new ArrayList<>();
        String[] parts = System.getProperty("java.class.path").split(File.pathSeparator);
        for (int i = 0; i < parts.length; i++) {
            Path source = Path.of(parts[i]);
            if (!Files.exists(source)) {
                continue;
            }
            Path target = into.resolve(i + "-" + source.getFileName());
            copy(source, target);
            entries.add(target.toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void copy(Path source, Path target) throws IOException {
        try (Stream<Path> tree = Files.walk(source)) {
            tree.forEach(s -> {
                Path t = target.resolve(source.relativize(s).toString());
                try {
                    if (Files.isDirectory(s)) {
                        mkdir(t, "rwxr-xr-x");
                    } else {
                        chmod(Files.copy(s, t), "rw-r--r--");
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static Path mkdir(Path dir, String perms) throws IOException {
        return chmod(Files.createDirectories(dir), perms);
    }

    private static Path chmod(Path path, String perms) throws IOException {
        return Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(perms));
    }
}
