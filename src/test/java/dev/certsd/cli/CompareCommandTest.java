package dev.certsd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.certsd.remote.SshSettings;
import dev.certsd.sample.SampleRoot;
import dev.certsd.testing.RealSshd;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    @TempDir
    static Path dir;
    static Path sample;

    @BeforeAll
    static void sample() throws IOException {
        sample = new SampleRoot(Clock.systemUTC()).generate(dir.resolve("data"));
    }

    @AfterAll
    static void noSshDir() {
        System.clearProperty(SshSettings.SSH_DIR_PROPERTY);
    }

    record Run(int code, String out, String err) {
        Map<String, Object> json() throws IOException {
            return JSON.std.mapFrom(out);
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CertsdCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static Path copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(d).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                Files.copy(f, to.resolve(from.relativize(f).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
        return to;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> dirOf(Map<String, Object> doc, String name) {
        return ((List<Map<String, Object>>) doc.get("dirs")).stream().filter(d -> d.get("dir").equals(name))
                .findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> fileOf(Map<String, Object> dir, String name) {
        return ((List<Map<String, Object>>) dir.get("files")).stream().filter(d -> d.get("name").equals(name))
                .findFirst().orElseThrow();
    }

    @Test
    void aCopyOfARootIsTheSame() throws IOException {
        Path other = copy(sample, dir.resolve("same"));
        Run r = run("compare", sample.toString(), other.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(true, r.json().get("same"));
        assertEquals(SampleRoot.HOST_DIRS.size(), ((List<?>) r.json().get("dirs")).size());
    }

    @Test
    void filesOnlyOnOneSideOtherContentAndModesAreShownWithTheVerdictOnEachSide() throws IOException {
        Path other = copy(sample, dir.resolve("changed"));
        Path healthy = other.resolve(SampleRoot.HEALTHY);
        String key = null;
        String cert = null;
        try (var s = Files.list(healthy)) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString();
                if (n.endsWith(".key")) {
                    key = n;
                } else if (n.endsWith(".cert")) {
                    cert = n;
                }
            }
        }
        Files.delete(healthy.resolve(cert)); // the pair is broken: the client stops on the orphan key
        Files.setPosixFilePermissions(healthy.resolve(key), PosixFilePermissions.fromString("rw-r--r--"));
        Path expired = other.resolve("expired.example.com:5000");
        Files.copy(sample.resolve(SampleRoot.HEALTHY).resolve("ca.crt"), expired.resolve("ca.crt"),
                StandardCopyOption.REPLACE_EXISTING);

        Run r = run("compare", sample.toString(), other.toString(), "--json");
        assertEquals(1, r.code(), r.err());
        Map<String, Object> h = dirOf(r.json(), SampleRoot.HEALTHY);
        assertEquals(true, h.get("verdictsDiffer"));
        assertEquals("ok", ((Map<?, ?>) h.get("left")).get("level"));
        assertEquals("config-error", ((Map<?, ?>) h.get("right")).get("level"));
        assertEquals("only-left", fileOf(h, cert).get("change"));
        assertNull(fileOf(h, cert).get("right"));
        Map<String, Object> k = fileOf(h, key);
        assertEquals("mode", k.get("change"));
        assertEquals("0600", ((Map<?, ?>) k.get("left")).get("mode"));
        assertEquals("0644", ((Map<?, ?>) k.get("right")).get("mode"));
        Map<String, Object> ca = fileOf(dirOf(r.json(), "expired.example.com:5000"), "ca.crt");
        if (!"same".equals(ca.get("change"))) {
            assertEquals("content", ca.get("change"));
            Map<?, ?> l = (Map<?, ?>) ca.get("left");
            Map<?, ?> rt = (Map<?, ?>) ca.get("right");
            assertNotEquals(l.get("sha256"), rt.get("sha256"));
            assertTrue(String.valueOf(rt.get("subject")).contains("CN="), rt.toString());
        }
        Run text = run("compare", sample.toString(), other.toString());
        assertEquals(1, text.code());
        assertTrue(text.out().contains("only in A: " + cert), text.out());
        assertTrue(text.out().contains("different mode: " + key + " (A 0600, B 0644)"), text.out());
    }

    @Test
    void aRootAndAHostDirectoryAreNotCompared() {
        Run r = run("compare", sample.toString(), sample.resolve(SampleRoot.HEALTHY).toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("not of the same kind"), r.err());
        assertEquals(2, run("compare", sample.toString(), dir.resolve("nowhere").toString()).code());
    }

    @Test
    void aRemoteHostDirectoryOverSshComparesWithTheLocalOne() throws Exception {
        try (RealSshd sshd = RealSshd.start(dir.resolve("sshd"))) {
            sshd.trustHostKey();
            System.setProperty(SshSettings.SSH_DIR_PROPERTY, sshd.sshDir().toString());
            Path local = sample.resolve(SampleRoot.HEALTHY);
            Run same = run("compare", local.toString(), sshd.target() + ":" + local, "--json");
            assertEquals(0, same.code(), same.err());
            assertEquals(true, same.json().get("same"));
            Run differs = run("compare", "ssh://" + sshd.target() + sample.resolve("orphan-key.example.com"),
                    local.toString(), "--json");
            assertEquals(1, differs.code(), differs.err());
        }
    }
}
