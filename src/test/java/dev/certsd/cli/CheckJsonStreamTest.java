package dev.certsd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.certsd.diagnose.Badge;
import dev.certsd.diagnose.FileReport;
import dev.certsd.diagnose.Finding;
import dev.certsd.diagnose.HostReport;
import dev.certsd.diagnose.Messages;
import dev.certsd.diagnose.RootReport;
import dev.certsd.diagnose.RootScanner;
import dev.certsd.diagnose.ScanOptions;
import dev.certsd.diagnose.Verdict;
import dev.certsd.fix.Fix;
import dev.certsd.fix.HostAnswer;
import dev.certsd.material.CertInfo;
import dev.certsd.material.KeyInfo;
import dev.certsd.roots.CertsRoot;
import dev.certsd.roots.Client;
import dev.certsd.sample.SampleRoot;
import dev.certsd.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code check --json} is written field by field as it goes; its bytes are those of the map-based document it
 * replaced (kept below as {@link #mapDocument}, written by jackson-jr), on the sample root and on hostile names (control
 * characters, DEL, C1, non-ASCII, quotes), for every client.
 */
class CheckJsonStreamTest {
    @TempDir
    static Path tmp;
    private static Path sample;
    private static Path hostile;
    private static Path large;

    @BeforeAll
    static void roots() throws IOException {
        sample = new SampleRoot(Clock.systemUTC()).generate(tmp.resolve("data"));
        hostile = Files.createDirectories(tmp.resolve("hostile"));
        Fixtures.healthy(hostile.resolve("evil\u001b[2J:5000"));
        Path odd = Fixtures.healthy(hostile.resolve("odd.example.com"));
        for (String name : List.of("del\u007f.crt", "c1\u009b2J.txt", "quote\"back\\slash.cert", "caf\u00e9.key",
                "tab\tnew\nline.crt", "\u65e5\u672c.txt")) {
            Files.writeString(odd.resolve(name), "not a certificate\n");
        }
        Files.writeString(hostile.resolve("stray-file"), "x");
        // a directory of more files than two pieces of the text output (certificates, findings, fixes, C1 in names)
        large = Files.createDirectories(tmp.resolve("large"));
        Path many = Fixtures.healthy(large.resolve("many.example.com"));
        byte[] ca = Files.readAllBytes(many.resolve("ca.crt"));
        for (int i = 0; i < 2 * InOrder.PIECE + 300; i++) {
            String n = String.format("f%05d", i);
            switch (i % 4) {
                case 0 -> Files.write(many.resolve(n + ".crt"), ca);
                case 1 -> Files.writeString(many.resolve(n + "\u009b.txt"), "stray " + i);
                case 2 -> Files.write(many.resolve(n + ".pem"), ca);
                default -> Files.writeString(many.resolve(n + ".key"), "not a key\n");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void aDirectoryOfManyFilesWrittenInPiecesStreamsTheSameBytes(Client client) throws IOException {
        RootReport report = scan(large, client);
        assertTrue(report.hosts().get(0).files().size() > 2 * InOrder.PIECE);
        assertSame(report);
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void sampleRootStreamsTheSameBytes(Client client) throws IOException {
        assertSame(scan(sample, client));
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void hostileNamesStreamTheSameBytes(Client client) throws IOException {
        RootReport report = scan(hostile, client);
        assertTrue(report.hosts().size() >= 2);
        assertSame(report);
    }

    private static RootReport scan(Path root, Client client) throws IOException {
        return new RootScanner(ScanOptions.defaults(client)).scan(CertsRoot.custom(root, client), List.of());
    }

    private static void assertSame(RootReport report) throws IOException {
        String former = JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT, JSON.Feature.WRITE_NULL_PROPERTIES)
                .asString(mapDocument(report));
        // as the user saw it: through the terminal guard, which wrote DEL and C1 as JSON escapes (the document now
        // escapes them itself and goes out unguarded)
        java.io.StringWriter guarded = new java.io.StringWriter();
        try (java.io.PrintWriter w = TerminalText.guard(new java.io.PrintWriter(guarded), false)) {
            w.write(former);
        }
        assertEquals(guarded.toString(), CheckJson.render(report));
        // and as a UTF-8 terminal gets it: the generator's own bytes
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        CheckJson.write(report, bytes);
        assertEquals(guarded.toString(), bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    // ---- the former document: maps of maps, written by jackson-jr ------------------------------------------------

    private static Map<String, Object> mapDocument(RootReport report) {
        Messages messages = new Messages(Locale.ENGLISH);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("root", report.root().path().toString());
        doc.put("client", report.root().client().id());
        doc.put("scannedAt", report.scannedAt().toString());
        report.hosts().stream().map(h -> h.verdict().modelledFor()).filter(java.util.Objects::nonNull).findFirst()
                .ifPresent(v -> doc.put("clientVersion", JsonText.version(v)));
        List<Object> hosts = new ArrayList<>();
        for (HostReport h : report.hosts()) {
            hosts.add(host(h, messages));
        }
        doc.put("hosts", hosts);
        doc.put("findings", findings(report.findings(), messages, ""));
        return doc;
    }

    private static Map<String, Object> host(HostReport h, Messages messages) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dir", h.hostDir().dirName());
        m.put("host", h.hostDir().host());
        m.put("port", h.hostDir().port());
        m.put("references", h.hostDir().references());
        m.put("certsdUsed", h.certsdUsed());
        HostAnswer answer = HostAnswer.of(h);
        Verdict v = answer.verdict();
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("level", v.level().id());
        verdict.put("clientError", v.clientError());
        verdict.put("hangsOn", v.hangsOn());
        verdict.put("ignoredBy", v.ignoredBy() == null ? null : v.ignoredBy().name());
        verdict.put("errors", v.errors());
        verdict.put("warnings", v.warnings());
        verdict.put("modelledFor", v.modelledFor() == null ? null : v.modelledFor().id());
        m.put("verdict", verdict);
        m.put("configError", h.configError());
        m.put("configErrorFile", h.certsdUsed() ? h.load().errorFile() : null);
        m.put("blocksOn", h.certsdUsed() ? h.load().blocksOn() : null);
        m.put("pairs", h.load().pairs());
        m.put("cas", h.load().caFiles());
        m.put("systemRootsMerged", h.load().systemRootsMerged());
        List<Object> files = new ArrayList<>();
        for (FileReport f : h.files()) {
            files.add(file(f, answer, messages, h.hostDir().dirName()));
        }
        m.put("files", files);
        m.put("findings", advice(answer.findings(), messages, h.hostDir().dirName()));
        return m;
    }

    private static Map<String, Object> file(FileReport f, HostAnswer answer, Messages messages, String dirName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put("role", f.role().id());
        m.put("badges", f.badges().stream().sorted().map(Badge::id).toList());
        m.put("kind", f.entry().kind().name().toLowerCase(Locale.ROOT));
        m.put("issuedBy", f.issuedBy());
        m.put("findings", advice(answer.forFile(f), messages, dirName));
        if (f.entry().content() != null) {
            m.put("format", f.entry().content().format().name().toLowerCase(Locale.ROOT));
            List<Object> certs = new ArrayList<>();
            for (CertInfo c : f.entry().content().certificates()) {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("subject", c.subject());
                cm.put("issuer", c.issuer());
                cm.put("notBefore", c.notBefore().toString());
                cm.put("notAfter", c.notAfter().toString());
                cm.put("ca", c.isCa());
                cm.put("sha256", c.sha256());
                certs.add(cm);
            }
            m.put("certificates", certs);
            m.put("keys", f.entry().content().keys().stream().map(KeyInfo::describe).toList());
        }
        return m;
    }

    private static List<Object> advice(List<HostAnswer.Advice> advice, Messages messages, String dirName) {
        List<Object> out = new ArrayList<>();
        for (HostAnswer.Advice a : advice) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) findings(List.of(a.finding()), messages, dirName).get(0);
            List<Object> fixes = new ArrayList<>();
            for (Fix fix : a.fixes()) {
                Map<String, Object> fm = new LinkedHashMap<>();
                fm.put("how", fix.kind().id());
                fm.put("description", fix.description().render(Locale.ENGLISH));
                fixes.add(fm);
            }
            m.put("fixes", fixes);
            out.add(m);
        }
        return out;
    }

    private static List<Object> findings(List<Finding> findings, Messages messages, String dirName) {
        List<Object> out = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", f.code().name());
            m.put("severity", f.severity().id());
            m.put("file", f.file());
            m.put("args", f.args());
            m.put("message", messages.render(f, dirName));
            out.add(m);
        }
        return out;
    }
}
