package dev.certsd.cli;

import static dev.certsd.testing.Fixtures.CLIENT_CA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.certsd.testing.Fixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One host directory of 25,000 files (a pair, its CA's certificate, 2,000 copies of the client CA and stray files)
 * checks completely and correctly, in text and JSON. The timeout only guards against a hang (the quadratic paths
 * this replaced took minutes here); speed is measured by bench/many-files-bench.sh.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ManyFilesCheckTest {
    private static final int COPIES = 2_000;
    private static final int STRAYS = 22_997;

    @TempDir
    static Path tmp;
    private static Path root;
    private static Locale before;

    @BeforeAll
    static void bigDirectory() throws IOException {
        before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        root = Files.createDirectory(tmp.resolve("certs.d"));
        Path host = Fixtures.healthy(root.resolve("reg.example.com:5000"));
        byte[] ca = CLIENT_CA.certPem().getBytes(StandardCharsets.US_ASCII);
        for (int i = 1; i <= COPIES; i++) {
            Files.write(host.resolve(String.format("client-ca-%05d.crt", i)), ca);
        }
        byte[] stray = "stray\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 1; i <= STRAYS; i++) {
            Files.write(host.resolve(String.format("stray-%05d.txt", i)), stray);
        }
    }

    @AfterAll
    static void locale() {
        Locale.setDefault(before);
    }

    private static String run(int expectedCode, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of(
                "--root", root.toString(), "--daemon-json", tmp.resolve("none.json").toString(),
                "--hosts-file", tmp.resolve("no-hosts").toString())).toArray(String[]::new);
        assertEquals(expectedCode, CertsdCommand.run(all, new PrintWriter(out), new PrintWriter(err)), err.toString());
        assertEquals("", err.toString());
        return out.toString();
    }

    @Test
    void textListsEveryFileOnceWithItsFindings() {
        String text = run(0, "check");
        List<String> lines = text.lines().toList();
        assertEquals(3 + COPIES + STRAYS, lines.stream().filter(l -> l.matches("  \\S+  \\[.*]")).count());
        assertEquals(STRAYS, lines.stream().filter(l -> l.contains("info IGNORED_FILE: stray-")).count());
        // every copy but the first repeats a certificate already in the directory
        assertEquals(COPIES - 1, lines.stream().filter(l -> l.contains("info DUPLICATE_CERTIFICATE:")).count());
        assertTrue(text.contains("  Client pairs in load order: client.cert"), text.substring(0, 400));
        assertTrue(text.contains("  ca.crt  [ca]"), text.substring(0, 400));
        assertTrue(text.endsWith("1 host directory, 0 with errors; 0 errors, 0 warnings\n"),
                text.substring(text.length() - 200));
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonHoldsEveryFileInByteOrderWithItsIssuers() throws IOException {
        Map<String, Object> doc = JSON.std.mapFrom(run(0, "check", "--json"));
        Map<String, Object> host = (Map<String, Object>) ((List<Object>) doc.get("hosts")).get(0);
        List<Map<String, Object>> files = (List<Map<String, Object>>) host.get("files");
        assertEquals(3 + COPIES + STRAYS, files.size());
        List<String> names = files.stream().map(f -> (String) f.get("name")).toList();
        assertEquals(names.stream().sorted().toList(), names);
        Map<String, Object> client = files.stream().filter(f -> f.get("name").equals("client.cert")).findFirst()
                .orElseThrow();
        List<String> issuers = (List<String>) client.get("issuedBy");
        assertEquals(COPIES, issuers.size());
        assertEquals("client-ca-00001.crt", issuers.get(0));
        assertEquals(List.of("client.cert"), host.get("pairs"));
    }
}
