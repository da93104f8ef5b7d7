package dev.certsd.cli;

import static dev.certsd.testing.Fixtures.SERVER_CA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.certsd.testing.Fixtures;
import dev.certsd.testing.TestPki;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check, test and fix take a host directory by name or by path (as shell completion writes it), never elsewhere. */
class HostDirPathsTest {
    private static final String HOST = "127.0.0.1:5443";
    @TempDir
    Path work;
    private Path certs;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void brokenHostDirectory() throws IOException {
        certs = Files.createDirectory(work.resolve("certs.d"));
        Fixtures.healthy(certs.resolve(HOST));
        Files.delete(certs.resolve(HOST).resolve("client.cert")); // client.key is an orphan: 1 config error
        Fixtures.healthy(certs.resolve("other.example.com"));
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(1, List.of("--daemon-json", work.resolve("none.json").toString(), "--hosts-file",
                work.resolve("no-hosts").toString(), "--client", "containers"));
        return CertsdCommand.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    }

    @SuppressWarnings("unchecked")
    private List<String> checkedDirs() throws IOException {
        List<Object> hosts = (List<Object>) JSON.std.mapFrom(out.toString()).get("hosts");
        return hosts.stream().map(h -> (String) ((Map<String, Object>) h).get("dir")).toList();
    }

    @Test
    void checkTakesAPathInsideTheRootLikeTheName() throws IOException {
        assertEquals(1, run("check", "--root", certs.toString(), HOST, "--json"));
        String byName = out.toString().replaceAll("\"scannedAt\" : \"[^\"]*\"", "");
        assertEquals(1, run("check", "--root", certs.toString(), certs.resolve(HOST) + "/", "--json"));
        assertEquals(byName, out.toString().replaceAll("\"scannedAt\" : \"[^\"]*\"", ""));
        assertEquals(List.of(HOST), checkedDirs());
    }

    @Test
    void checkInfersTheRootFromAPathWithoutRoot() throws IOException {
        assertEquals(1, run("check", certs.resolve(HOST).toString(), "--json"));
        assertEquals(certs.toString(), JSON.std.mapFrom(out.toString()).get("root"));
        assertEquals(List.of(HOST), checkedDirs());
        assertEquals(0, run("check", certs.resolve("other.example.com").toString()));
        assertTrue(out.toString().contains("1 host directory, 0 with errors"), out.toString());
    }

    @Test
    void aRelativePathCountsFromTheWorkingDirectory() throws IOException {
        Path relative = Path.of("").toAbsolutePath().relativize(certs.resolve(HOST));
        assertEquals(1, run("check", "--root", certs.toString(), relative.toString(), "--json"));
        assertEquals(List.of(HOST), checkedDirs());
    }

    @Test
    void aPathOutsideTheRootIsAUsageErrorNeverAnEmptySuccess() throws IOException {
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere").resolve(HOST));
        assertEquals(2, run("check", "--root", certs.toString(), elsewhere.toString()));
        assertTrue(err.toString().contains("is not a host directory in the root " + certs), err.toString());
        assertEquals(2, run("check", "--root", certs.toString(), certs.resolve(HOST).resolve("client.key").toString()));
        assertEquals(2, run("check", certs.resolve(HOST).toString(), elsewhere.toString()));
        assertEquals(2, run("test", "--root", certs.toString(), elsewhere.toString()));
        assertEquals(2, run("fix", "--root", certs.toString(), "ORPHAN_KEY", elsewhere.toString(), "--dry-run"));
        assertFalse(err.toString().contains("Index 0 out of bounds"), err.toString());
    }

    @Test
    void aMissingHostDirectoryIsAnErrorNeverAnEmptySuccess() {
        assertEquals(2, run("check", "--root", certs.toString(), "missing.example.com"));
        assertEquals(2, run("check", "--root", certs.toString(), certs.resolve("missing.example.com").toString()));
        assertEquals(2, run("test", "--root", certs.toString(), "missing.example.com"));
    }

    @Test
    void testTakesAPathWithAndWithoutRoot() throws IOException {
        for (List<String> args : List.of(List.of("test", "--root", certs.toString(), certs.resolve(HOST) + "/"),
                List.of("test", certs.resolve(HOST).toString()))) {
            List<String> all = new ArrayList<>(args);
            all.addAll(List.of("--json", "--timeout", "0.5"));
            assertEquals(1, run(all.toArray(String[]::new)), err.toString());
            Map<String, Object> doc = JSON.std.mapFrom(out.toString());
            assertEquals(HOST, doc.get("dir"));
            @SuppressWarnings("unchecked")
            Map<String, Object> prediction = (Map<String, Object>) doc.get("prediction");
            assertEquals("CONFIG_ERROR", prediction.get("path"));
            assertFalse(err.toString().contains("Index 0"), err.toString());
        }
    }

    @Test
    void fixTakesAPath() {
        assertEquals(0, run("fix", "--root", certs.toString(), "ORPHAN_KEY", certs.resolve(HOST).toString(),
                "--dry-run"), err.toString());
        assertTrue(out.toString().contains("client.key"), out.toString());
    }

    @Test
    void aFileNamedLikeAHostDirectoryIsCheckedNotRefused() throws IOException {
        TestPki.write(certs, "reg.example.com:5000", SERVER_CA.certPem());
        assertEquals(1, run("check", "--root", certs.toString(), "reg.example.com:5000"));
        assertTrue(out.toString().contains("readdirent " + certs.resolve("reg.example.com:5000") + ": not a directory"),
                out.toString());
        assertEquals(1, run("check", certs.resolve("reg.example.com:5000").toString()));
    }
}
